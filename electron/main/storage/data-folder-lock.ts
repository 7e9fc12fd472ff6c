import { randomUUID } from 'node:crypto';
import { open, readFile, rename, stat, unlink } from 'node:fs/promises';
import { hostname, uptime } from 'node:os';
import { z } from 'zod';
import { STORE_FILE_MODE } from './durable-write';

/** Who holds the library: enough to tell a live holder from one that crashed. */
export const LockOwner = z.object({
  app: z.literal('margin'),
  pid: z.int(),
  hostname: z.string(),
  /** When this machine booted: a lock from before a reboot is stale even if its pid is reused. */
  bootedAt: z.number().optional(),
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
/** Boot time is derived from uptime, so it wobbles by a few seconds; a reboot moves it far more. */
const BOOT_TIME_TOLERANCE_MS = 60_000;

const bootedAt = () => Date.now() - uptime() * 1000;

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

/**
 * Stale: written on this machine before its last reboot, or by a process that is gone, or
 * unreadable and old. A lock from another machine is never stale: we cannot see its process.
 */
async function isStale(lockFile: string, owner: LockOwner | null): Promise<boolean> {
  if (owner) {
    if (owner.hostname !== hostname()) return false;
    const rebooted =
      owner.bootedAt !== undefined &&
      Math.abs(owner.bootedAt - bootedAt()) > BOOT_TIME_TOLERANCE_MS;
    return rebooted || !isProcessAlive(owner.pid);
  }
  try {
    return Date.now() - (await stat(lockFile)).mtimeMs > UNREADABLE_LOCK_GRACE_MS;
  } catch {
    return true;
  }
}

/**
 * Moves the stale lock out of the way. Two processes may find the same stale lock; if
 * the other one has already replaced it with its own fresh lock, what we moved is not the
 * stale lock, and we put it back so that its owner keeps it (and we are refused next).
 */
async function moveStaleLockAside(
  lockFile: string,
  stale: LockOwner | null,
  token: string,
): Promise<void> {
  const aside = `${lockFile}.stale-${token}`;
  try {
    await rename(lockFile, aside);
  } catch {
    return; // already gone: someone else took it over or released it
  }
  const moved = await readOwner(aside);
  if (stale && moved && moved.token !== stale.token) {
    await rename(aside, lockFile).catch(() => undefined);
    return;
  }
  await unlink(aside).catch(() => undefined);
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
    bootedAt: bootedAt(),
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
    await moveStaleLockAside(lockFile, holder, owner.token);
  }
  throw new DataFolderLockedError(await readOwner(lockFile));
}
