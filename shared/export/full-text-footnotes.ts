import type { FootnoteDefinition, FootnoteReference } from 'mdast';
import { claimClassLabel } from './claim-class-label';
import { oneLine } from './one-line';
import type { ReportClaim } from './report-input';

/** A sentence of the analyst's, closed with a full stop unless it ends in punctuation already. */
function sentence(label: string, text: string): string {
  const value = oneLine(text);
  return `${label}${value}${/[.!?…:;)\]"'“”»«„]$/.test(value) ? '' : '.'}`;
}

/**
 * The footnotes of an article's full text: one per claim marked in it, numbered in order
 * of appearance. The whole report is about one article, so unlike a memo's citation
 * footnotes these do not name the source: they say what the analyst made of the words
 * (class, tags, paraphrase, note; the note on one line, it is in full under Claims).
 */
export class FullTextFootnotes {
  private readonly numbers = new Map<string, number>();
  private readonly cited: ReportClaim[] = [];

  constructor(private readonly claims: ReadonlyMap<string, ReportClaim>) {}

  /** The reference to the claim's footnote, numbering it when it is marked for the first time. */
  reference = (highlightId: string): FootnoteReference => {
    let number = this.numbers.get(highlightId);
    if (number === undefined) {
      number = this.cited.push(this.claims.get(highlightId)!);
      this.numbers.set(highlightId, number);
    }
    return { type: 'footnoteReference', identifier: String(number), label: String(number) };
  };

  /** The definitions, in number order. */
  definitions(): FootnoteDefinition[] {
    return this.cited.map((claim, i) => {
      const parts = [`${claimClassLabel(claim.claimClass)} claim.`];
      if (claim.tags.length > 0) parts.push(`Tags: ${claim.tags.map(oneLine).join(', ')}.`);
      if (claim.paraphrase.trim()) parts.push(sentence('Paraphrase: ', claim.paraphrase));
      if (claim.note.trim()) parts.push(sentence('Note: ', claim.note));
      return {
        type: 'footnoteDefinition',
        identifier: String(i + 1),
        label: String(i + 1),
        children: [{ type: 'paragraph', children: [{ type: 'text', value: parts.join(' ') }] }],
      };
    });
  }
}
