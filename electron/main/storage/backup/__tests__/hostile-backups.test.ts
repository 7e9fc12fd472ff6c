import { randomUUID } from 'node:crypto';
import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rejectionOf } from '../../../test-support/rejection-of';
import { snapshotFolder } from '../../../test-support/folder-snapshot';
import { createTempDataDir } from '../../../test-support/temp-data-dir';
import { libraryLayout } from '../../library-layout';
import { BackupError } from '../backup-error';
import { BACKUP_MANIFEST_NAME } from '../backup-manifest';
import { extractBackup } from '../extract-backup';
import { inspectBackup } from '../inspect-backup';
import { restoreLibraryBackup } from '../restore-library-backup';
import { writeLibraryBackup } from '../write-library-backup';
import { buildSampleLibrary, later } from './fixtures/sample-library';
import {
  manifestOf,
  readZip,
  recordOf,
  withManifest,
  writeZip,
  type ZipEntry,
} from './fixtures/zip-tools';

const someArticle = (name: string) => `articles/${randomUUID()}/${name}`;

describe('restoring a backup that is damaged, altered or not a backup', () => {
  let root: string;
  let cleanup: () => Promise<void>;
  let dataDir: string;
  /** A genuine backup of the sample library, entry by entry. */
  let genuine: ZipEntry[];
  let genuineZip: string;
  let n = 0;

  beforeAll(async () => {
    ({ dir: root, cleanup } = await createTempDataDir());
    dataDir = join(root, 'library');
    await buildSampleLibrary(dataDir);
    genuineZip = join(root, 'genuine.zip');
    await writeLibraryBackup(libraryLayout(dataDir), genuineZip, {
      appVersion: '0.1.0',
      now: () => later(60),
    });
    genuine = await readZip(genuineZip);
  });
  afterAll(() => cleanup());

  /** The genuine backup's entries plus `extra`, each listed in the manifest (its real record). */
  const listedWith = (...extra: ZipEntry[]) => {
    const manifest = manifestOf(genuine);
    return withManifest([...genuine, ...extra], {
      ...manifest,
      files: [...manifest.files, ...extra.map(recordOf)],
    });
  };

  /**
   * Restores `entries` (or raw bytes) into the sample library: expects a BackupError with
   * `message`, and that nothing changed: the library, and nothing written beside it.
   */
  async function refused(entries: ZipEntry[] | Buffer, message: RegExp | string) {
    const zipPath = join(root, `hostile-${n++}.zip`);
    if (Buffer.isBuffer(entries)) await writeFile(zipPath, entries);
    else await writeZip(zipPath, entries);
    const before = await snapshotFolder(root);
    const rootEntries = await readdir(root);

    const error = await rejectionOf(restoreLibraryBackup(zipPath, dataDir), BackupError);
    expect(error.message).toMatch(message);
    expect(await snapshotFolder(root)).toEqual(before);
    expect(await readdir(root)).toEqual(rootEntries);
    expect(await readdir(dataDir)).not.toContain(expect.stringMatching(/^\.(restore|replaced)-/));

    // Unpacked alone, beside the library: the same refusal, and no staging folder left.
    const staging = join(root, 'staging');
    const again = await rejectionOf(extractBackup(zipPath, staging), BackupError);
    expect(again.message).toBe(error.message);
    expect(await readdir(root)).toEqual(rootEntries);
    return error;
  }

  it('restores the genuine backup (the baseline the others alter)', async () => {
    await writeZip(join(root, 'copy.zip'), genuine);
    expect((await inspectBackup(join(root, 'copy.zip'))).manifest).toEqual(manifestOf(genuine));
  });

  it.each([
    ['../evil', 'a parent-folder name'],
    ['articles/../../evil', 'a parent folder inside the path'],
    ['/tmp/evil.json', 'an absolute path'],
    ['C:/evil.json', 'a drive letter'],
    ['articles\\..\\..\\evil.json', 'backslashes'],
  ])('refuses %s (%s): it would be written outside the library', async (name) => {
    const error = await refused(
      listedWith({ name, data: Buffer.from('{}') }),
      /would be written outside the library/,
    );
    expect(error.code).toBe('DAMAGED_FILE');
    expect(error.message).toContain(JSON.stringify(name));
  });

  it('refuses a symbolic link', async () => {
    const link = {
      name: someArticle('article.json'),
      data: Buffer.from('/etc/passwd'),
      mode: 0o120777,
    };
    await refused(listedWith(link), /is a link or a special file/);
  });

  it('refuses a file that is not part of a library', async () => {
    await refused(
      listedWith({ name: 'notes.txt', data: Buffer.from('hi') }),
      /not a file of a Margin library/,
    );
    await refused(
      listedWith({ name: someArticle('script.js'), data: Buffer.from('x') }),
      /not a file of a Margin library/,
    );
    await refused(
      listedWith({ name: 'cache/library-index.bin', data: Buffer.from('x') }),
      /not a file of a Margin library/,
    );
  });

  it('refuses a file its manifest does not list, and a listed file that is missing', async () => {
    const extra = { name: someArticle('details.json'), data: Buffer.from('{}') };
    await refused(
      [...genuine, extra],
      /holds articles\/.+\/details\.json, which its list of contents does not name/,
    );
    const manifest = manifestOf(genuine);
    await refused(
      withManifest(genuine, { ...manifest, files: [...manifest.files, recordOf(extra)] }),
      /articles\/.+\/details\.json is missing from it/,
    );
  });

  it('refuses a file whose checksum does not match', async () => {
    const entries = genuine.map((entry) =>
      entry.name.endsWith('annotations.json')
        ? { ...entry, data: Buffer.from(entry.data.toString('utf8').replace('"risk"', '"thes"')) }
        : entry,
    );
    const changed = entries.find((e, i) => !e.data.equals(genuine[i]!.data));
    expect(changed).toBeDefined();
    await refused(
      entries,
      `The backup is damaged: ${changed!.name} does not match its checksum. Nothing was restored; try another copy of the backup.`,
    );
  });

  it('refuses a file whose size differs from the manifest', async () => {
    const manifest = manifestOf(genuine);
    const files = manifest.files.map((f, i) => (i === 0 ? { ...f, size: f.size + 1 } : f));
    await refused(
      withManifest(genuine, { ...manifest, files }),
      /does not have the size its list of contents gives/,
    );
  });

  it('refuses the same file twice', async () => {
    const twice = genuine.find((e) => e.name.endsWith('article.json'))!;
    await refused([...genuine, twice], /twice/);
  });

  it('refuses a zip without a manifest first, a manifest of another format, or no zip at all', async () => {
    const withoutManifest = genuine.filter((e) => e.name !== BACKUP_MANIFEST_NAME);
    await refused(withoutManifest, 'This file is not a Margin backup.');
    await refused([...withoutManifest, genuine[0]!], 'This file is not a Margin backup.');
    await refused(
      withManifest(genuine, { ...manifestOf(genuine), format: 'other-app' }),
      'This file is not a Margin backup.',
    );
    await refused(
      Buffer.from('Not a zip at all, just text.\n'),
      'This file is not a Margin backup.',
    );
    await refused([], 'This file is not a Margin backup.');
  });

  it('refuses a manifest that does not parse', async () => {
    const manifest = manifestOf(genuine);
    await refused(
      withManifest(genuine, { ...manifest, counts: 'many' }),
      /list of contents \(margin-backup\.json\) is not in Margin's format/,
    );
    const broken = [
      { name: BACKUP_MANIFEST_NAME, data: Buffer.from('{"format": "margin-bac') },
      ...genuine.slice(1),
    ];
    await refused(broken, /list of contents \(margin-backup\.json\) cannot be read/);
  });

  it('refuses a backup from a newer Margin, saying which format', async () => {
    const manifest = manifestOf(genuine);
    const newer = await refused(
      withManifest(genuine, { ...manifest, formatVersion: 2, somethingNew: true }),
      'This backup was made by a newer Margin (format 2); update Margin to restore it.',
    );
    expect(newer.code).toBe('UNSUPPORTED_FORMAT');
    await refused(
      withManifest(genuine, { ...manifest, libraryFormat: 7 }),
      /library from a newer Margin \(library format 7; this Margin reads up to 6\)/,
    );
  });

  it('refuses a backup that was cut off', async () => {
    const bytes = await readFile(genuineZip);
    await refused(
      bytes.subarray(0, Math.floor(bytes.length / 2)),
      /This backup is incomplete: the file was cut off/,
    );
    await refused(bytes.subarray(0, bytes.length - 10), /This backup is incomplete/);
  });

  it('refuses a store file that fails its schema, naming it and why', async () => {
    const name = genuine.find((e) => e.name.endsWith('annotations.json'))!.name;
    const bad = {
      name,
      data: Buffer.from('{"schemaVersion": 3, "articleId": "x", "highlights": []}\n'),
    };
    const entries = genuine.map((e) => (e.name === name ? bad : e));
    const manifest = manifestOf(genuine);
    const files = manifest.files.map((f) => (f.path === name ? recordOf(bad) : f));
    await refused(
      withManifest(entries, { ...manifest, files }),
      `The backup is damaged: ${name} cannot be read (it does not match Margin's format (at articleId)). Nothing was restored; try another copy of the backup.`,
    );
  });

  it('refuses a store file that belongs to another folder', async () => {
    const source = genuine.find(
      (e) => e.name.startsWith('memos/') && e.name.endsWith('memo.json'),
    )!;
    const moved = { name: `memos/${randomUUID()}/memo.json`, data: source.data };
    const manifest = manifestOf(genuine);
    await refused(
      withManifest([...genuine, moved], {
        ...manifest,
        counts: { ...manifest.counts, memos: manifest.counts.memos + 1 },
        files: [...manifest.files, recordOf(moved)],
      }),
      /memo\.json cannot be read \(it holds the memo .+, which belongs elsewhere\)/,
    );
  });

  it('refuses counts that do not match what the backup holds', async () => {
    const manifest = manifestOf(genuine);
    await refused(
      withManifest(genuine, { ...manifest, counts: { ...manifest.counts, highlights: 99 } }),
      /does not match the counts/,
    );
  });

  it('refuses a zip bomb before inflating it', async () => {
    const bomb = { name: someArticle('article.json'), data: Buffer.alloc(20 * 1024 * 1024) };
    const error = await refused(
      listedWith(bomb),
      /compresses articles\/.+\/article\.json more than 200-fold.*zip bomb/,
    );
    expect(error.code).toBe('TOO_LARGE');
  });
});
