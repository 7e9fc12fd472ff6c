import type { Tag } from '../domain/codebook';
import type { ClaimIndex } from './claim-index';
import type { ClaimFilter } from './claim-query';
import { CLASS_ORDER } from './class-order';
import { normalizeTicker } from './normalize-ticker';
import { tagsWithDescendants } from './tags-with-descendants';

/** A filter turned into tests over the index's slots; null parts do not filter. */
export interface ClaimFilterPlan {
  /** By article slot: 1 when the article passes the article-level facets. */
  articleOk: Uint8Array | null;
  /** The claim-level facets. */
  rowOk: ((slot: number) => boolean) | null;
}

const given = <T>(values: readonly T[] | undefined): values is readonly T[] =>
  values !== undefined && values.length > 0;

interface DateRange {
  from?: string | undefined;
  to?: string | undefined;
}
/** ISO dates order as strings: no Date parsing per claim. */
const inRange = (value: string, range: DateRange) =>
  (range.from === undefined || value >= range.from) &&
  (range.to === undefined || value <= range.to);
/** A range with neither end does not filter. */
const activeRange = (range: DateRange | undefined): DateRange | null =>
  range !== undefined && (range.from !== undefined || range.to !== undefined) ? range : null;

/** Whether any of `codes` is marked; a plain loop, as it runs once per claim. */
function hasMarked(codes: readonly number[], mark: Uint8Array): boolean {
  for (const code of codes) if (mark[code] === 1) return true;
  return false;
}

/**
 * Article-level facets (article, source, ticker, language, publication date) are decided
 * once per article, so the per-claim loop only reads one byte for all of them.
 */
function compileArticleFacets(index: ClaimIndex, filter: ClaimFilter): Uint8Array | null {
  const { articleIds, sources, tickers, languages, published } = filter;
  const dates = activeRange(published);
  if (!given(articleIds) && !given(sources) && !given(tickers) && !given(languages) && !dates) {
    return null;
  }
  const ids = given(articleIds) ? new Set(articleIds) : null;
  const sourceSet = given(sources) ? new Set(sources) : null;
  const languageSet = given(languages) ? new Set(languages) : null;
  let tickerMark: Uint8Array | null = null;
  if (given(tickers)) {
    tickerMark = new Uint8Array(index.tickers.size);
    for (const ticker of tickers) {
      const code = index.tickers.find(normalizeTicker(ticker));
      if (code !== undefined) tickerMark[code] = 1;
    }
  }

  const ok = new Uint8Array(index.articles.length);
  index.articles.forEach((article, slot) => {
    if (article === undefined) return;
    const { meta } = article;
    if (ids && !ids.has(article.id)) return;
    if (sourceSet && (meta.source === null || !sourceSet.has(meta.source))) return;
    if (languageSet && !languageSet.has(meta.language)) return;
    if (tickerMark && !hasMarked(article.tickerCodes, tickerMark)) return;
    if (dates && (meta.publishedAt === null || !inRange(meta.publishedAt, dates))) return;
    ok[slot] = 1;
  });
  return ok;
}

function compileRowFacets(
  index: ClaimIndex,
  filter: ClaimFilter,
  codebook: readonly Tag[],
): ClaimFilterPlan['rowOk'] {
  const { classes, tagIds, hasNote, orphaned, created, ids } = filter;
  const classMask = given(classes)
    ? classes.reduce((mask, c) => mask | (1 << CLASS_ORDER.indexOf(c)), 0)
    : null;
  let tagMark: Uint8Array | null = null;
  if (given(tagIds)) {
    tagMark = new Uint8Array(index.tags.size);
    for (const id of tagsWithDescendants(codebook, tagIds)) {
      const code = index.tags.find(id);
      if (code !== undefined) tagMark[code] = 1;
    }
  }
  const days = activeRange(created);
  let idSlots: Set<number> | null = null;
  if (given(ids)) {
    idSlots = new Set();
    for (const id of ids) {
      const slot = index.slotOfClaim(id);
      if (slot !== undefined) idSlots.add(slot);
    }
  }
  const unfiltered =
    classMask === null && !tagMark && hasNote === undefined && orphaned === undefined;
  if (unfiltered && !days && !idSlots) return null;

  const { classOf, tagCodes, createdDay } = index.columns;
  const noteOf = index.columns.hasNote;
  const orphanOf = index.columns.orphaned;
  const wantNote = hasNote === undefined ? -1 : hasNote ? 1 : 0;
  const wantOrphan = orphaned === undefined ? -1 : orphaned ? 1 : 0;
  return (slot) => {
    if (classMask !== null && (classMask & (1 << classOf[slot]!)) === 0) return false;
    if (wantNote !== -1 && noteOf[slot] !== wantNote) return false;
    if (wantOrphan !== -1 && orphanOf[slot] !== wantOrphan) return false;
    if (days && !inRange(createdDay[slot]!, days)) return false;
    if (tagMark && !hasMarked(tagCodes[slot]!, tagMark)) return false;
    if (idSlots && !idSlots.has(slot)) return false;
    return true;
  };
}

/** Compiles the filter against the index's current slots (use the plan before any update). */
export function compileClaimFilter(
  index: ClaimIndex,
  filter: ClaimFilter,
  codebook: readonly Tag[],
): ClaimFilterPlan {
  return {
    articleOk: compileArticleFacets(index, filter),
    rowOk: compileRowFacets(index, filter, codebook),
  };
}
