import { mkdir, mkdtemp, readdir, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Highlight } from '../shared/domain/highlight';
import type { Memo, MemoRevision } from '../shared/domain/memo';
import { citationParagraph, insertIntoSection } from '../shared/memo/memo-doc-ops';
import { memoWordCount } from '../shared/memo/memo-plain-text';
import { newMemo } from '../electron/main/features/memos/new-memo';
import { restoreLibraryBackup } from '../electron/main/storage/backup/restore-library-backup';
import { writeLibraryBackup } from '../electron/main/storage/backup/write-library-backup';
import { libraryLayout, type LibraryLayout } from '../electron/main/storage/library-layout';
import {
  memoFileSpec,
  revisionFileSpec,
  revisionsIndexSpec,
} from '../electron/main/storage/memo-files';
import { serializeStoreFile } from '../electron/main/storage/parse-store-file';
import { seededRandom, seededUuid } from './random';
import type { BenchRow } from './results';
import { median, timeEach } from './stats';
import { generateLibrary, writeShardedLibrary, type SyntheticLibrary } from './synthetic-library';

/** The store benchmark's analyst-year, plus the memos of that year. */
const ARTICLES = 10_000;
const HIGHLIGHTS_PER_ARTICLE = 10;
const MEMOS = 40;
const REVISIONS_PER_MEMO = 25;
const CITATIONS_PER_MEMO = 20;
const RUNS = 5;
const SEED = 20261125;

const summaryOf = ({ doc: _doc, header: _header, ...summary }: MemoRevision) => summary;

/** Memos citing the library's highlights, each with its revisions, as the app writes them. */
async function writeMemos(layout: LibraryLayout, library: SyntheticLibrary): Promise<void> {
  const random = seededRandom(SEED + 3);
  const byId = new Map(library.articles.map((a) => [a.id, a]));
  const pick = (): Highlight =>
    library.highlights[Math.floor(random() * library.highlights.length)]!;
  const start = Date.parse('2026-01-05T08:00:00Z');
  for (let m = 0; m < MEMOS; m++) {
    const created = new Date(start + m * 7 * 86_400_000);
    let memo: Memo = newMemo({ ticker: `T${m}` }, seededUuid(random), created);
    const citations = Array.from({ length: CITATIONS_PER_MEMO }, () => {
      const h = pick();
      const article = byId.get(h.articleId)!;
      return citationParagraph({
        highlightId: h.id,
        articleId: h.articleId,
        quote: h.selectors.quote.exact,
        claimClass: h.claimClass,
        paraphrase: h.paraphrase,
        source: article.source,
        articleTitle: article.title,
        publishedAt: article.publishedAt,
        locator: '¶1',
      });
    });
    memo = { ...memo, doc: insertIntoSection(memo.doc, 'evidence', citations), version: 1 };
    const revisions: MemoRevision[] = Array.from({ length: REVISIONS_PER_MEMO }, (_, r) => ({
      id: seededUuid(random),
      memoId: memo.id,
      at: new Date(created.getTime() + (r + 1) * 3_600_000).toISOString(),
      reason: r % 5 === 0 ? 'manual' : 'hourly',
      version: 1,
      title: memo.title,
      words: memoWordCount(memo.doc),
      label: r % 5 === 0 ? `Draft ${r / 5 + 1}` : '',
      doc: memo.doc,
      header: memo.header,
    }));
    await mkdir(layout.revisionsDir(memo.id), { recursive: true });
    for (const revision of revisions) {
      await writeFile(
        layout.revisionFile(memo.id, revision.id),
        serializeStoreFile(revisionFileSpec, {
          schemaVersion: revisionFileSpec.currentVersion,
          revision,
        }),
      );
    }
    await writeFile(
      layout.revisionsFile(memo.id),
      serializeStoreFile(revisionsIndexSpec, {
        schemaVersion: revisionsIndexSpec.currentVersion,
        memoId: memo.id,
        revisions: revisions.map(summaryOf),
      }),
    );
    const newest = revisions.at(-1)!;
    await writeFile(
      layout.memoFile(memo.id),
      serializeStoreFile(memoFileSpec, {
        schemaVersion: memoFileSpec.currentVersion,
        memo,
        newestRevision: { id: newest.id, at: newest.at, version: newest.version },
      }),
    );
  }
}

