// Types only: the renderer may build an export too, and must not load zod (see eslint.config.js).
import type { Highlight } from '../domain/highlight';

/** The article the highlights belong to: what the export names and where the offsets count. */
export interface WebAnnotationArticle {
  id: string;
  title: string;
  /** The article's web address; null for a pasted or imported file (its urn:uuid stands in). */
  url: string | null;
  /** The canonical text the highlights' positions count in (UTF-16 code units). */
  text: string;
}

export type WebAnnotationHighlight = Pick<
  Highlight,
  'id' | 'selectors' | 'claimClass' | 'tags' | 'note' | 'paraphrase' | 'createdAt' | 'updatedAt'
>;

export interface WebAnnotationInput {
  article: WebAnnotationArticle;
  /** In any order: the export sorts them into document order. */
  highlights: readonly WebAnnotationHighlight[];
  /** Codebook tag id → its path ("Sector/Cloud"); ids not in it are left out of the export. */
  tagNames: ReadonlyMap<string, string>;
  generator: { name: string; version: string };
  /** When the export was made (ISO 8601): passed in, so the same input gives the same file. */
  exportedAt: string;
}
