import { getSchema } from '@tiptap/core';
import type { MemoDoc, MemoNode } from '../../domain/memo-doc';
import type { ClaimReferenceAttrs } from '../claim-reference';
import { memoExtensions } from '../memo-extensions';

/** A valid UUID (version 4 layout) numbered `n`, so tests read as "claim 3". */
export const uuid = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;

/** A complete citation snapshot for highlight `n`, with the fields given replaced. */
export function claimAttrs(
  n: number,
  fields: Partial<ClaimReferenceAttrs> = {},
): ClaimReferenceAttrs {
  return {
    highlightId: uuid(n),
    articleId: uuid(1000),
    quote: `Quote ${n}`,
    claimClass: 'evidence',
    paraphrase: '',
    source: 'Handelsblatt',
    articleTitle: 'SAP hebt Prognose an',
    publishedAt: '2026-11-24',
    locator: `¶${n}`,
    ...fields,
  };
}

const schema = getSchema(memoExtensions());

/** The doc as the editor would save it: parsed by the memo schema and written back. */
export const roundTrip = (doc: MemoDoc): unknown => schema.nodeFromJSON(doc).toJSON();

/** A paragraph of plain text. */
export const para = (text: string): MemoNode => ({
  type: 'paragraph',
  content: [{ type: 'text', text }],
});

/** Freezes a document all the way down, so a test fails if a function edits its input. */
export function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object') {
    for (const child of Object.values(value)) deepFreeze(child);
    Object.freeze(value);
  }
  return value;
}
