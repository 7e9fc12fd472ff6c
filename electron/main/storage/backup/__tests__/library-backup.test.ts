import { mkdir, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { collectingLogger } from '../../../test-support/collecting-logger';
import { snapshotFolder } from '../../../test-support/folder-snapshot';
import { createTempDataDir } from '../../../test-support/temp-data-dir';
import { libraryLayout } from '../../library-layout';
import { openLibrary } from '../../open-library';
import { BACKUP_MANIFEST_NAME } from '../backup-manifest';
import { inspectBackup } from '../inspect-backup';
import { restoreLibraryBackup } from '../restore-library-backup';
import { writeLibraryBackup } from '../write-library-backup';
import { buildSampleLibrary, fillSampleLibrary, later } from './fixtures/sample-library';
import { readZip } from './fixtures/zip-tools';

const logger = collectingLogger();
const options = { appVersion: '0.1.0', now: () => later(60) };

/** The library as the app sees it: everything a restore must give back. */
async function libraryState(dataDir: string) {
  const library = await openLibrary(dataDir, { logger });
  try {
    const articles = library.articles.list();
    const memos = library.memos.list();
    return {
      status: library.status().notices,
      articles,
      texts: await Promise.all(articles.map((a) => library.articles.get(a.id))),
      highlights: await Promise.all(articles.map((a) => library.annotations.listHighlights(a.id))),
      codebook: library.codebook.list(),
      watchlist: library.settings.watchlist(),
      scale: library.settings.recommendationScale(),
      memos,
      memoBodies: await Promise.all(memos.map((m) => library.memos.get(m.id))),
      revisions: await Promise.all(
        memos.map(async (m) => {
          const list = await library.memos.revisions(m.id);
          return Promise.all(list.map((r) => library.memos.revision(m.id, r.id)));
        }),
      ),
    };
  } finally {
    await library.close();
  }
}

/**
 * Every file a backup keeps: the lock, the derived cache and the library's own backups
 * (rolling copies, snapshots) are not the library.
 */
async function storeSnapshot(dataDir: string) {
  const snapshot = await snapshotFolder(dataDir);
  return Object.fromEntries(
    Object.entries(snapshot).filter(
      ([path]) =>
        path !== 'margin.lock' && !path.startsWith('cache') && !path.startsWith('backups/'),
    ),
  );
}

describe('library backup and restore', () => {
  let root: string;
  let cleanup: () => Promise<void>;
  let dataDir: string;
  let zipPath: string;

  beforeEach(async () => {
    ({ dir: root, cleanup } = await createTempDataDir());
    dataDir = join(root, 'library');
    zipPath = join(root, 'backup.zip');
  });
  afterEach(() => cleanup());

  it('restores a wiped library exactly: every file byte for byte, every id and anchor', async () => {
    const built = await buildSampleLibrary(dataDir);
    const files = await storeSnapshot(dataDir);
    const state = await libraryState(dataDir);
    expect(state.memoBodies[0]?.doc.content.length).toBeGreaterThan(0);
    expect(state.revisions.flat().map((r) => r.reason)).toEqual(
      expect.arrayContaining(['manual', 'close']),
    );

    const summary = await writeLibraryBackup(libraryLayout(dataDir), zipPath, options);
    expect(summary).toEqual({
      path: zipPath,
      bytes: (await readFile(zipPath)).length,
      counts: {
        articles: 3,
        highlights: built.highlights.length,
        memos: 2,
        revisions: state.revisions.flat().length,
      },
      createdAt: later(60).toISOString(),
      leftOut: [],
    });
    const { manifest } = await inspectBackup(zipPath);
    expect(manifest).toMatchObject({
      format: 'margin-backup',
      formatVersion: 1,
      appVersion: '0.1.0',
      libraryFormat: 6,
      counts: summary.counts,
    });
    // The index first (read before the folders), then the folders in order.
    const paths = manifest.files.map((f) => f.path);
    expect(paths).toEqual(['library.json', ...paths.filter((p) => p !== 'library.json').sort()]);
    expect(paths).toHaveLength(Object.keys(files).length);

    await rm(dataDir, { recursive: true, force: true });
    await restoreLibraryBackup(zipPath, dataDir, { now: () => later(90) });

    expect(await storeSnapshot(dataDir)).toEqual(files);
    expect((await readdir(dataDir)).sort()).toEqual(['articles', 'library.json', 'memos']);
    expect(await libraryState(dataDir)).toEqual(state);
  });

  it('writes the same bytes for the same library', async () => {
    await buildSampleLibrary(dataDir);
    const again = join(root, 'again.zip');
    await writeLibraryBackup(libraryLayout(dataDir), zipPath, options);
    await writeLibraryBackup(libraryLayout(dataDir), again, options);
    expect((await readFile(again)).equals(await readFile(zipPath))).toBe(true);
  });

  it('backs up an open library while it is written, and leaves out all that is not the library', async () => {
    const library = await openLibrary(dataDir, { logger });
    let edited = '';
    try {
      const { articles, highlights } = await fillSampleLibrary(library);
      const article = articles[1]!;
      edited = highlights[0]!.id;
      // What the data folder holds besides the library.
      await mkdir(join(dataDir, 'cache'), { recursive: true });
      await writeFile(join(dataDir, 'cache', 'library-index.bin'), 'derived');
      await mkdir(join(dataDir, 'articles', `.staging-${article.id}`));
      await writeFile(join(dataDir, 'articles', `.staging-${article.id}`, 'article.json'), '{');
      await writeFile(join(dataDir, `.library.json.${process.pid}.0123abcd.tmp`), '{');
      await writeFile(join(dataDir, 'library.json.corrupt-2026-11-25T10-00-00-000Z'), '{');
      await writeFile(join(dataDir, 'articles', article.id, 'notes.txt'), 'not Margin’s');
      await mkdir(join(dataDir, 'backups'), { recursive: true });
      await writeFile(join(dataDir, 'backups', 'older.zip'), 'zip');
      await writeFile(join(dataDir, 'README.txt'), 'hello');

      const edits = Array.from({ length: 20 }, (_, n) =>
        library.annotations.updateHighlight(article.id, highlights[0]!.id, (h) => ({
          ...h,
          note: `Edit ${n}`,
        })),
      );
      const [summary] = await Promise.all([
        writeLibraryBackup(library.layout, zipPath, options),
        ...edits,
      ]);
      expect(summary.counts).toMatchObject({ articles: 3, memos: 2 });
      const names = (await readZip(zipPath)).map((e) => e.name);
      expect(names[0]).toBe(BACKUP_MANIFEST_NAME);
      for (const name of names.slice(1)) {
        expect(name).toMatch(/^(library\.json|articles\/[^/.]+\/\w+\.json|memos\/.+\.json)$/);
      }
      expect(names).not.toContain('margin.lock');
      expect(names.some((n) => /cache|staging|corrupt|tmp|backups|txt/i.test(n))).toBe(false);
    } finally {
      await library.close();
    }

    const restored = join(root, 'restored');
    await restoreLibraryBackup(zipPath, restored);
    const state = await libraryState(restored);
    expect(state.status).toEqual([]);
    expect(state.articles).toHaveLength(3);
    expect(state.highlights.flat()).toHaveLength(4);
    const note = state.highlights.flat().find((h) => h.id === edited)?.note;
    expect(note).toMatch(/^(Check against|Edit \d+)/);
  });

  it('replaces a library that is not empty completely: nothing of it is merged in', async () => {
    await buildSampleLibrary(dataDir);
    const files = await storeSnapshot(dataDir);
    const state = await libraryState(dataDir);
    await writeLibraryBackup(libraryLayout(dataDir), zipPath, options);

    const other = join(root, 'other');
    const onlyThere = await buildSampleLibrary(other);
    await mkdir(join(other, 'cache'));
    await writeFile(join(other, 'cache', 'library-index.bin'), 'derived from the old library');
    await restoreLibraryBackup(zipPath, other);

    expect(await storeSnapshot(other)).toEqual(files);
    expect(await libraryState(other)).toEqual(state);
    const ids = state.articles.map((a) => a.id);
    for (const article of onlyThere.articles) expect(ids).not.toContain(article.id);
    expect((await readdir(other)).filter((name) => name !== 'backups').sort()).toEqual([
      'articles',
      'library.json',
      'memos',
    ]);
  });

  it('leaves out a damaged store file, says so, and still makes a backup that restores', async () => {
    const { articles } = await buildSampleLibrary(dataDir);
    const damaged = `articles/${articles[2]!.id}/annotations.json`;
    await writeFile(join(dataDir, damaged), '{"schemaVersion": 3, "articleId": ');

    const summary = await writeLibraryBackup(libraryLayout(dataDir), zipPath, options);
    expect(summary.leftOut).toEqual([
      { path: damaged, reason: 'it is not complete JSON (it may have been cut off)' },
    ]);
    expect(summary.counts.highlights).toBe(3);
    const restored = join(root, 'restored');
    await restoreLibraryBackup(zipPath, restored);
    const state = await libraryState(restored);
    expect(state.articles).toHaveLength(3);
    expect(state.highlights.flat()).toHaveLength(3);
  });

  it('backs up and restores an empty library', async () => {
    await (await openLibrary(dataDir, { logger })).close();
    const summary = await writeLibraryBackup(libraryLayout(dataDir), zipPath, options);
    expect(summary.counts).toEqual({ articles: 0, highlights: 0, memos: 0, revisions: 0 });
    const restored = join(root, 'restored');
    await restoreLibraryBackup(zipPath, restored);
    expect(await libraryState(restored)).toEqual(await libraryState(dataDir));
  });
});
