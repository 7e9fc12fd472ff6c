import { DocumentBuilder, type Inline } from '../../../../../../shared/text/document-builder';
import type { BuiltDocument } from '../../../../../../shared/text/document-builder';

/** Bare web addresses in a text mail; trailing punctuation belongs to the sentence. */
const BARE_URL = /\bhttps?:\/\/[^\s<>"]+/gi;
const TRAILING_PUNCTUATION = /[.,;:!?)\]}'’”]+$/;
const QUOTE_MARKER = /^(?:[ \t]*>)+[ \t]?/;

/**
 * A plain-text mail body as blocks: paragraphs at blank lines, wrapped lines joined with
 * a space, runs of `>`-quoted lines as quotes (the quoted message a reply carries), and
 * bare http(s) addresses as links.
 */
export function textBodyToDocument(body: string): BuiltDocument {
  const builder = new DocumentBuilder();
  let run: { quoted: boolean; lines: string[] } | null = null;
  const flush = () => {
    if (run === null) return;
    const inlines = linkify(run.lines.join(' '));
    if (run.quoted) builder.quote(inlines);
    else builder.paragraph(inlines);
    run = null;
  };
  for (const line of body.replace(/\r\n?/g, '\n').split('\n')) {
    const quoted = QUOTE_MARKER.test(line);
    const content = quoted ? line.replace(QUOTE_MARKER, '') : line;
    if (content.trim() === '') {
      flush();
      continue;
    }
    if (run !== null && run.quoted !== quoted) flush();
    run ??= { quoted, lines: [] };
    run.lines.push(content);
  }
  flush();
  return builder.build();
}

function linkify(text: string): Inline[] {
  const inlines: Inline[] = [];
  let last = 0;
  for (const match of text.matchAll(BARE_URL)) {
    const url = match[0].replace(TRAILING_PUNCTUATION, '');
    const start = match.index;
    if (start > last) inlines.push({ text: text.slice(last, start) });
    inlines.push({ text: url, href: url });
    last = start + url.length;
  }
  if (last < text.length) inlines.push({ text: text.slice(last) });
  return inlines;
}
