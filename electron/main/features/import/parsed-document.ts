import type { BuiltDocument } from '../../../../shared/text/document-builder';

/** Metadata an importer found in the source; every field optional, all plain text. */
export interface ImportedMetadata {
  title?: string | undefined;
  author?: string | undefined;
  /** Publisher or site name ("Handelsblatt", "Reuters"). */
  source?: string | undefined;
  /** Calendar date `YYYY-MM-DD`. */
  publishedAt?: string | undefined;
  /** ISO 639-1 code as declared by the source (`de`, `en`). */
  language?: string | undefined;
  /** Canonical http(s) URL of the article. */
  url?: string | undefined;
  excerpt?: string | undefined;
}

/** What every format parser returns: Margin's document model plus what it found out. */
export interface ParsedDocument extends BuiltDocument {
  metadata: ImportedMetadata;
}
