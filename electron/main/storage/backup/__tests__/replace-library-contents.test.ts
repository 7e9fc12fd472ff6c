import { mkdir, mkdtemp, readdir, rename, rm, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { collectingLogger } from '../../../test-support/collecting-logger';
import { snapshotFolder } from '../../../test-support/folder-snapshot';
import { createTempDataDir } from '../../../test-support/temp-data-dir';
import { DataFolderLockedError } from '../../data-folder-lock';
import { libraryLayout } from '../../library-layout';
import { openLibrary } from '../../open-library';
import { extractBackup } from '../extract-backup';
import { replaceLibraryContents } from '../replace-library-contents';
import { restoreFolderIn } from '../restore-folders';
import { writeLibraryBackup } from '../write-library-backup';
import { buildSampleLibrary } from './fixtures/sample-library';

const logger = collectingLogger();

describe('replaceLibraryContents', () => {
  let root: string;
  let cleanup: () => Promise<void>;
  let dataDir: string;
  let zipPath: string;

  beforeEach(async () => {
    ({ dir: root, cleanup } = await createTempDataDir());
    dataDir = join(root, 'library');
    zipPath = join(root, 'backup.zip');
    await buildSampleLibrary(join(root, 'source'));
    await writeLibraryBackup(libraryLayout(join(root, 'source')), zipPath, { appVersion: '0.1.0' });
    await buildSampleLibrary(dataDir);
  });
  afterEach(() => cleanup());

  it('refuses to replace a library that is open, and moves nothing', async () => {
    const staging = restoreFolderIn(dataDir);
    await extractBackup(zipPath, staging);
    const library = await openLibrary(dataDir, { logger });
    try {
      const before = await snapshotFolder(dataDir);
      await expect(replaceLibraryContents(dataDir, staging)).rejects.toBeInstanceOf(
        DataFolderLockedError,
      );
      expect(await snapshotFolder(dataDir)).toEqual(before);
    } finally {
      await library.close();
    }
  });

  it('moves the old library back when the new one cannot be moved in', async (context) => {
    // A staging folder on another disk: renaming from it fails (EXDEV) after the old
    // library was moved aside.
    const otherDisk = '/dev/shm';
    const exists = await stat(otherDisk).catch(() => null);
    if (!exists || exists.dev === (await stat(root)).dev) context.skip();
    const staging = await mkdtemp(join(otherDisk, 'margin-test-'));
    try {
      await rm(staging, { recursive: true });
      await extractBackup(zipPath, staging);
      const before = await snapshotFolder(dataDir);

      await expect(replaceLibraryContents(dataDir, staging)).rejects.toMatchObject({
        code: 'EXDEV',
      });
      expect(await snapshotFolder(dataDir)).toEqual(before);
      expect((await readdir(dataDir)).filter((n) => n.startsWith('.replaced-'))).toEqual([]);
      expect((await readdir(staging)).sort()).toEqual(['articles', 'library.json', 'memos']);
    } finally {
      await rm(staging, { recursive: true, force: true });
    }
  });

  it('sweeps leftover .restore folders at open', async () => {
    const leftover = restoreFolderIn(dataDir);
    await mkdir(join(leftover, 'articles'), { recursive: true });
    await writeFile(join(leftover, 'library.json'), '{}');
    await (await openLibrary(dataDir, { logger })).close();
    expect((await readdir(dataDir)).filter((n) => n.startsWith('.restore-'))).toEqual([]);
  });

  /** The old library as the analyst sees it: its store files (not the rebuilt cache). */
  const storeFiles = async () => {
    const all = await snapshotFolder(dataDir);
    return Object.fromEntries(
      Object.entries(all).filter(([path]) => /^(?:library\.json|articles\/|memos\/)/.test(path)),
    );
  };

  /**
   * A swap cut off after `moved` of the old library's entries went aside and `placed` of
   * the backup's came in, as a crash would leave it.
   */
  async function interruptSwap(moved: string[], placed: string[]): Promise<void> {
    const staging = restoreFolderIn(dataDir);
    await extractBackup(zipPath, staging);
    const aside = join(dataDir, '.replaced-2026-11-25T10-00-00-000Z-abcdef');
    await mkdir(aside);
    for (const name of moved) await rename(join(dataDir, name), join(aside, name));
    for (const name of placed) await rename(join(staging, name), join(dataDir, name));
  }

  for (const [label, moved, placed] of [
    ['after the index went aside', ['library.json'], []],
    ['after the articles went aside', ['library.json', 'articles'], []],
    ['with the backup half moved in', ['library.json', 'articles', 'memos'], ['articles']],
    [
      'with the backup moved in but not committed',
      ['library.json', 'articles', 'memos'],
      ['articles', 'memos', 'library.json'],
    ],
  ] as const) {
    it(`puts the old library back at open when a restore was cut off ${label}`, async () => {
      const before = await storeFiles();
      await interruptSwap([...moved], [...placed]);
      const library = await openLibrary(dataDir, { logger });
      try {
        expect(library.status().notices).toEqual([
          expect.objectContaining({
            reason: 'a restore from backup was cut off while it swapped the libraries',
          }),
        ]);
      } finally {
        await library.close();
      }
      expect(await storeFiles()).toEqual(before);
      const leftovers = (await readdir(dataDir)).filter(
        (n) => n.startsWith('.replaced-') || n.startsWith('.restore-'),
      );
      expect(leftovers).toEqual([]);
    });
  }
});
