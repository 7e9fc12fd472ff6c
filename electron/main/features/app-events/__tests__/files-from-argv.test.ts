import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTempDataDir } from '../../../test-support/temp-data-dir';
import { filesFromArgv } from '../files-from-argv';

describe('the files a launch asks Margin to open', () => {
  let dir: string;
  let cleanup: () => Promise<void>;
  beforeAll(async () => {
    ({ dir, cleanup } = await createTempDataDir('margin-argv-'));
    await writeFile(join(dir, 'Q3 note.pdf'), '%PDF-1.4');
    await writeFile(join(dir, 'notes.md'), '# Notes');
    await mkdir(join(dir, 'folder.md'));
  });
  afterAll(() => cleanup());

  it('takes the files after the executable, resolving relative paths against the launch folder', async () => {
    const argv = ['/opt/Margin/margin', 'Q3 note.pdf', join(dir, 'notes.md')];
    expect(await filesFromArgv(argv, { cwd: dir, defaultApp: false })).toEqual([
      join(dir, 'Q3 note.pdf'),
      join(dir, 'notes.md'),
    ]);
  });

  it('skips the app path of an unpackaged run, switches, folders, missing files and repeats', async () => {
    const argv = [
      '/usr/lib/electron',
      '.',
      '--allow-file-access-from-files',
      '-psn_0_12345',
      'notes.md',
      'folder.md',
      'missing.pdf',
      './notes.md',
    ];
    expect(await filesFromArgv(argv, { cwd: dir, defaultApp: true })).toEqual([
      join(dir, 'notes.md'),
    ]);
  });

  it('reads the file:// URLs Linux file managers pass', async () => {
    const argv = ['/opt/Margin/margin', pathToFileURL(join(dir, 'Q3 note.pdf')).href];
    expect(await filesFromArgv(argv, { cwd: '/', defaultApp: false })).toEqual([
      join(dir, 'Q3 note.pdf'),
    ]);
    const remote = [
      '/opt/Margin/margin',
      'file://fileserver/share/x.pdf',
      'https://a.example/x.pdf',
    ];
    expect(await filesFromArgv(remote, { cwd: dir, defaultApp: false })).toEqual([]);
  });

  it('opens nothing for a plain launch', async () => {
    expect(await filesFromArgv(['/opt/Margin/margin'], { cwd: dir, defaultApp: false })).toEqual(
      [],
    );
  });
});
