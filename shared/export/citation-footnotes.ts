import type { FootnoteDefinition, FootnoteReference, PhrasingContent } from 'mdast';
import { claimClassLabel } from './claim-class-label';
import { oneLine } from './one-line';
import type { ReportClaim, ReportSource } from './report-input';
import { compareSources, mergeTexts, sourceDescription } from './source-description';

// Kept exported from here: report modules written before `one-line.ts` import it from here.
export { oneLine } from './one-line';

/** What a footnote adds when the claim or its article is not as it was cited. */
function stateNote(claim: ReportClaim, source: ReportSource): string | null {
  if (claim.state === 'deleted') {
    return source.inLibrary
      ? 'The claim has been deleted from the library; quoted as cited.'
      : 'The claim and its article have been deleted from the library; quoted as cited.';
  }
  const orphaned =
    claim.state === 'orphaned'
      ? "The quoted words are no longer in the article's current text."
      : null;
  const gone = source.inLibrary ? null : 'The article has been deleted from the library.';
  return [orphaned, gone].filter(Boolean).join(' ') || null;
}

/** The text as a sentence: a full stop added unless it already ends like one. */
const sentence = (text: string) => (/[.!?…。"'”’»)\]]$/u.test(text) ? text : `${text}.`);

/**
 * The footnotes of a report: one per distinct claim, numbered in order of first citation,
 * so a claim cited twice reuses its footnote. A footnote reads "Handelsblatt, *Title*, by
 * Jane Doe, 24 Nov 2026, ¶4. <https://…> Risk claim. Paraphrase: …", and says when the
 * claim or its article is gone or the quoted words have left the article.
 */
export class CitationFootnotes {
  private readonly numbers = new Map<string, number>();
  private readonly cited: ReportClaim[] = [];

  /** `sourceOf` gives a claim's article; main supplies a snapshot-based one for deleted articles. */
  constructor(private readonly sourceOf: (claim: ReportClaim) => ReportSource) {}

  /**
   * The reference to the claim's footnote, numbering it when it is cited for the first
   * time (the first claim object given for a highlight id is the one the footnote shows).
   */
  reference(claim: ReportClaim): FootnoteReference {
    let number = this.numbers.get(claim.highlightId);
    if (number === undefined) {
      number = this.cited.push(claim);
      this.numbers.set(claim.highlightId, number);
    }
    return { type: 'footnoteReference', identifier: String(number), label: String(number) };
  }

  get count(): number {
    return this.cited.length;
  }

  /** The definitions, in number order. */
  definitions(): FootnoteDefinition[] {
    return this.cited.map((claim, i) => ({
      type: 'footnoteDefinition',
      identifier: String(i + 1),
      label: String(i + 1),
      children: [{ type: 'paragraph', children: this.footnoteText(claim) }],
    }));
  }

  /** Every article cited, once each, in the Sources order. */
  sources(): ReportSource[] {
    const byId = new Map<string, ReportSource>();
    for (const claim of this.cited) {
      if (!byId.has(claim.articleId)) byId.set(claim.articleId, this.sourceOf(claim));
    }
    return [...byId.values()].sort(compareSources);
  }

  private footnoteText(claim: ReportClaim): PhrasingContent[] {
    const source = this.sourceOf(claim);
    const text: PhrasingContent[] = [...sourceDescription(source, claim.locator)];
    text.push({ type: 'text', value: ` ${claimClassLabel(claim.claimClass)} claim.` });
    const paraphrase = oneLine(claim.paraphrase);
    if (paraphrase) text.push({ type: 'text', value: ` Paraphrase: ${sentence(paraphrase)}` });
    const note = stateNote(claim, source);
    if (note) text.push({ type: 'text', value: ` ${note}` });
    return mergeTexts(text);
  }
}
