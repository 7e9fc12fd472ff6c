import type { Article } from '../../../../shared/domain/article';
import type { ClaimRow } from '../../../../shared/claims/claim-row';
import type { ClaimFilter } from '../../../../shared/claims/claim-query';
import { CLAIM_QUERY_MAX_LIMIT } from '../../../../shared/claims/claim-query';
import type { AssembledSections, AssembleInput } from '../../../../shared/domain/memo';
import {
  assembleFromClaims,
  type AssemblyLink,
} from '../../../../shared/memo/assemble-from-claims';
import { AppError } from '../../errors/app-error';
import type { LibraryIndex } from '../library-index/library-index';
import { snapshotOf } from './citation-snapshots';

/** The most claims one assembly places: beyond this a first draft is no longer a draft. */
export const ASSEMBLE_MAX_CLAIMS = 400;

export interface AssembleDeps {
  index: LibraryIndex;
  articleText: (id: string) => Promise<Article>;
}

/** The claims of the filter in reading order: article by article, each in document order. */
async function claimsInReadingOrder(index: LibraryIndex, filter: ClaimFilter): Promise<ClaimRow[]> {
  const rows: ClaimRow[] = [];
  for (let offset = 0; rows.length < ASSEMBLE_MAX_CLAIMS; offset += CLAIM_QUERY_MAX_LIMIT) {
    const page = await index.queryClaims({
      filter,
      sort: 'article',
      groupBy: 'none',
      offset,
      limit: CLAIM_QUERY_MAX_LIMIT,
    });
    rows.push(...page.rows);
    if (offset + page.rows.length >= page.total) break;
  }
  return rows.slice(0, ASSEMBLE_MAX_CLAIMS);
}

function nothingToAssemble(input: AssembleInput): AppError {
  return new AppError(
    'NOT_FOUND',
    'ticker' in input
      ? `No claims are tagged for ${input.ticker} yet: highlight thesis, risk or evidence claims in articles about it first.`
      : 'The chosen articles have no claims yet: highlight thesis, risk or evidence claims in them first.',
  );
}

/**
 * "Assemble from claims": the claims of a ticker or of chosen articles (at most
 * ASSEMBLE_MAX_CLAIMS, in reading order), each as a citation with its locator, placed in
 * Thesis, Risks and Evidence with evidence and risks listed under the theses they bear on.
 */
export async function assembleSections(
  { index, articleText }: AssembleDeps,
  input: AssembleInput,
): Promise<AssembledSections> {
  await index.whenBuilt();
  const filter: ClaimFilter =
    'ticker' in input ? { tickers: [input.ticker] } : { articleIds: input.articleIds };
  const rows = await claimsInReadingOrder(index, filter);
  if (rows.length === 0) throw nothingToAssemble(input);

  const snapshots = [];
  const links: AssemblyLink[] = [];
  for (const row of rows) {
    const highlight = index.claim(row.id);
    if (!highlight) continue; // deleted while this ran
    snapshots.push(await snapshotOf({ row, highlight }, articleText));
    for (const link of highlight.links) {
      links.push({ fromId: highlight.id, toId: link.to.id, kind: link.kind });
    }
  }
  if (snapshots.length === 0) throw nothingToAssemble(input);
  return assembleFromClaims(snapshots, links);
}