/**
 * The library on disk in Margin's format, written without fsync (the fixture, not what is
 * measured): the store benchmark's articles and highlights, and the memos.
 */
async function writeAnalystYear(dataDir: string): Promise<void> {
  const library = generateLibrary(ARTICLES, HIGHLIGHTS_PER_ARTICLE, SEED);
  await writeShardedLibrary(dataDir, library);
  await writeMemos(libraryLayout(dataDir), library);
}

async function folderSize(dir: string): Promise<{ files: number; bytes: number }> {
  let files = 0;
  let bytes = 0;
  for (const entry of await readdir(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    files++;
    bytes += (await stat(join(entry.parentPath, entry.name))).size;
  }
  return { files, bytes };
}

const mb = (bytes: number) => `${(bytes / 1024 ** 2).toFixed(1)} MB`;

/** Whole-library backup and restore of the analyst-year library (issue: backup and restore). */
export async function runBackupBench(log: (line: string) => void): Promise<BenchRow[]> {
  const root = await mkdtemp(join(tmpdir(), 'margin-bench-'));
  try {
    log(
      `Building the analyst-year library: ${ARTICLES} articles, ${ARTICLES * HIGHLIGHTS_PER_ARTICLE} highlights, ${MEMOS} memos with ${REVISIONS_PER_MEMO} revisions each…`,
    );
    const dataDir = join(root, 'library');
    await writeAnalystYear(dataDir);
    const size = await folderSize(dataDir);
    log(`Library: ${size.files} files, ${mb(size.bytes)}.`);

    const zipPath = join(root, 'backup.zip');
    let zipBytes = 0;
    const rssBefore = process.memoryUsage().rss;
    let peakRss = rssBefore;
    const sampler = setInterval(() => (peakRss = Math.max(peakRss, process.memoryUsage().rss)), 20);
    const backups = await timeEach(RUNS, async () => {
      const summary = await writeLibraryBackup(libraryLayout(dataDir), zipPath, {
        appVersion: 'bench',
      });
      zipBytes = summary.bytes;
    });
    clearInterval(sampler);
    log(
      `Backup: ${mb(zipBytes)} zip; resident memory ${mb(rssBefore)} before, ${mb(peakRss)} at most while backing up.`,
    );

    const restored = join(root, 'restored');
    const restores: number[] = [];
    for (let i = 0; i < RUNS; i++) {
      await rm(restored, { recursive: true, force: true });
      const [duration] = await timeEach(1, async () => {
        await restoreLibraryBackup(zipPath, restored);
      });
      restores.push(duration!);
    }
    const back = await folderSize(restored);
    if (back.files !== size.files || back.bytes !== size.bytes) {
      throw new Error(`The restored library differs: ${back.files} files, ${back.bytes} bytes.`);
    }
    const times = (samples: number[]) => samples.map((t) => t.toFixed(0)).join(', ');
    log(`Backup times (ms): ${times(backups)}.`);
    log(`Restore times (ms): ${times(restores)}.`);
    return [
      {
        id: 'backup.analyst_year.ms',
        label: `Back up the analyst-year library (${size.files} files, ${mb(size.bytes)}) into one zip (${mb(zipBytes)}), median of ${RUNS}`,
        value: median(backups),
        unit: 'ms',
        target: null,
        peer: null,
      },
      {
        id: 'restore.analyst_year.ms',
        label: `Restore it into an empty folder (check, unpack and fsync every file, swap in), median of ${RUNS}`,
        value: median(restores),
        unit: 'ms',
        target: null,
        peer: null,
      },
    ];
  } finally {
    await rm(root, { recursive: true, force: true });
  }
}
