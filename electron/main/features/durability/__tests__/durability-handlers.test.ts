import { mkdir, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { BackupCatalog, GenerationRestored } from '../../../../../shared/domain/durability';
import type { LibraryStatus } from '../../../../../shared/domain/library-status';
import type { Memo, MemoSaved } from '../../../../../shared/domain/memo';
import type { RestorePlan } from '../../../../../shared/domain/export';
import { memoDocWith } from '../../../storage/__tests__/faults/memo-doc-with';
import { takeDailySnapshot } from '../../../storage/snapshots/daily-snapshots';
import { inspectBackup } from '../../../storage/backup/inspect-backup';
import { errorOf, valueOf } from '../../../test-support/envelope-of';
import { mainHarness } from '../../../test-support/main-harness';
import { createTempDataDir } from '../../../test-support/temp-data-dir';
import { createTestParserPool } from '../../../test-support/test-parser-pool';
import { extractBackup } from '../../../storage/backup/extract-backup';

const MINUTE = 60_000;

describe('backups view, save a copy elsewhere and write failures over the IPC path', () => {
  let clock: number;
  const now = () => new Date(clock);
  const parser = createTestParserPool();
  const app = mainHarness({ parser, now });
  const { call, dialogs } = app;
  let elsewhere: { dir: string; cleanup: () => Promise<void> };

  beforeEach(async () => {
    clock = Date.parse('2026-11-25T09:00:00.000Z');
    elsewhere = await createTempDataDir('margin-elsewhere-');
    dialogs.answerReplace(false);
    await app.start();
  });
  afterEach(async () => {
    await app.cleanup();
    await elsewhere.cleanup();
  });
  afterAll(() => parser.close());

  async function memoWith(text: string): Promise<Memo> {
    const memo = valueOf(await call('memos:create', { ticker: 'MSFT' })) as Memo;
    const saved = valueOf(
      await call('memos:save', {
        id: memo.id,
        baseVersion: 0,
        title: 'MSFT',
        doc: memoDocWith([text]),
      }),
    ) as MemoSaved;
    return { ...memo, version: saved.version };
  }

  it('lists the rolling copies and puts one back, keeping the current version as a copy first', async () => {
    const memo = await memoWith('first draft');
    await app.restart(); // closing writes the copies still waiting for their interval
    clock += MINUTE;
    valueOf(
      await call('memos:save', {
        id: memo.id,
        baseVersion: memo.version,
        title: 'MSFT',
        doc: memoDocWith(['second draft']),
      }),
    );
    await app.restart();

    const catalog = valueOf(await call('backups:list')) as BackupCatalog;
    expect(catalog.folder).toBe(join(app.dataDir, 'backups'));
    const memoCopies = catalog.generations.filter((g) => g.file.kind === 'memo');
    expect(memoCopies.map((g) => g.label)).toEqual(memoCopies.map(() => 'Memo “MSFT”'));
    // Newest first; the first draft is in one of the older copies.
    const folder = join(app.dataDir, 'backups', 'rolling', 'memos', memo.id);
    const textOf = async (id: string) =>
      readFile(join(folder, `${id.split('.').at(-1)!}.json`), 'utf8');
    const texts = await Promise.all(memoCopies.map((g) => textOf(g.id)));
    expect(texts[0]).toContain('second draft');
    const oldest = memoCopies[texts.findIndex((t) => t.includes('first draft'))]!;
    const restored = valueOf(
      await call('backups:restoreGeneration', { id: oldest.id }),
    ) as GenerationRestored;
    expect(restored).toEqual({ label: 'Memo “MSFT”', at: oldest.at });

    const back = valueOf(await call('memos:get', { id: memo.id })) as Memo;
    expect(JSON.stringify(back.doc)).toContain('first draft');
    // What it replaced became the newest copy: the restore itself can be undone.
    const after = valueOf(await call('backups:list')) as BackupCatalog;
    const newest = after.generations.find((g) => g.file.kind === 'memo')!;
    const newestFile = join(app.dataDir, 'backups', 'rolling', 'memos', memo.id);
    const newestText = await readFile(
      join(newestFile, (await readdir(newestFile)).sort().at(-1)!),
      'utf8',
    );
    expect(newestText).toContain('second draft');
    expect(newest.at > oldest.at, `${newest.at} after ${oldest.at}`).toBe(true);
  });

  it('refuses a copy that is damaged or unknown and changes nothing', async () => {
    const memo = await memoWith('kept');
    await app.restart();
    const [copy] = (valueOf(await call('backups:list')) as BackupCatalog).generations.filter(
      (g) => g.file.kind === 'memo',
    );
    const folder = join(app.dataDir, 'backups', 'rolling', 'memos', memo.id);
    const name = copy!.id.split('.').at(-1)!;
    await writeFile(join(folder, `${name}.json`), '{"schemaVersion":1');
    expect(errorOf(await call('backups:restoreGeneration', { id: copy!.id }))).toMatchObject({
      code: 'STORE_CORRUPT',
      message: expect.stringContaining('Nothing was changed'),
    });
    expect(
      errorOf(
        await call('backups:restoreGeneration', { id: 'library.2026-01-01T00-00-00-000Z-0' }),
      ),
    ).toMatchObject({
      code: 'NOT_FOUND',
    });
    const gone = 'annotations.3f1c2a1e-8d2b-4c1a-9a8e-2f0b1c3d4e5f.2026-01-01T00-00-00-000Z-000';
    expect(errorOf(await call('backups:restoreGeneration', { id: gone }))).toMatchObject({
      code: 'NOT_FOUND',
      message: expect.stringContaining('no longer in the library'),
    });
    expect(
      errorOf(await call('backups:restoreGeneration', { id: '../../etc/passwd' })),
    ).toMatchObject({
      code: 'INVALID_INPUT',
    });
    expect(
      JSON.stringify((valueOf(await call('memos:get', { id: memo.id })) as Memo).doc),
    ).toContain('kept');
  });

  it('lists a daily snapshot and checks it for the restore confirmation', async () => {
    await memoWith('in the snapshot');
    await app.library.memos.flush();
    expect(await takeDailySnapshot(app.library.layout, { appVersion: 'test', now })).toBe('taken');
    expect(await takeDailySnapshot(app.library.layout, { appVersion: 'test', now })).toBe(
      'already-taken',
    );

    const { snapshots } = valueOf(await call('backups:list')) as BackupCatalog;
    expect(snapshots).toEqual([
      expect.objectContaining({ kind: 'daily', fileName: 'Margin daily 2026-11-25.zip' }),
    ]);
    const plan = valueOf(
      await call('backups:planRestore', { id: snapshots[0]!.id }),
    ) as RestorePlan;
    expect(plan).toMatchObject({ fileName: 'Margin daily 2026-11-25.zip', backup: { memos: 1 } });
    expect(errorOf(await call('backups:planRestore', { id: 'snapshot.bm9uZQ' }))).toMatchObject({
      code: 'NOT_FOUND',
    });
  });

  it('saves a copy of the library elsewhere with the memo the page could not save, restorable as a backup', async () => {
    const memo = await memoWith('saved text');
    const target = join(elsewhere.dir, 'copy.zip');
    dialogs.chooseSavePath(target);
    const outcome = valueOf(
      await call('library:saveCopy', {
        unsavedMemos: [
          {
            id: memo.id,
            title: 'MSFT unsaved',
            doc: memoDocWith(['typed while the disk was full']),
          },
        ],
      }),
    );
    expect(outcome).toMatchObject({ saved: true, path: target });
    const { manifest } = await inspectBackup(target);
    expect(manifest.counts.memos).toBe(1);
    const unpacked = join(elsewhere.dir, 'unpacked');
    await extractBackup(target, unpacked);
    const inCopy = JSON.parse(
      await readFile(join(unpacked, 'memos', memo.id, 'memo.json'), 'utf8'),
    );
    expect(inCopy.memo.title).toBe('MSFT unsaved');
    expect(JSON.stringify(inCopy.memo.doc)).toContain('typed while the disk was full');
    // The library itself is unchanged: the copy only went elsewhere.
    expect(
      JSON.stringify((valueOf(await call('memos:get', { id: memo.id })) as Memo).doc),
    ).toContain('saved text');

    dialogs.chooseSavePath(null);
    expect(valueOf(await call('library:saveCopy', { unsavedMemos: [] }))).toEqual({ saved: false });
  });

  it('shows a failing save in the status until the data folder can be written again', async () => {
    const memo = await memoWith('before');
    // A folder where memo.json should be makes the write fail like a broken disk.
    const path = join(app.dataDir, 'memos', memo.id, 'memo.json');
    await rm(path);
    await mkdir(join(path, 'blocker'), { recursive: true });
    const failed = await call('memos:save', {
      id: memo.id,
      baseVersion: memo.version,
      title: 'MSFT',
      doc: memoDocWith(['after']),
    });
    expect(errorOf(failed).code).toBe('STORE_WRITE_FAILED');
    const status = valueOf(await call('library:status')) as LibraryStatus;
    expect(status.writeFailure).toMatchObject({
      what: '"MSFT"',
      cause: 'the disk reported an error (EISDIR)',
    });

    // The probe writes into the data folder, which works: the failure clears.
    await app.library.writeHealth.check();
    expect((valueOf(await call('library:status')) as LibraryStatus).writeFailure).toBeNull();
    await rm(path, { recursive: true });
  });
});
