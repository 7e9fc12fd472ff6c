import { Text } from '@mantine/core';
import { useMemo } from 'react';
import type { MemoDoc } from '../../../../shared/domain/memo-doc';
import type { ClaimReferenceAttrs } from '../../../../shared/memo/claim-reference';
import { CLAIM_REFERENCE } from '../../../../shared/memo/claim-reference';
import { forEachMemoNode } from '../../../../shared/memo/memo-walk';
import { formatCitationDate } from '../../../../shared/memo/source-label';

interface CitedSource {
  articleId: string;
  title: string;
  source: string | null;
  publishedAt: string | null;
  citations: number;
}

/** Every cited article once, sorted by publisher then title. */
function citedSources(doc: MemoDoc): CitedSource[] {
  const byArticle = new Map<string, CitedSource>();
  forEachMemoNode(doc, (node) => {
    if (node.type !== CLAIM_REFERENCE) return;
    const attrs = node.attrs as unknown as ClaimReferenceAttrs;
    const known = byArticle.get(attrs.articleId);
    if (known) known.citations++;
    else
      byArticle.set(attrs.articleId, {
        articleId: attrs.articleId,
        title: attrs.articleTitle || 'Untitled article',
        source: attrs.source,
        publishedAt: attrs.publishedAt,
        citations: 1,
      });
  });
  return [...byArticle.values()].sort(
    (a, b) =>
      (a.source ?? '\uffff').localeCompare(b.source ?? '\uffff') || a.title.localeCompare(b.title),
  );
}

/** The memo's "Sources" section: generated from its citations at each save, read-only. */
export function MemoSources({ doc }: { doc: MemoDoc }) {
  const sources = useMemo(() => citedSources(doc), [doc]);
  return (
    <section className="memo-sources" aria-labelledby="memo-sources-heading">
      <h2 id="memo-sources-heading">
        Sources <span className="memo-sources-note">generated from the citations</span>
      </h2>
      {sources.length === 0 ? (
        <Text size="sm" c="dimmed">
          Cite claims and their articles are listed here.
        </Text>
      ) : (
        <ol>
          {sources.map((s) => (
            <li key={s.articleId}>
              {[s.source, `“${s.title}”`, s.publishedAt && formatCitationDate(s.publishedAt)]
                .filter(Boolean)
                .join(', ')}{' '}
              <Text span size="xs" c="dimmed">
                ({s.citations} {s.citations === 1 ? 'citation' : 'citations'})
              </Text>
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
