import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ClaimClass } from '../shared/domain/highlight';
import { segmentSentences } from '../shared/suggestions/segment-sentences';
import { suggestClaims } from '../shared/suggestions/suggest-claims';
import {
  labelledFixtures,
  precisionRecall,
  type LabelledSentence,
} from '../electron/main/features/suggestions/__tests__/support/labelled-sentences';
import type { BenchRow } from './results';
import { timeSyncMedian } from './stats';

/** ≈ 50 pages of 3,000 characters, as in the anchoring benchmark. */
const ARTICLE_CHARS = 150_000;
const WARM_UPS = 3;
const RUNS = 21;

/** The seed article's paragraphs, repeated until the text is 50 pages long. */
function fiftyPageArticle(): string {
  const seed = readFileSync(join(import.meta.dirname, '../seeds/microsoft-openai-de.txt'), 'utf8');
  const paragraphs = seed.split(/\n\s*\n/).filter((p) => p.trim());
  const out: string[] = [];
  for (let length = 0, i = 0; length < ARTICLE_CHARS; i++) {
    const paragraph = paragraphs[i % paragraphs.length]!;
    out.push(paragraph);
    length += paragraph.length + 2;
  }
  return out.join('\n\n');
}

/** The simplest rule one could ship instead: a sentence with a digit is evidence. */
const digitsAreEvidence = (rows: readonly LabelledSentence[]): LabelledSentence[] =>
  rows.map((r) => ({ ...r, suggested: /\d/.test(r.text) ? ('evidence' as ClaimClass) : null }));

/**
 * Claim suggestions: scoring a 50-page German article (segmentation alone is the
 * baseline: what the scorer adds on top of it), and precision and recall on the sentences
 * labelled by reading them (the seed article and the news pages; the broker-note
 * sentences written with the lexicons are left out, since they would flatter it).
 */
export async function runSuggestBench(log: (line: string) => void): Promise<BenchRow[]> {
  const article = fiftyPageArticle();
  const sentences = segmentSentences(article, 'de').length;
  const suggestions = suggestClaims(article, 'de').length;
  log(
    `Suggesting claims in a ${article.length.toLocaleString('en')}-character German article ` +
      `(${sentences} sentences, ${suggestions} suggested)…`,
  );
  const suggestMs = timeSyncMedian(WARM_UPS, RUNS, () => suggestClaims(article, 'de'));
  const segmentMs = timeSyncMedian(WARM_UPS, RUNS, () => segmentSentences(article, 'de'));

  const fixtures = (await labelledFixtures()).filter((f) => !f.writtenForLexicons);
  const rows = fixtures.flatMap((f) => f.rows);
  const overall = precisionRecall(rows, 'overall');
  const baseline = precisionRecall(digitsAreEvidence(rows), 'overall');
  for (const claimClass of ['thesis', 'risk', 'evidence'] as const) {
    const { precision, recall, expected, suggested } = precisionRecall(rows, claimClass);
    log(
      `  ${claimClass}: precision ${precision.toFixed(2)}, recall ${recall.toFixed(2)} ` +
        `(${expected} labelled, ${suggested} suggested)`,
    );
  }
  const labelled = `${rows.length} sentences labelled by reading (${fixtures.map((f) => f.name).join(', ')})`;
  return [
    {
      id: 'suggest.50p.ms',
      label: `Suggest claims in a 50-page article (≈ 150,000 characters, German), median of ${RUNS}`,
      value: suggestMs,
      unit: 'ms',
      target: 100,
      peer: { label: 'sentence segmentation alone (Intl.Segmenter)', value: segmentMs },
    },
    {
      id: 'suggest.precision',
      label: `Suggestions whose class a reader gave the sentence, over ${labelled}`,
      value: overall.precision,
      unit: 'fraction',
      target: null,
      peer: { label: 'a digit makes a sentence evidence', value: baseline.precision },
    },
    {
      id: 'suggest.recall',
      label: 'Labelled claims suggested with their class, over the same sentences',
      value: overall.recall,
      unit: 'fraction',
      target: null,
      peer: { label: 'a digit makes a sentence evidence', value: baseline.recall },
    },
  ];
}
