import { ARTICLE_TEXT_MAX_CHARS } from '../../../../shared/domain/import-limits';
import { decodeText } from './decode/decode-text';
import { findHtmlCharset } from './decode/find-html-charset';
import { parsePlainText } from './formats/parse-plain-text';
import type { ParsedDocument } from './parsed-document';
import type { ParseRequest } from './parse-request';
import { textTooLong } from './text-too-long';

// Parsers load on first use: a text import need not wait for jsdom or pdf.js to load.
const parsers = {
  html: () => import('./formats/parse-html').then((m) => m.parseHtml),
  // pdf.js needs a DOMMatrix as it loads; a bundler hoists static imports, so the
  // polyfill is loaded first here, explicitly.
  pdf: () =>
    import('./formats/pdf/install-dom-matrix')
      .then(() => import('./formats/parse-pdf'))
      .then((m) => m.parsePdf),
  docx: () => import('./formats/parse-docx').then((m) => m.parseDocx),
  eml: () => import('./formats/parse-eml').then((m) => m.parseEml),
  md: () => import('./formats/parse-markdown').then((m) => m.parseMarkdown),
};

/** Loads every parser (jsdom, pdf.js, mammoth, …): takes seconds, so it is done ahead. */
export async function loadAllParsers(): Promise<void> {
  await Promise.all(Object.values(parsers).map((load) => load()));
}

/**
 * Reads any import source into Margin's document model. Runs in the parser worker, which
 * also refuses text over the limit, so an oversized document never travels back to main.
 */
export async function parseSource(request: ParseRequest): Promise<ParsedDocument> {
  const document = await parseAnySource(request);
  if (document.text.length > ARTICLE_TEXT_MAX_CHARS) throw textTooLong(document.text.length);
  return document;
}

async function parseAnySource(request: ParseRequest): Promise<ParsedDocument> {
  if (request.kind === 'paste') {
    // Clipboard HTML goes through the same pipeline as a page, with the text as fallback.
    if (request.html?.trim()) {
      const parseHtml = await parsers.html();
      const fromHtml = await parseHtml(request.html, {}).catch(() => null);
      if (fromHtml && fromHtml.text.trim()) return fromHtml;
    }
    return parsePlainText(request.text);
  }
  const { bytes, format, declaredCharset } = request;
  switch (format) {
    case 'pdf':
      return (await parsers.pdf())(bytes, { password: request.password });
    case 'docx':
      return (await parsers.docx())(bytes);
    case 'eml':
      return (await parsers.eml())(bytes);
    case 'html': {
      const charset = declaredCharset ?? findHtmlCharset(bytes);
      const text = decodeText(bytes, { declaredCharset: charset }).text;
      return (await parsers.html())(text, { url: request.url });
    }
    case 'md':
      return (await parsers.md())(decodeText(bytes, { declaredCharset }).text);
    case 'txt':
      return parsePlainText(decodeText(bytes, { declaredCharset }).text);
  }
}
