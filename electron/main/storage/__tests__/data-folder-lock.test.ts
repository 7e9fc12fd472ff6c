import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { readFile, writeFile } from 'node:fs/promises';
import { hostname, uptime } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTempDataDir } from '../../test-support/temp-data-dir';
import { acquireDataFolderLock, DataFolderLockedError } from '../data-folder-lock';

const child = join(import.meta.dirname, 'fixtures/lock-child.ts');

/** Starts a second Node process that tries to take the lock; resolves with its first line. */
async function startSecondProcess(
  lockFile: string,
): Promise<{ process: ChildProcess; line: string }> {
  const proc = spawn(process.execPath, ['--import', 'tsx', child, lockFile], {
    stdio: ['pipe', 'pipe', 'inherit'],
  });
  const [chunk] = (await once(proc.stdout!, 'data')) as [Buffer];
  return { process: proc, line: chunk.toString().trim() };
}

describe('the data folder lock', () => {
  let dir: string;
  let cleanup: () => Promise<void>;
  let lockFile: string;
  const running: ChildProcess[] = [];

  beforeEach(async () => {
    ({ dir, cleanup } = await createTempDataDir());
    lockFile = join(dir, 'margin.lock');
  });
  afterEach(async () => {
    for (const proc of running.splice(0)) proc.kill('SIGKILL');
    await cleanup();
  });

  it('refuses a second process while the first holds the library', async () => {
    const lock = await acquireDataFolderLock(lockFile);
    const second = await startSecondProcess(lockFile);
    running.push(second.process);
    expect(second.line).toBe(`refused ${process.pid}`);
    const [code] = await once(second.process, 'exit');
    expect(code).toBe(3);
    await lock.release();
  });

  it('is refused while a second process holds it, and taken over once that process died', async () => {
    const holder = await startSecondProcess(lockFile);
    running.push(holder.process);
    expect(holder.line).toMatch(/^locked \d+$/);

    const refusal = await acquireDataFolderLock(lockFile).catch((error: unknown) => error);
    expect(refusal).toBeInstanceOf(DataFolderLockedError);
    expect((refusal as DataFolderLockedError).owner?.pid).toBe(holder.process.pid);
    expect((refusal as Error).message).toContain(`process ${holder.process.pid}`);

    holder.process.kill('SIGKILL'); // a crash: the lock file stays behind
    await once(holder.process, 'exit');
    const lock = await acquireDataFolderLock(lockFile);
    expect(JSON.parse(await readFile(lockFile, 'utf8')).pid).toBe(process.pid);
    await lock.release();
  });

  it('refuses a second lock in the same process until the first is released', async () => {
    const first = await acquireDataFolderLock(lockFile);
    await expect(acquireDataFolderLock(lockFile)).rejects.toBeInstanceOf(DataFolderLockedError);
    await first.release();
    const second = await acquireDataFolderLock(lockFile);
    await second.release();
  });

  it('does not remove a lock that another process has taken over', async () => {
    const lock = await acquireDataFolderLock(lockFile);
    const foreign = { app: 'margin', pid: 1, hostname: 'other-host', startedAt: 'x', token: 't' };
    await writeFile(lockFile, JSON.stringify(foreign));
    await lock.release();
    expect(JSON.parse(await readFile(lockFile, 'utf8'))).toEqual(foreign);
  });

  it('takes over a lock written before this machine last booted, even if its pid is alive', async () => {
    const beforeReboot = {
      app: 'margin',
      pid: process.pid, // reused by a live process after the reboot
      hostname: hostname(),
      bootedAt: Date.now() - uptime() * 1000 - 86_400_000,
      startedAt: 'yesterday',
      token: 'old',
    };
    await writeFile(lockFile, JSON.stringify(beforeReboot));
    const lock = await acquireDataFolderLock(lockFile);
    expect(lock.owner.pid).toBe(process.pid);
    expect(JSON.parse(await readFile(lockFile, 'utf8')).token).toBe(lock.owner.token);
    await lock.release();
  });

  it('lets exactly one of many racing processes take over a stale lock', async () => {
    const dead = {
      app: 'margin',
      pid: 999_999_999,
      hostname: hostname(),
      startedAt: 'x',
      token: 'dead',
    };
    await writeFile(lockFile, JSON.stringify(dead));
    const racers = await Promise.all(Array.from({ length: 4 }, () => startSecondProcess(lockFile)));
    running.push(...racers.map((r) => r.process));
    const winners = racers.filter((r) => r.line.startsWith('locked'));
    expect(winners).toHaveLength(1);
    expect(JSON.parse(await readFile(lockFile, 'utf8')).pid).toBe(winners[0]!.process.pid);
  });

  it('never takes over a lock held on another machine', async () => {
    const remote = {
      app: 'margin',
      pid: 999_999,
      hostname: `${hostname()}-other`,
      startedAt: 'x',
      token: 't',
    };
    await writeFile(lockFile, JSON.stringify(remote));
    await expect(acquireDataFolderLock(lockFile)).rejects.toBeInstanceOf(DataFolderLockedError);
  });
});
