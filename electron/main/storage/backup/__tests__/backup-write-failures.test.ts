import { execFile } from 'node:child_process';
import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTempDataDir } from '../../../test-support/temp-data-dir';
import { libraryLayout } from '../../library-layout';
import { writeLibraryBackup } from '../write-library-backup';
import { buildSampleLibrary } from './fixtures/sample-library';

const run = promisify(execFile);
const child = join(import.meta.dirname, 'fixtures/backup-child.ts');
const options = { appVersion: '0.1.0' };

describe('a backup that cannot be written', () => {
  let root: string;
  let cleanup: () => Promise<void>;
  let dataDir: string;

  beforeAll(async () => {
    ({ dir: root, cleanup } = await createTempDataDir());
    dataDir = join(root, 'library');
    await buildSampleLibrary(dataDir);
  });
  afterAll(() => cleanup());

  it('throws the file system error when the target folder does not exist', async () => {
    const target = join(root, 'missing', 'backup.zip');
    await expect(writeLibraryBackup(libraryLayout(dataDir), target, options)).rejects.toMatchObject(
      {
        code: 'ENOENT',
      },
    );
    expect(await readdir(root)).not.toContain('missing');
  });

  it('throws when the target folder is a file, leaving nothing behind', async () => {
    await writeFile(join(root, 'a-file'), 'kept');
    const target = join(root, 'a-file', 'backup.zip');
    await expect(writeLibraryBackup(libraryLayout(dataDir), target, options)).rejects.toMatchObject(
      {
        code: 'ENOTDIR',
      },
    );
    expect(await readFile(join(root, 'a-file'), 'utf8')).toBe('kept');
  });

  it('leaves what is at the target untouched and no temp file when the rename fails', async () => {
    const folder = join(root, 'rename');
    const target = join(folder, 'backup.zip');
    await mkdir(target, { recursive: true }); // a file cannot be renamed over a folder
    await writeFile(join(target, 'keep.txt'), 'kept');
    await expect(writeLibraryBackup(libraryLayout(dataDir), target, options)).rejects.toThrow();
    expect(await readdir(folder)).toEqual(['backup.zip']);
    expect(await readFile(join(target, 'keep.txt'), 'utf8')).toBe('kept');
  });

  it.runIf(process.platform === 'linux')(
    'keeps the previous backup and leaves no temp file when the disk fills up mid-write',
    async () => {
      const folder = join(root, 'full');
      const target = join(folder, 'backup.zip');
      await mkdir(folder);
      await writeFile(target, 'the previous backup');
      // 8 KiB of file size for the child: its zip (about 13 KiB) cannot be written whole.
      const { stdout } = await run(
        'bash',
        [
          '-c',
          'ulimit -f 8 && exec "$0" --import tsx "$@"',
          process.execPath,
          child,
          dataDir,
          target,
        ],
        { env: { ...process.env, TSX_DISABLE_CACHE: '1' } },
      );
      expect(stdout.trim()).toBe('failed EFBIG');
      expect(await readdir(folder)).toEqual(['backup.zip']);
      expect(await readFile(target, 'utf8')).toBe('the previous backup');

      const { stdout: unlimited } = await run(process.execPath, [
        '--import',
        'tsx',
        child,
        dataDir,
        target,
      ]);
      expect(unlimited).toMatch(/^written \d+/);
      expect(await readdir(folder)).toEqual(['backup.zip']);
    },
  );
});
