import type { BuiltDocument } from '../../../../../shared/text/document-builder';
import type { ParsedDocument } from '../parsed-document';
import { domToDocument } from './html/dom-to-document';
import { flattenDeepNesting } from './html/flatten-deep-nesting';
import { releaseDocument } from './html/release-document';
import { sanitizeHtml } from './html/sanitize-html';

export interface HtmlFragmentOptions {
  /** Address the markup came from; relative links resolve against it, or are dropped. */
  baseUrl?: string | undefined;
}

/**
 * Converts a piece of HTML (a pasted selection, mammoth's DOCX output, an e-mail body,
 * Readability's article) into Margin's block model. The markup is sanitised by DOMPurify
 * on the shared jsdom window (after nesting deeper than a browser allows is flattened),
 * then walked into a DocumentBuilder; nothing of it survives as markup. Metadata is at most the `<title>`.
 */
export function htmlFragmentToDocument(
  html: string,
  options: HtmlFragmentOptions = {},
): ParsedDocument {
  const { root, title } = sanitizeHtml(flattenDeepNesting(html));
  let document: BuiltDocument;
  try {
    document = domToDocument(root, options.baseUrl);
  } finally {
    releaseDocument(root.ownerDocument);
  }
  const cleanTitle = title?.replace(/\s+/g, ' ').trim();
  return { ...document, metadata: cleanTitle ? { title: cleanTitle } : {} };
}
