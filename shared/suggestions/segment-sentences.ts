import { ABBREVIATIONS } from './abbreviations';

/** A sentence as a span of the article's canonical text, like a highlight's. */
export interface SentenceSpan {
  start: number;
  end: number;
}

/** A single letter and a full stop ("J. P. Morgan", the "z." of "z. B.") never ends a sentence. */
const INITIAL = /(?:^|[\s(„"'«])\p{L}\.$/u;
/** German writes ordinals with a full stop: "am 3. März", "im 2. Quartal". */
const ORDINAL = /(?:^|\s)\d{1,3}\.$/;
/** What a sentence never starts with: a lower-case letter, a digit, or closing punctuation. */
const CONTINUES = /^[\p{Ll}\d,;:)\]}»“"']/u;

function endsWithAbbreviation(text: string, abbreviations: readonly string[]): boolean {
  const lower = text.toLowerCase();
  return abbreviations.some((abbreviation) => {
    if (!lower.endsWith(abbreviation)) return false;
    const before = lower[lower.length - abbreviation.length - 1];
    return before === undefined || !/\p{L}/u.test(before);
  });
}

/**
 * The sentences of `text`, per the article's language: `Intl.Segmenter`'s sentence breaks,
 * then the breaks it makes after abbreviations ("z. B.", "Mrd.", "U.S."), initials and
 * German ordinals are joined again. Spans leave out the whitespace around a sentence and
 * never cross a line break (paragraphs are separate in the canonical text).
 */
export function segmentSentences(text: string, language: string): SentenceSpan[] {
  const base = language.toLowerCase().split('-')[0] ?? 'en';
  const abbreviations = ABBREVIATIONS[base] ?? ABBREVIATIONS.en ?? [];
  const segmenter = new Intl.Segmenter(language || 'en', { granularity: 'sentence' });
  const spans: SentenceSpan[] = [];
  let lineStart = 0;
  for (const line of text.split('\n')) {
    let open: SentenceSpan | null = null;
    for (const { segment, index } of segmenter.segment(line)) {
      const lead = segment.length - segment.trimStart().length;
      const trimmed = segment.trim();
      if (!trimmed) continue;
      const span = {
        start: lineStart + index + lead,
        end: lineStart + index + lead + trimmed.length,
      };
      const previous: string | null = open ? text.slice(open.start, open.end) : null;
      const joins =
        open !== null &&
        previous !== null &&
        (endsWithAbbreviation(previous, abbreviations) ||
          INITIAL.test(previous) ||
          (base === 'de' && ORDINAL.test(previous)) ||
          CONTINUES.test(trimmed));
      if (joins && open) {
        open.end = span.end;
      } else {
        if (open) spans.push(open);
        open = span;
      }
    }
    if (open) spans.push(open);
    lineStart += line.length + 1;
  }
  return spans;
}
