import { mkdtemp, readdir, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { restoreLibraryBackup } from '../electron/main/storage/backup/restore-library-backup';
import { writeLibraryBackup } from '../electron/main/storage/backup/write-library-backup';
import { libraryLayout } from '../electron/main/storage/library-layout';
import type { BenchRow } from './results';
import { median, timeEach } from './stats';
import { ANALYST_YEAR, writeAnalystYear } from './synthetic-library';

const RUNS = 5;

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
    const { articles, highlightsPerArticle, memos, revisionsPerMemo } = ANALYST_YEAR;
    log(
      `Building the analyst-year library: ${articles} articles, ${articles * highlightsPerArticle} highlights, ${memos} memos with ${revisionsPerMemo} revisions each…`,
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
