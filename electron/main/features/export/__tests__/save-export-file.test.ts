import { spawn } from 'node:child_process';
import { once } from 'node:events';
import {
  lstat,
  mkdir,
  readdir,
  readFile,
  readlink,
  stat,
  symlink,
  writeFile,
} from 'node:fs/promises';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { AppError } from '../../../errors/app-error';
import { TEMP_FILE_PATTERN } from '../../../storage/durable-write';
import {
  chosenPathsDialogs,
  type ChosenPathsDialogs,
} from '../../../test-support/chosen-paths-dialogs';
import { snapshotFolder } from '../../../test-support/folder-snapshot';
import { rejectionOf } from '../../../test-support/rejection-of';
import { createTempDataDir } from '../../../test-support/temp-data-dir';
import type { Dialogs, SaveFileRequest } from '../../dialogs';
import { MARKDOWN_FILTERS } from '../export-file-filters';
import { saveExportFile } from '../save-export-file';

const REQUEST: SaveFileRequest = {
  title: 'Export memo as Markdown',
  defaultName: 'Microsoft - OpenAI-Deal - Q3.md',
  filters: MARKDOWN_FILTERS,
};
const REPORT = '# Microsoft – OpenAI\n\nMargins may compress 🚀 (Übernahme).\n';
const what = 'the memo report';
const posix = process.platform !== 'win32';

/** Temp files a durable write may have left in `dir`. */
async function tempFilesIn(dir: string): Promise<string[]> {
  return (await readdir(dir)).filter((entry) => TEMP_FILE_PATTERN.test(entry));
}

