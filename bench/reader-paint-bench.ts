import { randomUUID } from 'node:crypto';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { seedsDir } from '../e2e/support/paths';
import { buildArticle } from '../electron/main/features/articles/build-article';
import { parsePlainText } from '../electron/main/features/import/formats/parse-plain-text';
import type { Logger } from '../electron/main/logging/logger';
import { openLibrary } from '../electron/main/storage/open-library';
import { serializeStoreFile } from '../electron/main/storage/parse-store-file';
import { annotationsFileSpec, emptyAnnotationsFile } from '../electron/main/storage/store-files';
import { paintMarks } from '../renderer/src/lib/paint-marks';
import { describeTextRange } from '../shared/anchoring/describe-text-range';
import type { Article } from '../shared/domain/article';
import { ClaimClass, type Highlight } from '../shared/domain/highlight';
import { seededRandom } from './random';
import { openReaderHarness } from './reader-harness';
import type { BenchRow } from './results';
import { median, percentile } from './stats';

const HIGHLIGHTS = 1_000;
/** About 50 printed pages. */
const ARTICLE_CHARS = 150_000;
/** Every so many highlights, one runs on into the next: overlaps and nested spans. */
const OVERLAP_SHARE = 0.12;
const WARM_UPS = 3;
const ROUNDS = 11;
const SEED = 20261126;
const OPEN_TIMEOUT_MS = 30_000;

const TITLE_HIGHLIGHTED = 'Microsoft und OpenAI: das Dossier (Leseexemplar A)';
const TITLE_PLAIN = 'Microsoft und OpenAI: das Dossier (Leseexemplar B)';

/** The CSS highlight names of renderer/src/components/reader/paint-highlights.ts. */
const HIGHLIGHT_NAMES = [
  'margin-thesis',
  'margin-risk',
  'margin-evidence',
  'margin-overlap',
  'margin-selected',
];
/** Set by the init script in the first frame rendered after the highlights were painted. */
const FRAME_MARK = 'bench:frame-after-painted';

const quiet: Logger = { info: () => undefined, warn: () => undefined, error: console.error };

/** The seed article's paragraphs, repeated to about `chars` characters under `title`. */
async function longArticleText(title: string, chars: number): Promise<string> {
  const seed = await readFile(join(seedsDir, 'microsoft-openai-de.txt'), 'utf8');
  const paragraphs = seed
    .split(/\n/)
    .map((p) => p.trim())
    .filter(Boolean);
  const body: string[] = [];
  let length = 0;
  for (let i = 0; length < chars; i++) {
    const paragraph = paragraphs[i % paragraphs.length]!;
    body.push(paragraph);
    length += paragraph.length + 2;
  }
  return `${title}\n\n${body.join('\n\n')}`;
}

const isWordChar = (c: string | undefined) => c !== undefined && /[\p{L}\p{N}]/u.test(c);

/** Moves `at` forward to the start of a word. */
function wordStart(text: string, at: number): number {
  while (at < text.length && (!isWordChar(text[at]) || isWordChar(text[at - 1]))) at++;
  return at;
}

/** Moves `at` forward to the end of a word. */
function wordEnd(text: string, at: number): number {
  while (at < text.length && isWordChar(text[at])) at++;
  return at;
}

/**
 * `count` highlights spread over the article in document order, each starting and ending
 * on a word: one per slot of text, some running into the next (overlapping), a few across
 * a paragraph break (two ranges). Classes are mixed; some carry a note.
 */
function spreadHighlights(article: Article, count: number, seed: number): Highlight[] {
  const random = seededRandom(seed);
  const { text } = article;
  const bodyStart = article.blocks[1]?.start ?? 0;
  const slot = (text.length - bodyStart) / count;
  const stamp = article.importedAt;
  const highlights: Highlight[] = [];
  for (let n = 0; n < count; n++) {
    const slotStart = bodyStart + Math.floor(n * slot);
    const start = wordStart(text, slotStart + Math.floor(random() * slot * 0.4));
    const overlaps = random() < OVERLAP_SHARE;
    const length = overlaps ? slot * (1.2 + random()) : 25 + random() * slot * 0.5;
    const end = wordEnd(text, Math.min(text.length - 1, start + Math.floor(length)));
    highlights.push({
      id: randomUUID(),
      articleId: article.id,
      selectors: describeTextRange(text, start, end),
      page: null,
      claimClass: ClaimClass.options[Math.floor(random() * 3)]!,
      tags: [],
      note: random() < 0.3 ? 'Gegen den 10-Q prüfen, bevor es zitiert wird.' : '',
      paraphrase: '',
      links: [],
      createdAt: stamp,
      updatedAt: stamp,
    });
  }
  return highlights;
}

