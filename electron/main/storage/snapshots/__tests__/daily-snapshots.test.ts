import { readdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTempDataDir } from '../../../test-support/temp-data-dir';
import { inspectBackup } from '../../backup/inspect-backup';
import { openLibrary } from '../../open-library';
import { pastedArticle } from '../../__tests__/faults/pasted-article';
import {
  DAILY_SNAPSHOTS_KEPT,
  dailySnapshotName,
  dailySnapshotsFolder,
  listDailySnapshots,
  takeDailySnapshot,
} from '../daily-snapshots';

describe('daily snapshots', () => {
  let dataDir: string;
  let cleanup: () => Promise<void>;
  beforeEach(async () => ({ dir: dataDir, cleanup } = await createTempDataDir()));
  afterEach(() => cleanup());

  it('takes one restorable snapshot a day and keeps the newest two weeks', async () => {
    const library = await openLibrary(dataDir, { dailySnapshotDelayMs: Infinity });
    await library.articles.insert(await pastedArticle('Ein Artikel im Schnappschuss.'));
    const folder = dailySnapshotsFolder(library.layout);
    // Older snapshots of earlier days, oldest first.
    const { mkdir } = await import('node:fs/promises');
    await mkdir(folder, { recursive: true });
    for (let day = 1; day <= DAILY_SNAPSHOTS_KEPT + 2; day++) {
      await writeFile(
        join(folder, dailySnapshotName(`2026-10-${String(day).padStart(2, '0')}`)),
        'old',
      );
    }
    await writeFile(join(folder, 'notes.txt'), 'not a snapshot');

    const now = () => new Date('2026-11-26T08:00:00Z');
    expect(await takeDailySnapshot(library.layout, { appVersion: 'test', now })).toBe('taken');
    expect(await takeDailySnapshot(library.layout, { appVersion: 'test', now })).toBe(
      'already-taken',
    );

    const kept = await listDailySnapshots(library.layout);
    expect(kept).toHaveLength(DAILY_SNAPSHOTS_KEPT);
    expect(kept[0]!.day).toBe('2026-11-26');
    expect(kept.at(-1)!.day).toBe('2026-10-04');
    expect(await readdir(folder)).toContain('notes.txt');
    const { manifest } = await inspectBackup(kept[0]!.path);
    expect(manifest.counts.articles).toBe(1);
    await library.close();
  });

  it('is taken by the open library after its delay, and not at all in a read-only one', async () => {
    const library = await openLibrary(dataDir, { dailySnapshotDelayMs: 10, appVersion: 'test' });
    await new Promise((resolve) => setTimeout(resolve, 500));
    await library.close();
    expect((await listDailySnapshots(library.layout)).map((s) => s.name)).toEqual([
      dailySnapshotName(new Date().toISOString().slice(0, 10)),
    ]);
  });
});