describe('saveExportFile', () => {
  let dir: string;
  let cleanup: () => Promise<void>;
  let dialogs: ChosenPathsDialogs;

  beforeEach(async () => {
    ({ dir, cleanup } = await createTempDataDir('margin-export-'));
    dialogs = chosenPathsDialogs();
  });
  afterEach(() => cleanup());

  const save = (contents: string | Uint8Array = REPORT) =>
    saveExportFile({ dialogs, request: REQUEST, contents, what });

  it('writes nothing when the analyst cancels the dialog', async () => {
    dialogs.chooseSavePath(null);
    expect(await save()).toEqual({ saved: false });
    expect(dialogs.saveRequests).toEqual([REQUEST]);
    expect(await snapshotFolder(dir)).toEqual({});
  });

  it('writes a new file with exactly the bytes given, without asking anything', async () => {
    const path = join(dir, 'Report.md');
    dialogs.chooseSavePath(path);
    expect(await save()).toEqual({ saved: true, path, bytes: Buffer.byteLength(REPORT) });
    expect(await readFile(path, 'utf8')).toBe(REPORT);
    expect(dialogs.replaceQuestions).toEqual([]);
    expect(await readdir(dir)).toEqual(['Report.md']);

    const zipBytes = Uint8Array.from([0x50, 0x4b, 0x03, 0x04, 0x00, 0xff, 0x0a, 0x0d]);
    const backup = join(dir, 'backup.zip');
    dialogs.chooseSavePath(backup);
    expect(await save(zipBytes)).toEqual({ saved: true, path: backup, bytes: 8 });
    expect(new Uint8Array(await readFile(backup))).toEqual(zipBytes);
  });

  it.runIf(posix)('gives a new export the permissions of any new document, not 0600', async () => {
    const reference = join(dir, 'reference.txt');
    await writeFile(reference, 'x', { mode: 0o644 }); // what the umask makes of a document
    const path = join(dir, 'Report.md');
    dialogs.chooseSavePath(path);
    await save();
    expect((await stat(path)).mode & 0o777).toBe((await stat(reference)).mode & 0o777);
  });

  it('keeps the existing file untouched when the analyst declines to replace it', async () => {
    const path = join(dir, 'Report.md');
    await writeFile(path, 'the analyst’s earlier report');
    const before = await snapshotFolder(dir);
    dialogs.chooseSavePath(path);
    dialogs.answerReplace(false);
    expect(await save()).toEqual({ saved: false });
    expect(dialogs.replaceQuestions).toEqual([path]);
    expect(await snapshotFolder(dir)).toEqual(before);
  });

  it('replaces the existing file when the analyst agrees, asking once', async () => {
    const path = join(dir, 'Report.md');
    await writeFile(path, 'old', { mode: 0o600 });
    dialogs.chooseSavePath(path);
    dialogs.answerReplace(true);
    expect(await save()).toEqual({ saved: true, path, bytes: Buffer.byteLength(REPORT) });
    expect(dialogs.replaceQuestions).toEqual([path]);
    expect(await readFile(path, 'utf8')).toBe(REPORT);
    expect(await readdir(dir)).toEqual(['Report.md']);
    // A private file stays private when it is replaced.
    if (posix) expect((await stat(path)).mode & 0o777).toBe(0o600);
  });

  it('does not ask again when the native dialog already asked', async () => {
    const path = join(dir, 'Report.md');
    await writeFile(path, 'old');
    const asking: Dialogs = {
      ...dialogs,
      chooseSaveFile: async () => ({ path, replaceConfirmed: true }),
    };
    const outcome = await saveExportFile({
      dialogs: asking,
      request: REQUEST,
      contents: 'new',
      what,
    });
    expect(outcome).toEqual({ saved: true, path, bytes: 3 });
    expect(dialogs.replaceQuestions).toEqual([]);
    expect(await readFile(path, 'utf8')).toBe('new');
  });

  it('replaces the file a symlink points to, and keeps the link', async () => {
    const real = join(dir, 'shared', 'Report.md');
    await mkdir(join(dir, 'shared'));
    await writeFile(real, 'old');
    const link = join(dir, 'Report link.md');
    await symlink(real, link);
    dialogs.chooseSavePath(link);
    dialogs.answerReplace(true);
    expect(await save()).toMatchObject({ saved: true, path: link });
    expect((await lstat(link)).isSymbolicLink()).toBe(true);
    expect(await readlink(link)).toBe(real);
    expect(await readFile(real, 'utf8')).toBe(REPORT);
    expect(await tempFilesIn(join(dir, 'shared'))).toEqual([]);
  });

  it('accepts a long name that its temp file would make too long', async () => {
    const path = join(dir, `${'Bericht über die Übernahme '.repeat(9).slice(0, 232)}.md`);
    expect(Buffer.byteLength(join(path).split('/').pop()!)).toBeGreaterThan(240);
    dialogs.chooseSavePath(path);
    expect(await save()).toMatchObject({ saved: true, path });
    expect(await readFile(path, 'utf8')).toBe(REPORT);
    expect(await tempFilesIn(dir)).toEqual([]);
  });

  describe('when it cannot save, it says why and where, and writes nothing', () => {
    it('refuses a folder that has the chosen name, without asking to replace it', async () => {
      const path = join(dir, 'Report.md');
      await mkdir(path);
      await writeFile(join(path, 'inside.txt'), 'kept');
      const before = await snapshotFolder(dir);
      dialogs.chooseSavePath(path);
      dialogs.answerReplace(true);
      const error = await rejectionOf(save(), AppError);
      expect(error.code).toBe('EXPORT_WRITE_FAILED');
      expect(error.message).toBe(
        `Couldn't save the memo report in “${dir}”: a folder of that name is already there. ` +
          'Nothing was written. Choose another name.',
      );
      expect(dialogs.replaceQuestions).toEqual([]);
      expect(await snapshotFolder(dir)).toEqual(before);
    });

    it('names a folder that does not exist', async () => {
      const folder = join(dir, 'gone');
      dialogs.chooseSavePath(join(folder, 'Report.md'));
      const error = await rejectionOf(save(), AppError);
      expect(error.code).toBe('EXPORT_WRITE_FAILED');
      expect(error.message).toBe(
        `Couldn't save the memo report in “${folder}”: the folder does not exist (any more). ` +
          'Nothing was written. Choose another folder.',
      );
      expect(await snapshotFolder(dir)).toEqual({});
    });

    it('says so when part of the path is a file, not a folder', async () => {
      await writeFile(join(dir, 'notes.txt'), 'a file');
      const before = await snapshotFolder(dir);
      dialogs.chooseSavePath(join(dir, 'notes.txt', 'Report.md'));
      const error = await rejectionOf(save(), AppError);
      expect(error.code).toBe('EXPORT_WRITE_FAILED');
      expect(error.message).toContain(`in “${join(dir, 'notes.txt')}”`);
      expect(error.message).toContain('part of that path is a file, not a folder');
      expect(error.message).toContain('Nothing was written');
      expect(await snapshotFolder(dir)).toEqual(before);
    });

    it('says so when the name is too long for the disk', async () => {
      dialogs.chooseSavePath(join(dir, `${'x'.repeat(300)}.md`));
      const error = await rejectionOf(save(), AppError);
      expect(error.message).toContain('the name is too long for that disk');
      expect(error.message).toContain('Choose a shorter name.');
      expect(await snapshotFolder(dir)).toEqual({});
    });

    it.runIf(posix)('refuses to replace something that is not a file (a socket)', async () => {
      const socketPath = join(dir, 'margin.sock');
      const server = createServer();
      server.listen(socketPath);
      await once(server, 'listening');
      try {
        dialogs.chooseSavePath(socketPath);
        dialogs.answerReplace(true);
        const error = await rejectionOf(save(), AppError);
        expect(error.message).toContain('something that is not a file has that name');
        expect(dialogs.replaceQuestions).toEqual([]);
        expect((await lstat(socketPath)).isSocket()).toBe(true);
      } finally {
        server.close();
      }
    });

    /*
     * A full disk, for real: `ulimit -f 1` lets a process write at most 512 bytes to any
     * file; a longer write fails with EFBIG (Node ignores SIGXFSZ, so the process lives on
     * and gets the error, as it gets ENOSPC on a full disk). The limit must not touch the
     * test runner, so the real writer runs in a child process (through tsx).
     */
    describe.runIf(posix)('in a process that may not write more than 512 bytes', () => {
      const child = join(import.meta.dirname, 'fixtures/save-in-child.ts');

      async function saveInLimitedChild(path: string, size: number) {
        const proc = spawn(
          '/bin/sh',
          [
            '-c',
            'ulimit -f 1; exec "$0" --import tsx "$@"',
            process.execPath,
            child,
            path,
            `${size}`,
          ],
          // No tsx cache writes under the limit.
          { stdio: ['ignore', 'pipe', 'inherit'], env: { ...process.env, TSX_DISABLE_CACHE: '1' } },
        );
        let out = '';
        proc.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
        const [code] = await once(proc, 'exit');
        expect(code).toBe(0);
        return JSON.parse(out) as {
          outcome?: unknown;
          error?: { name: string; code: string; message: string };
        };
      }

      it('saves a small file (the limit is real, the writer works there)', async () => {
        const path = join(dir, 'Small.md');
        expect(await saveInLimitedChild(path, 400)).toEqual({
          outcome: { saved: true, path, bytes: 400 },
        });
        expect(await readFile(path, 'utf8')).toBe('x'.repeat(400));
      });

      it('fails cleanly on a new file: no file, no temp file', async () => {
        const result = await saveInLimitedChild(join(dir, 'Report.md'), 4000);
        expect(result.error).toEqual({
          name: 'AppError',
          code: 'EXPORT_WRITE_FAILED',
          message:
            `Couldn't save the memo report in “${dir}”: the file is larger than that disk allows. ` +
            'Nothing was written. Choose a folder on another disk.',
        });
        expect(await snapshotFolder(dir)).toEqual({});
      });

      it('fails cleanly when replacing: the old file stays byte-identical', async () => {
        const path = join(dir, 'Report.md');
        await writeFile(path, Buffer.from([0x23, 0x20, 0xc3, 0xbc, 0x0a, 0x00, 0xff]));
        const before = await snapshotFolder(dir);
        const result = await saveInLimitedChild(path, 4000);
        expect(result.error?.code).toBe('EXPORT_WRITE_FAILED');
        expect(result.error?.message).toContain(
          'Nothing was written and “Report.md” is unchanged.',
        );
        expect(await snapshotFolder(dir)).toEqual(before);
      });
    });
  });
});
