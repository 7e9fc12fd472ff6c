import { stat } from 'node:fs/promises';
import { join } from 'node:path';
import type { SnapshotEntry } from '../../../../shared/domain/durability';
import { AppError } from '../../errors/app-error';
import { assertRealPathInside } from '../../security/confine-path';
import type { LibraryLayout } from '../../storage/library-layout';
import { namesInFolder } from '../../storage/names-in-folder';
import { listDailySnapshots } from '../../storage/snapshots/daily-snapshots';

/** The whole-library backups Margin keeps in the data folder's `backups/`. */
export interface SnapshotFile extends SnapshotEntry {
  path: string;
}

/** Backups a restore saved of the library it replaced (backup-handlers.ts names them). */
const BEFORE_RESTORE = /^Before restore .+\.zip$/;

const idOf = (name: string) => `snapshot.${Buffer.from(name).toString('base64url')}`;

async function beforeRestoreBackups(layout: LibraryLayout): Promise<SnapshotFile[]> {
  const folder = join(layout.dataDir, 'backups');
  const names = await namesInFolder(folder);
  const found: SnapshotFile[] = [];
  for (const name of names.filter((n) => BEFORE_RESTORE.test(n))) {
    const info = await stat(join(folder, name)).catch(() => null);
    if (!info?.isFile()) continue;
    found.push({
      id: idOf(name),
      kind: 'before-restore',
      fileName: name,
      at: info.mtime.toISOString(),
      bytes: info.size,
      path: join(folder, name),
    });
  }
  return found;
}

/** The daily snapshots and the before-restore backups, newest first. */
export async function listSnapshots(layout: LibraryLayout): Promise<SnapshotFile[]> {
  const daily = (await listDailySnapshots(layout)).map((snapshot): SnapshotFile => ({
    id: idOf(snapshot.name),
    kind: 'daily',
    fileName: snapshot.name,
    at: snapshot.at,
    bytes: snapshot.bytes,
    path: snapshot.path,
  }));
  return [...daily, ...(await beforeRestoreBackups(layout))].sort((a, b) =>
    b.at.localeCompare(a.at),
  );
}

/** The snapshot an id from the page names; NOT_FOUND when it is not (or no longer) there. */
export async function findSnapshot(layout: LibraryLayout, id: string): Promise<SnapshotFile> {
  const found = (await listSnapshots(layout)).find((snapshot) => snapshot.id === id);
  if (!found) throw new AppError('NOT_FOUND', 'That snapshot is no longer in the backups folder.');
  // A snapshot replaced by a link to a zip elsewhere is not read.
  await assertRealPathInside(layout.dataDir, found.path);
  return found;
}