/**
 * The library: the same ~150,000-character article twice (a different headline, so the
 * content hashes differ), one with 1,000 highlights and one with none, written through
 * Margin's own storage. Closed again before the app opens it (one writer per folder).
 */
async function buildReaderBenchLibrary(dataDir: string, log: (line: string) => void) {
  const library = await openLibrary(dataDir, { logger: quiet });
  try {
    const importedAt = new Date('2026-11-26T08:00:00Z');
    const add = async (title: string, at: Date) => {
      const text = await longArticleText(title, ARTICLE_CHARS);
      const article = await buildArticle(
        {
          document: parsePlainText(text),
          origin: { kind: 'paste', format: 'text' },
          given: { title },
        },
        at,
      );
      return (await library.articles.insert(article)).article.id;
    };
    const plainId = await add(TITLE_PLAIN, importedAt);
    const highlightedId = await add(TITLE_HIGHLIGHTED, new Date(importedAt.getTime() + 60_000));
    const article = await library.articles.get(highlightedId);
    const highlights = spreadHighlights(article, HIGHLIGHTS, SEED);
    // One write with the store's own serializer: a thousand durable saves, each rewriting
    // the growing file, take half a minute and are not what is measured here.
    await writeFile(
      library.layout.annotationsFile(highlightedId),
      serializeStoreFile(annotationsFileSpec, {
        ...emptyAnnotationsFile(highlightedId),
        highlights,
      }),
    );
    // Read back through the store, which validates every highlight against the schema.
    const saved = await library.annotations.listHighlights(highlightedId);
    if (saved.length !== HIGHLIGHTS) throw new Error(`The store reads ${saved.length} highlights`);
    log(
      `  ${article.text.length.toLocaleString('en')} characters in ${article.blocks.length} blocks; ` +
        `${HIGHLIGHTS} highlights stored.`,
    );
    return { highlightedId, plainId };
  } finally {
    await library.close();
  }
}

/**
 * In the page, before the app's scripts: when the reader marks the highlights painted
 * (in a layout effect, before the browser has styled, laid out or painted anything of
 * that render), mark again once the next frame has rendered (requestAnimationFrame, then
 * a task), so the log also shows the browser's own work on what was rendered. The mark's
 * name is FRAME_MARK (an init script cannot close over module constants).
 */
function markFrameAfterPainted(): void {
  const perf = performance;
  const mark = perf.mark.bind(perf);
  const page = globalThis as unknown as {
    requestAnimationFrame(callback: () => void): number;
  };
  perf.mark = ((name: string, options?: PerformanceMarkOptions) => {
    const entry = mark(name, options);
    if (name === 'margin:highlights-painted') {
      page.requestAnimationFrame(() => {
        const channel = new MessageChannel();
        channel.port1.onmessage = () => {
          channel.port1.close();
          mark('bench:frame-after-painted');
        };
        channel.port2.postMessage(null);
      });
    }
    return entry;
  }) as typeof perf.mark;
}

interface OpenMeasure {
  /** margin:article-select → margin:highlights-painted, from the page's own measure. */
  openToPainted: number;
  /** margin:article-select → the end of the first frame rendered after painting. */
  openToFrame: number;
  /** Ranges in each CSS highlight, by name. */
  ranges: Record<string, number>;
}

/** Clicks the article in the library and reads the page's measure once it exists. */
async function openArticle(page: Page, title: string): Promise<OpenMeasure> {
  const option = page
    .getByRole('listbox', { name: 'Articles' })
    .getByRole('option', { name: title });
  // Before the click: forget the previous open's entries, and watch for this one's last
  // mark with an observer (no polling in the page while it works).
  await page.evaluate((frame) => {
    performance.clearMarks();
    performance.clearMeasures();
    const bench = globalThis as unknown as { __benchPainted?: Promise<void> };
    bench.__benchPainted = new Promise<void>((resolve) => {
      const observer = new PerformanceObserver((list) => {
        if (list.getEntriesByName(frame, 'mark').length === 0) return;
        observer.disconnect();
        resolve();
      });
      observer.observe({ type: 'mark' });
    });
  }, FRAME_MARK);
  await option.click();
  await page.evaluate(
    (timeout) =>
      Promise.race([
        (globalThis as unknown as { __benchPainted: Promise<void> }).__benchPainted,
        new Promise((_, reject) =>
          setTimeout(() => reject(new Error('The highlights were not painted')), timeout),
        ),
      ]),
    OPEN_TIMEOUT_MS,
  );
  const selected = await option.getAttribute('aria-selected');
  if (selected !== 'true') throw new Error(`"${title}" was not selected after the click`);
  return page.evaluate(
    ({ marks, frame, highlightNames }) => {
      const registry = (
        globalThis as unknown as { CSS: { highlights: Map<string, { size: number }> } }
      ).CSS.highlights;
      const select = performance.getEntriesByName(marks.select, 'mark')[0]!;
      return {
        openToPainted: performance.getEntriesByName(marks.measure, 'measure')[0]!.duration,
        openToFrame: performance.getEntriesByName(frame, 'mark')[0]!.startTime - select.startTime,
        ranges: Object.fromEntries(highlightNames.map((n) => [n, registry.get(n)?.size ?? 0])),
      };
    },
    { marks: paintMarks, frame: FRAME_MARK, highlightNames: HIGHLIGHT_NAMES },
  );
}

