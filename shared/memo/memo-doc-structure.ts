import { getSchema } from '@tiptap/core';
import type { Schema } from '@tiptap/pm/model';
import type { MemoDoc } from '../domain/memo-doc';
import { memoExtensions } from './memo-extensions';

/** The memo body does not fit the editor's document schema; the message is for the analyst. */
export class MemoDocStructureError extends Error {
  override name = 'MemoDocStructureError';
}

/** Built on first use: making the schema instantiates every extension. */
let memoSchema: Schema | undefined;

function schema(): Schema {
  memoSchema ??= getSchema(memoExtensions());
  return memoSchema;
}

/** ProseMirror's own wording, shortened: it may quote a whole paragraph of the memo. */
const DETAIL_MAX_CHARS = 160;

function detail(error: unknown): string {
  const text = error instanceof Error ? error.message : String(error);
  return text.length > DETAIL_MAX_CHARS ? `${text.slice(0, DETAIL_MAX_CHARS - 1)}…` : text;
}

/**
 * Checks the memo against the editor's ProseMirror schema: node and mark types it knows,
 * content where it is allowed (no list item directly in the doc, no bold in a code block,
 * no empty text). The zod `MemoDoc` check bounds size and content first; this one is about
 * structure, so what is stored always opens in the editor.
 * @throws MemoDocStructureError when it does not fit.
 */
export function assertMemoDocStructure(doc: MemoDoc): void {
  try {
    schema().nodeFromJSON(doc).check();
  } catch (error) {
    throw new MemoDocStructureError(
      `The memo's text has a part Margin does not recognise (${detail(error)}).`,
      { cause: error },
    );
  }
}
