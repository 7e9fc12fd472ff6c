import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ClaimClass } from '../../../../../../shared/domain/highlight';
import { segmentSentences } from '../../../../../../shared/suggestions/segment-sentences';
import { suggestClaims } from '../../../../../../shared/suggestions/suggest-claims';
import { parseHtml } from '../../../import/formats/parse-html';

/**
 * The labelled fixtures for claim suggestions, judged by reading the text without running
 * the scorer: the seed article and news-corpus pages (every sentence, as Margin imports
 * them), and broker-note sentences written for the lexicons. Used by the fixture test and
 * by `npm run bench` (suggest.precision, suggest.recall).
 */
const FIXTURES = join(import.meta.dirname, '../fixtures');
const REPO = join(import.meta.dirname, '../../../../../..');
const NEWS = join(REPO, 'e2e/fixtures/news-html');

/** A sentence, the class a reader gave it, and the class Margin suggests (null: none). */
export interface LabelledSentence {
  text: string;
  expected: ClaimClass | null;
  suggested: ClaimClass | null;
}

export interface LabelledFixture {
  name: string;
  language: string;
  /** Written alongside the lexicons: they show less than the seed and the corpus pages. */
  writtenForLexicons: boolean;
  rows: LabelledSentence[];
}

type Label = { startsWith: string; expected: ClaimClass | null };
const read = <T>(name: string): T => JSON.parse(readFileSync(join(FIXTURES, name), 'utf8')) as T;

/**
 * Labels a whole text: its sentences, in order, must be the fixture's (each starts as
 * labelled), so a change in segmentation shows here as well as a change in scoring.
 */
function labelText(name: string, text: string, language: string, labels: Label[]): LabelledFixture {
  const sentences = segmentSentences(text, language);
  if (sentences.length !== labels.length) {
    throw new Error(
      `${name}: ${sentences.length} sentences, but ${labels.length} are labelled; label the fixture again.`,
    );
  }
  const suggested = new Map(suggestClaims(text, language).map((s) => [s.start, s.claimClass]));
  const rows = sentences.map((span, i) => {
    const sentence = text.slice(span.start, span.end).replace(/\s+/g, ' ');
    const label = labels[i]!;
    if (!sentence.startsWith(label.startsWith)) {
      throw new Error(
        `${name}: sentence ${i} is "${sentence}", labelled as "${label.startsWith}…".`,
      );
    }
    return {
      text: sentence,
      expected: label.expected,
      suggested: suggested.get(span.start) ?? null,
    };
  });
  return { name, language, writtenForLexicons: false, rows };
}

function seedArticle(): LabelledFixture {
  const fixture = read<{ language: string; source: string; sentences: Label[] }>(
    'seed-microsoft-openai-de.json',
  );
  const text = readFileSync(join(REPO, fixture.source), 'utf8');
  return labelText('seed article (de)', text, fixture.language, fixture.sentences);
}

async function newsPage(page: string): Promise<LabelledFixture> {
  const fixture = read<{ language: string; sentences: Label[] }>(`${page}.json`);
  const html = readFileSync(join(NEWS, page, 'source.html'), 'utf8');
  const { text } = await parseHtml(html, { url: 'http://fakehost/test/page.html' });
  return labelText(`${page} (${fixture.language})`, text, fixture.language, fixture.sentences);
}

function writtenSentences(file: string, name: string): LabelledFixture {
  const fixture = read<{
    language: string;
    sentences: Array<{ text: string; expected: ClaimClass | null }>;
  }>(file);
  return {
    name,
    language: fixture.language,
    writtenForLexicons: true,
    rows: fixture.sentences.map(({ text, expected }) => ({
      text,
      expected,
      suggested: suggestClaims(text, fixture.language)[0]?.claimClass ?? null,
    })),
  };
}

/** The news-corpus pages with labels: German, French and English. */
export const LABELLED_NEWS_PAGES = [
  'heise',
  'lemonde-1',
  'liberation-1',
  'bbc-1',
  'nytimes-1',
  'telegraph',
];

export async function labelledFixtures(): Promise<LabelledFixture[]> {
  return [
    seedArticle(),
    ...(await Promise.all(LABELLED_NEWS_PAGES.map(newsPage))),
    writtenSentences('notes-de.json', 'broker notes (de)'),
    writtenSentences('broker-notes-en.json', 'broker notes (en)'),
    writtenSentences('notes-fr.json', 'analyst notes (fr)'),
  ];
}

export interface PrecisionRecall {
  precision: number;
  recall: number;
  /** Sentences labelled with the class (or with any class, for `overall`). */
  expected: number;
  suggested: number;
}

/**
 * Precision and recall of one class, or of all three together (a suggestion counts as
 * right when its class is the label's). With nothing suggested precision is 1, with
 * nothing expected recall is 1.
 */
export function precisionRecall(
  rows: readonly LabelledSentence[],
  claimClass: ClaimClass | 'overall',
): PrecisionRecall {
  const isClass = (c: ClaimClass | null) =>
    claimClass === 'overall' ? c !== null : c === claimClass;
  const right = rows.filter((r) => isClass(r.suggested) && r.suggested === r.expected).length;
  const suggested = rows.filter((r) => isClass(r.suggested)).length;
  const expected = rows.filter((r) => isClass(r.expected)).length;
  return {
    precision: suggested === 0 ? 1 : right / suggested,
    recall: expected === 0 ? 1 : right / expected,
    expected,
    suggested,
  };
}