const classRanges = (m: OpenMeasure) =>
  (m.ranges['margin-thesis'] ?? 0) +
  (m.ranges['margin-risk'] ?? 0) +
  (m.ranges['margin-evidence'] ?? 0);

const summary = (samples: readonly number[]) =>
  `median ${median(samples).toFixed(1)} ms, p95 ${percentile(samples, 95).toFixed(1)} ms ` +
  `(min ${Math.min(...samples).toFixed(1)}, max ${Math.max(...samples).toFixed(1)})`;

/**
 * Opening a long article with 1,000 highlights in the built renderer in Chromium, over the
 * real main handlers: from the click in the library to all highlights painted, as the page
 * measures it (renderer/src/lib/paint-marks.ts). The peer is the same article without
 * highlights, opened alternately in the same page, so the highlights' own cost shows.
 */
export async function runReaderPaintBench(log: (line: string) => void): Promise<BenchRow[]> {
  const root = await mkdtemp(join(tmpdir(), 'margin-bench-reader-'));
  try {
    log(
      `Building a ${ARTICLE_CHARS.toLocaleString('en')}-character article twice, one with ${HIGHLIGHTS} highlights…`,
    );
    await buildReaderBenchLibrary(root, log);

    log('Opening the built renderer in Chromium (main replies over loopback HTTP)…');
    const harness = await openReaderHarness(root, { log, initScript: markFrameAfterPainted });
    try {
      const { page } = harness;
      await page.getByRole('listbox', { name: 'Articles' }).getByRole('option').nth(1).waitFor();

      log(`Opening them alternately: ${WARM_UPS} warm-up rounds, ${ROUNDS} measured…`);
      const withHighlights: OpenMeasure[] = [];
      const without: OpenMeasure[] = [];
      for (let round = 0; round < WARM_UPS + ROUNDS; round++) {
        // Alternating means every click selects an article that is not open yet.
        const highlighted = await openArticle(page, TITLE_HIGHLIGHTED);
        const plain = await openArticle(page, TITLE_PLAIN);
        if (classRanges(highlighted) === 0) throw new Error('No highlight ranges were painted');
        if (classRanges(plain) !== 0) throw new Error('The plain article painted highlights');
        if (round >= WARM_UPS) {
          withHighlights.push(highlighted);
          without.push(plain);
        }
      }
      if (harness.pageErrors.length > 0) {
        throw new Error(`The page threw: ${harness.pageErrors.join('; ')}`);
      }
      if (harness.cspViolations.length > 0) {
        log(`  Warning: CSP violations: ${harness.cspViolations.join('; ')}`);
      }

      const ranges = withHighlights[0]!.ranges;
      log(
        `  Painted ranges: ${classRanges(withHighlights[0]!)} in the three classes (` +
          HIGHLIGHT_NAMES.map((n) => `${n.replace('margin-', '')} ${ranges[n]}`).join(', ') +
          ')',
      );
      const painted = withHighlights.map((m) => m.openToPainted);
      const plainPainted = without.map((m) => m.openToPainted);
      log(`  ${HIGHLIGHTS} highlights, open → painted: ${summary(painted)}`);
      log(`  no highlights,   open → painted: ${summary(plainPainted)}`);
      log(
        `  ${HIGHLIGHTS} highlights, open → first frame after: ${summary(withHighlights.map((m) => m.openToFrame))}`,
      );
      log(
        `  no highlights,   open → first frame after: ${summary(without.map((m) => m.openToFrame))}`,
      );
      return [
        {
          id: 'reader.paint1000.ms',
          label: `Open a ${ARTICLE_CHARS.toLocaleString('en')}-character article with ${HIGHLIGHTS} highlights in Chromium: library click → all highlights painted, median of ${ROUNDS}`,
          value: median(painted),
          unit: 'ms',
          target: 150,
          peer: { label: 'same article, no highlights', value: median(plainPainted) },
        },
      ];
    } finally {
      await harness.close();
    }
  } finally {
    await rm(root, { recursive: true, force: true });
  }
}
