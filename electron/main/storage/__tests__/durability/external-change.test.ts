import { readdir, readFile, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { collectingLogger } from '../../../test-support/collecting-logger';
import { createTempDataDir } from '../../../test-support/temp-data-dir';
import { libraryLayout } from '../../library-layout';
import { openLibrary, type Library } from '../../open-library';
import { memoDocWith } from '../faults/memo-doc-with';
import { sampleHighlight } from '../faults/sample-highlight';
import { fillLibrary, type DurableContent } from './durable-library-fixture';

const logger = collectingLogger();

/** What another program does: rewrites the file in place with its own version. */
async function editOnDisk(path: string, edit: (value: Record<string, unknown>) => void) {
  const value = JSON.parse(await readFile(path, 'utf8')) as Record<string, unknown>;
  edit(value);
  await writeFile(path, JSON.stringify(value));
}

const conflictCopiesBeside = async (path: string) =>
  (await readdir(dirname(path))).filter((name) => name.includes('.conflict-'));

describe('a store file changed outside Margin while the library is open', () => {
  let dataDir: string;
  let cleanup: () => Promise<void>;
  let library: Library;
  let content: DurableContent;

  beforeEach(async () => {
    ({ dir: dataDir, cleanup } = await createTempDataDir());
    library = await openLibrary(dataDir, { logger });
    content = await fillLibrary(library);
  });
  afterEach(async () => {
    await library.close();
    await cleanup();
  });

  it('memo.json: the next save writes a conflict copy, keeps the other version and refuses the stale editor', async () => {
    const path = libraryLayout(dataDir).memoFile(content.memo.id);
    await editOnDisk(path, (file) => {
      (file.memo as Record<string, unknown>).title = 'Edited on the laptop';
    });
    const synced = await readFile(path);

    const save = library.memos.save(
      content.memo.id,
      content.memo.version,
      { title: 'Mine', doc: memoDocWith(['typed here']) },
      new Date(),
    );
    await expect(save).rejects.toMatchObject({
      code: 'CONFLICT',
      message: expect.stringMatching(
        /changed outside Margin .* saved beside it as memos\/.*memo\.json\.conflict-/,
      ),
    });
    // The other program's version is untouched; ours is in the conflict copy.
    expect((await readFile(path)).equals(synced)).toBe(true);
    const [copy] = await conflictCopiesBeside(path);
    expect(await readFile(join(dirname(path), copy!), 'utf8')).toContain('typed here');
    expect(library.status().notices).toEqual([
      expect.objectContaining({
        title: `memos/${content.memo.id}/memo.json changed outside Margin`,
        outcome: expect.stringContaining(copy!),
      }),
    ]);

    // The editor's version is stale now: its next autosave is refused, never written over.
    await library.memos.flush();
    await expect(
      library.memos.save(
        content.memo.id,
        content.memo.version,
        { title: 'Again', doc: memoDocWith(['x']) },
        new Date(),
      ),
    ).rejects.toMatchObject({ code: 'CONFLICT' });
    const reloaded = await library.memos.get(content.memo.id);
    expect(reloaded.title).toBe('Edited on the laptop');
    // Saving on top of the reloaded version works again.
    await library.memos.save(
      reloaded.id,
      reloaded.version,
      { title: 'Merged', doc: memoDocWith(['both']) },
      new Date(),
    );
    expect(JSON.parse(await readFile(path, 'utf8')).memo.title).toBe('Merged');
  });

  it('library.json: the next change writes a conflict copy and the index is read again from disk', async () => {
    const path = libraryLayout(dataDir).libraryFile;
    await editOnDisk(path, (file) => {
      (file.settings as { watchlist: unknown[] }).watchlist.push({
        name: 'SAP',
        ticker: 'SAP',
        aliases: [],
      });
    });

    await expect(
      library.settings.saveWatchlist([{ name: 'Siemens', ticker: 'SIE', aliases: [] }]),
    ).rejects.toMatchObject({ code: 'CONFLICT' });
    expect(await conflictCopiesBeside(path)).toHaveLength(1);
    await library.articles.flush();
    expect(library.settings.watchlist().map((w) => w.ticker)).toEqual(['MSFT', 'SAP']);
    // The next change builds on the version that is on disk now.
    await library.settings.saveWatchlist([{ name: 'Siemens', ticker: 'SIE', aliases: [] }]);
    expect(JSON.parse(await readFile(path, 'utf8')).settings.watchlist).toEqual([
      { name: 'Siemens', ticker: 'SIE', aliases: [] },
    ]);
  });

  it("annotations.json: every change reads the file first, so another program's highlights are kept", async () => {
    const path = libraryLayout(dataDir).annotationsFile(content.articleId);
    const theirs = sampleHighlight(content.articleId, 'added on the laptop');
    await editOnDisk(path, (file) => (file.highlights as unknown[]).push(theirs));

    const mine = sampleHighlight(content.articleId, 'added here');
    await library.annotations.saveHighlight(mine);
    expect(
      (await library.annotations.listHighlights(content.articleId)).map((h) => h.note),
    ).toEqual(['second note', 'added on the laptop', 'added here']);
    expect(await conflictCopiesBeside(path)).toEqual([]);
  });

  it('a file rewritten with the same bytes (a sync tool, touch) is no conflict', async () => {
    const path = libraryLayout(dataDir).memoFile(content.memo.id);
    await writeFile(path, await readFile(path));
    await library.memos.save(
      content.memo.id,
      content.memo.version,
      { title: 'Fine', doc: memoDocWith(['ok']) },
      new Date(),
    );
    expect(await conflictCopiesBeside(path)).toEqual([]);
  });
});
