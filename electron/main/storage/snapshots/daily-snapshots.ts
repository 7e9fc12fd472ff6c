import { mkdir, rm, stat, statfs } from 'node:fs/promises';
import { join } from 'node:path';
import { writeLibraryBackup } from '../backup/write-library-backup';
import type { LibraryLayout } from '../library-layout';
import { namesInFolder } from '../names-in-folder';

/** Daily snapshots kept: two weeks of whole-library copies. */
export const DAILY_SNAPSHOTS_KEPT = 14;
/** Past this many bytes in all, the oldest snapshots go first (the newest always stays). */
export const DAILY_SNAPSHOTS_MAX_BYTES = 4 * 1024 ** 3;
/** A snapshot is skipped when the disk would be left with less free space than this. */
const FREE_SPACE_RESERVE_BYTES = 512 * 1024 ** 2;

const SNAPSHOT_NAME = /^Margin daily (\d{4}-\d{2}-\d{2})\.zip$/;

/** `backups/daily/` in the data folder. */
export const dailySnapshotsFolder = (layout: LibraryLayout) =>
  join(layout.dataDir, 'backups', 'daily');

export const dailySnapshotName = (day: string) => `Margin daily ${day}.zip`;

/** The day a snapshot's file name holds, or null for any other file. */
export const dayOfSnapshot = (name: string): string | null => SNAPSHOT_NAME.exec(name)?.[1] ?? null;

export interface DailySnapshot {
  name: string;
  path: string;
  day: string;
  bytes: number;
  /** When it was written. */
  at: string;
}

/** The snapshots in the folder, newest first. */
export async function listDailySnapshots(layout: LibraryLayout): Promise<DailySnapshot[]> {
  const folder = dailySnapshotsFolder(layout);
  const names = await namesInFolder(folder);
  const found: DailySnapshot[] = [];
  for (const name of names.sort().reverse()) {
    const day = dayOfSnapshot(name);
    if (!day) continue;
    const info = await stat(join(folder, name)).catch(() => null);
    if (info) {
      found.push({
        name,
        path: join(folder, name),
        day,
        bytes: info.size,
        at: info.mtime.toISOString(),
      });
    }
  }
  return found;
}

/** Removes the snapshots past the count and the size budget, oldest first. */
async function prune(layout: LibraryLayout): Promise<void> {
  const snapshots = await listDailySnapshots(layout);
  let total = 0;
  for (const [n, snapshot] of snapshots.entries()) {
    total += snapshot.bytes;
    const over = n >= DAILY_SNAPSHOTS_KEPT || (n > 0 && total > DAILY_SNAPSHOTS_MAX_BYTES);
    if (over) await rm(snapshot.path, { force: true });
  }
}

export type SnapshotResult = 'taken' | 'already-taken' | 'no-space';

/**
 * Takes today's whole-library snapshot (a backup zip the Backups view can restore) unless
 * there is one already, then prunes. Skipped when it would leave the disk nearly full: a
 * snapshot must never be what makes the analyst's next save fail.
 */
export async function takeDailySnapshot(
  layout: LibraryLayout,
  { appVersion, now }: { appVersion: string; now: () => Date },
): Promise<SnapshotResult> {
  const folder = dailySnapshotsFolder(layout);
  const day = now().toISOString().slice(0, 10);
  const existing = await listDailySnapshots(layout);
  if (existing.some((snapshot) => snapshot.day === day)) return 'already-taken';
  await mkdir(folder, { recursive: true, mode: 0o700 });
  const { bavail, bsize } = await statfs(folder);
  const expected = existing[0]?.bytes ?? 0;
  if (bavail * bsize < 2 * expected + FREE_SPACE_RESERVE_BYTES) return 'no-space';
  await writeLibraryBackup(layout, join(folder, dailySnapshotName(day)), { appVersion, now });
  await prune(layout);
  return 'taken';
}
