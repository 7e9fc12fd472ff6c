import { randomUUID } from 'node:crypto';
import { open, readFile, rename, stat, unlink } from 'node:fs/promises';
import { hostname } from 'node:os';
import { z } from 'zod';
import { STORE_FILE_MODE } from './durable-write';

/** Who holds the library: enough to tell a live holder from one that crashed. */
export const LockOwner = z.object({
  app: z.literal('margin'),
  pid: z.int(),
  hostname: z.string(),
  startedAt: z.string(),
  token: z.string(),
});
export type LockOwner = z.infer<typeof LockOwner>;

/** Another Margin (or a portable copy pointed at the same folder) has the library open. */
export class DataFolderLockedError extends Error {
  constructor(readonly owner: LockOwner | null) {
    super(
      owner
        ? `The library is open in another Margin (process ${owner.pid} on ${owner.hostname}, since ${owner.startedAt}).`
        : 'The library is open in another Margin.',
    );
    this.name = 'DataFolderLockedError';
  }
}

export interface DataFolderLock {
  readonly owner: LockOwner;
  release(): Promise<void>;
}

/** A lock file that cannot be read and is older than this was left by a crash mid-write. */
const UNREADABLE_LOCK_GRACE_MS = 10_000;

function isProcessAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

async function readOwner(lockFile: string): Promise<LockOwner | null> {
  try {
    return LockOwner.parse(JSON.parse(await readFile(lockFile, 'utf8')));
  } catch {
    return null;
  }
}

/** Stale: its process is gone from this machine, or the file is unreadable and old. */
async function isStale(lockFile: string, owner: LockOwner | null): Promise<boolean> {
  if (owner) return owner.hostname === hostname() && !isProcessAlive(owner.pid);
  try {
    return Date.now() - (await stat(lockFile)).mtimeMs > UNREADABLE_LOCK_GRACE_MS;
  } catch {
    return true;
  }
}

async function tryCreate(lockFile: string, owner: LockOwner): Promise<boolean> {
  let handle;
  try {
    handle = await open(lockFile, 'wx', STORE_FILE_MODE);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw error;
  }
  try {
    await handle.writeFile(JSON.stringify(owner));
    await handle.sync();
  } finally {
    await handle.close();
  }
  return true;
}

/**
 * Makes this process the library's one writer. The Electron single-instance lock covers a
 * second copy for the same user profile; this lock file also covers a second profile or a
 * portable install pointed at the same folder, and a second process in tests. A lock left
 * by a crashed process on this machine is taken over; a live one is refused.
 */
export async function acquireDataFolderLock(lockFile: string): Promise<DataFolderLock> {
  const owner: LockOwner = {
    app: 'margin',
    pid: process.pid,
    hostname: hostname(),
    startedAt: new Date().toISOString(),
    token: randomUUID(),
  };
  for (let attempt = 0; attempt < 2; attempt++) {
    if (await tryCreate(lockFile, owner)) {
      return {
        owner,
        release: async () => {
          // Only remove the lock if it is still ours (never another process's takeover).
          if ((await readOwner(lockFile))?.token === owner.token) await unlink(lockFile);
        },
      };
    }
    const holder = await readOwner(lockFile);
    if (!(await isStale(lockFile, holder))) throw new DataFolderLockedError(holder);
    // Rename rather than unlink, so two processes racing to take over cannot both succeed.
    await rename(lockFile, `${lockFile}.stale-${owner.token}`).catch(() => undefined);
    await unlink(`${lockFile}.stale-${owner.token}`).catch(() => undefined);
  }
  throw new DataFolderLockedError(await readOwner(lockFile));
}
