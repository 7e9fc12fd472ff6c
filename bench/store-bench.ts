import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Low } from 'lowdb';
import { JSONFile } from 'lowdb/node';
import { openLibrary } from '../electron/main/storage/open-library';
import { serializeStoreFile } from '../electron/main/storage/parse-store-file';
import { annotationsFileSpec } from '../electron/main/storage/store-files';
import type { Logger } from '../electron/main/logging/logger';
import { seededRandom } from './random';
import { rawDurableWrite } from './raw-durable-write';
import type { BenchRow } from './results';
import { median, percentile, timeEach } from './stats';
import {
  generateLibrary,
  highlightIn,
  writeShardedLibrary,
  type SyntheticLibrary,
} from './synthetic-library';

const ARTICLES = 10_000;
const HIGHLIGHTS_PER_ARTICLE = 10;
const SAVES = 200;
/** Articles the analyst works in during the measured saves (10 highlights each). */
const ARTICLES_TOUCHED = 20;
const OPENS = 7;
/** The single-file peer rewrites ~90 MB per save; a few saves show its cost clearly. */
const SINGLE_FILE_SAVES = 10;
const SEED = 20261125;

const quiet: Logger = { info: () => undefined, warn: () => undefined, error: console.error };

async function measureShardedStore(dataDir: string, library: SyntheticLibrary) {
  const opens = await timeEach(OPENS, async () => {
    const opened = await openLibrary(dataDir, { logger: quiet });
    await opened.close();
  });

  const random = seededRandom(SEED + 1);
  const store = await openLibrary(dataDir, { logger: quiet });
  const touched = Array.from(
    { length: ARTICLES_TOUCHED },
    () => library.articles[Math.floor(random() * ARTICLES)]!,
  );
  const saves = await timeEach(SAVES, async (i) => {
    const article = touched[Math.floor(i / (SAVES / ARTICLES_TOUCHED))]!;
    await store.annotations.saveHighlight(highlightIn(article, random));
  });

  // The raw limit, on the same shard file with the same bytes, in the same run.
  const article = touched[touched.length - 1]!;
  const bytes = serializeStoreFile(annotationsFileSpec, {
    schemaVersion: annotationsFileSpec.currentVersion,
    articleId: article.id,
    highlights: await store.annotations.listHighlights(article.id),
    dismissedSuggestions: [],
  });
  const path = store.layout.annotationsFile(article.id);
  await store.close();
  const raw = await timeEach(SAVES, () => rawDurableWrite(path, bytes));
  return { opens, saves, raw };
}

async function measureSingleFileLowdb(dir: string, library: SyntheticLibrary) {
  const path = join(dir, 'db.json');
  const seedDb = new Low(new JSONFile<SyntheticLibrary>(path), { articles: [], highlights: [] });
  seedDb.data = library;
  await seedDb.write();

  const opens = await timeEach(3, async () => {
    const db = new Low(new JSONFile<SyntheticLibrary>(path), { articles: [], highlights: [] });
    await db.read();
  });
  const db = new Low(new JSONFile<SyntheticLibrary>(path), { articles: [], highlights: [] });
  await db.read();
  const random = seededRandom(SEED + 2);
  const saves = await timeEach(SINGLE_FILE_SAVES, async () => {
    db.data.highlights.push(
      highlightIn(db.data.articles[Math.floor(random() * ARTICLES)]!, random),
    );
    await db.write();
  });
  return { opens, saves };
}

/** The store benchmark of issue 2: highlight save, library open, the raw limit and a single-file peer. */
export async function runStoreBench(log: (line: string) => void): Promise<BenchRow[]> {
  const root = await mkdtemp(join(tmpdir(), 'margin-bench-'));
  try {
    log(
      `Building a synthetic analyst-year: ${ARTICLES} articles, ${ARTICLES * HIGHLIGHTS_PER_ARTICLE} highlights…`,
    );
    const library = generateLibrary(ARTICLES, HIGHLIGHTS_PER_ARTICLE, SEED);
    const dataDir = join(root, 'sharded');
    await writeShardedLibrary(dataDir, library);

    log('Measuring the sharded store…');
    const sharded = await measureShardedStore(dataDir, library);
    log('Measuring the single-file lowdb peer…');
    const single = await measureSingleFileLowdb(root, library);

    const saveP95 = percentile(sharded.saves, 95);
    const rawP95 = percentile(sharded.raw, 95);
    const singleP95 = percentile(single.saves, 95);
    return [
      {
        id: 'store.save.p95',
        label: `Durable save of one highlight, p95 of ${SAVES} (10,000-article library)`,
        value: saveP95,
        unit: 'ms',
        target: 10,
        peer: { label: 'single-file lowdb p95', value: singleP95 },
      },
      {
        id: 'store.save.median',
        label: `Durable save of one highlight, median of ${SAVES}`,
        value: median(sharded.saves),
        unit: 'ms',
        target: null,
        peer: { label: 'single-file lowdb median', value: median(single.saves) },
      },
      {
        id: 'store.save.raw_limit.p95',
        label: 'write + fsync + rename + fsync folder of the same shard file, p95',
        value: rawP95,
        unit: 'ms',
        target: null,
        peer: { label: 'raw limit median', value: median(sharded.raw) },
      },
      {
        id: 'store.save.ratio_to_limit',
        label: 'Highlight save p95 ÷ raw durable-write p95',
        value: saveP95 / rawP95,
        unit: '×',
        target: 3,
        peer: { label: 'single-file lowdb p95 ÷ raw p95', value: singleP95 / rawP95 },
      },
      {
        id: 'store.open.ms',
        label: `Open the 10,000-article library (lock, sweep, validate index), median of ${OPENS}`,
        value: median(sharded.opens),
        unit: 'ms',
        target: 300,
        peer: { label: 'single-file lowdb read', value: median(single.opens) },
      },
      {
        id: 'store.save.single_file_lowdb.p95',
        label: `Peer: the same save into one lowdb JSONFile holding everything (steno: atomic rename, no fsync), p95 of ${SINGLE_FILE_SAVES}`,
        value: singleP95,
        unit: 'ms',
        target: null,
        peer: { label: 'Margin sharded store p95', value: saveP95 },
      },
    ];
  } finally {
    await rm(root, { recursive: true, force: true });
  }
}
