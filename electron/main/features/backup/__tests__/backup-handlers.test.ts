import { randomUUID } from 'node:crypto';
import { readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { buffer } from 'node:stream/consumers';
import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ZipFile } from 'yazl';
import type { Article, ArticleSummary } from '../../../../../shared/domain/article';
import type { EnsuredTags } from '../../../../../shared/domain/codebook';
import type {
  BackupOutcome,
  LibraryCounts,
  RestoreOutcome,
  RestorePlan,
} from '../../../../../shared/domain/export';
import type { AnchoredHighlight, Highlight } from '../../../../../shared/domain/highlight';
import type { Memo, MemoRevisionSummary, MemoSummary } from '../../../../../shared/domain/memo';
import { errorOf, valueOf } from '../../../test-support/envelope-of';
import { mainHarness, type MainHarness } from '../../../test-support/main-harness';
import { spanOf } from '../../../test-support/span-of';
import { createTempDataDir } from '../../../test-support/temp-data-dir';
import { createTestParserPool } from '../../../test-support/test-parser-pool';

const MINUTE = 60_000;

const ref = (h: Highlight) => ({ articleId: h.articleId, id: h.id });

/**
 * The files that make up a library (what a backup holds: `library.json`, `articles/`,
 * `memos/`), by path, with their bytes. Hidden names are skipped, as the backup skips
 * them: they are temp files of writes under way.
 */
async function storeFiles(dataDir: string): Promise<Record<string, string>> {
  const found: Record<string, string> = {};
  async function add(rel: string): Promise<void> {
    const path = join(dataDir, rel);
    if ((await stat(path)).isFile()) {
      found[rel] = (await readFile(path)).toString('base64');
      return;
    }
    for (const name of (await readdir(path)).sort()) {
      if (!name.startsWith('.')) await add(join(rel, name));
    }
  }
  await add('library.json');
  for (const folder of ['articles', 'memos']) {
    if ((await readdir(dataDir)).includes(folder)) await add(folder);
  }
  return found;
}

/** A zip holding `entries` and nothing else. */
async function writeZip(path: string, entries: Record<string, string>): Promise<void> {
  const zip = new ZipFile();
  for (const [name, text] of Object.entries(entries)) zip.addBuffer(Buffer.from(text), name);
  zip.end();
  await writeFile(path, await buffer(zip.outputStream));
}

describe('backing up and restoring the library over the IPC path', () => {
  let clock: number;
  const tick = (ms = MINUTE) => (clock += ms);
  const now = () => new Date(clock);
  const parser = createTestParserPool();
  const app = mainHarness({ parser, now });
  /** A second library in its own data folder (restoring into an empty one). */
  const fresh = mainHarness({ parser, now });
  const { call, dialogs } = app;
  let files: { dir: string; cleanup: () => Promise<void> };

  beforeEach(async () => {
    clock = Date.parse('2026-11-25T09:00:00.000Z');
    files = await createTempDataDir('margin-backups-');
    for (const harness of [app, fresh]) {
      harness.dialogs.chooseSavePath(null);
      harness.dialogs.chooseBackup(null);
      harness.dialogs.answerReplace(false);
    }
    await app.start();
  });
  afterEach(async () => {
    await app.cleanup();
    await fresh.cleanup();
    await files.cleanup();
  });
  afterAll(() => parser.close());

  /** Everything the page can read of a library, ids included. */
  async function libraryState(harness: MainHarness = app) {
    const articles = valueOf<ArticleSummary[]>(await harness.call('articles:list'));
    const memos = valueOf<MemoSummary[]>(await harness.call('memos:list'));
    return {
      articles,
      highlights: await Promise.all(
        articles.map(async (a) =>
          valueOf<AnchoredHighlight[]>(await harness.call('highlights:list', { articleId: a.id })),
        ),
      ),
      codebook: valueOf(await harness.call('codebook:list')),
      memos,
      bodies: await Promise.all(
        memos.map(async (m) => valueOf<Memo>(await harness.call('memos:get', { id: m.id }))),
      ),
      revisions: await Promise.all(
        memos.map(async (m) =>
          valueOf<MemoRevisionSummary[]>(await harness.call('memos:revisions', { id: m.id })),
        ),
      ),
    };
  }
  type LibraryState = Awaited<ReturnType<typeof libraryState>>;

  /** What the state holds, counted as a restore plan counts it. */
  const countsOf = (state: LibraryState): LibraryCounts => ({
    articles: state.articles.length,
    highlights: state.highlights.flat().length,
    memos: state.memos.length,
    revisions: state.revisions.flat().length,
  });

  async function claim(article: Article, words: string, claimClass: Highlight['claimClass']) {
    tick();
    return valueOf<AnchoredHighlight>(
      await call('highlights:create', {
        articleId: article.id,
        ...spanOf(article.text, words),
        claimClass,
      }),
    ).highlight;
  }

  /** The seed with three claims (one tagged), and a memo citing two, with a manual revision. */
  async function buildLibrary() {
    const seed = await app.importSeed();
    const { ids } = valueOf<EnsuredTags>(
      await call('codebook:ensure', { paths: ['Risk/Regulation'] }),
    );
    const thesis = await claim(seed, 'spürbaren Rückgang', 'thesis');
    const risk = await claim(seed, 'Beobachtung von Regulierungsbehörden', 'risk');
    const evidence = await claim(seed, 'massiv in OpenAI investiert', 'evidence');
    tick();
    valueOf(await call('highlights:update', { ...ref(risk), tags: ids, note: 'EU AI Act.' }));

    let memo = valueOf<Memo>(await call('memos:create', { ticker: 'MSFT', company: 'Microsoft' }));
    tick();
    memo = valueOf<Memo>(
      await call('memos:addCitation', { id: memo.id, highlightId: thesis.id, section: 'thesis' }),
    );
    tick();
    memo = valueOf<Memo>(
      await call('memos:addCitation', { id: memo.id, highlightId: risk.id, section: 'risks' }),
    );
    tick();
    valueOf(
      await call('memos:snapshot', { id: memo.id, reason: 'manual', label: 'Before the call' }),
    );
    // On disk before the test reads the store's files.
    const { library } = app;
    await Promise.all([
      library.annotations.flush(),
      library.articles.flush(),
      library.memos.flush(),
    ]);
    return { seed, thesis, risk, evidence, memo };
  }

  /** Backs the library up to `name` in the test's folder. */
  async function backUp(name = 'backup.zip') {
    const path = join(files.dir, name);
    dialogs.chooseSavePath(path);
    const at = now().toISOString();
    const outcome = valueOf<BackupOutcome>(await call('library:backup'));
    expect(outcome).toEqual({
      saved: true,
      path,
      bytes: (await stat(path)).size,
      counts: expect.any(Object),
      leftOut: [],
    });
    return { path, at, counts: outcome.saved ? outcome.counts : null };
  }

  async function choose(path: string | null, harness: MainHarness = app) {
    harness.dialogs.chooseBackup(path);
    return valueOf<RestorePlan | null>(await harness.call('library:chooseBackup'));
  }

  it('restores exactly what was backed up, after saving the library it replaces', async () => {
    const { seed, evidence } = await buildLibrary();
    const backup = await backUp();
    const backedUp = await libraryState();
    expect(backup.counts).toEqual(countsOf(backedUp));
    expect(backup.counts).toMatchObject({ articles: 1, highlights: 3, memos: 1 });
    expect(backup.counts!.revisions).toBeGreaterThanOrEqual(1);

    // The library moves on.
    tick();
    const added = await app.addArticle(
      'Siemens Healthineers hebt die Prognose an. Die Margen steigen im dritten Quartal.',
      { language: 'de' },
    );
    tick();
    valueOf(await call('highlights:delete', ref(evidence)));
    tick();
    const second = valueOf<Memo>(await call('memos:create', { title: 'Second memo' }));
    const replaced = await libraryState();
    expect(replaced.articles.map((a) => a.id)).toContain(added.id);

    tick();
    const plan = await choose(backup.path);
    expect(plan).toEqual({
      token: expect.any(String),
      fileName: 'backup.zip',
      createdAt: backup.at,
      appVersion: expect.any(String),
      backup: backup.counts,
      current: countsOf(replaced),
      currentIsEmpty: false,
    });
    expect(plan!.current).toMatchObject({ articles: 2, highlights: 2, memos: 2 });

    tick();
    const restored = valueOf<RestoreOutcome>(await call('library:restore', { token: plan!.token }));
    expect(restored.counts).toEqual(backup.counts);
    const after = await libraryState();
    expect(after).toEqual(backedUp);
    expect(after.articles.map((a) => a.id)).not.toContain(added.id);
    expect(after.memos.map((m) => m.id)).not.toContain(second.id);
    expect(errorOf(await call('memos:get', { id: second.id })).code).toBe('NOT_FOUND');

    // The replaced library was saved first, inside the data folder, as a backup of its own.
    const saved = restored.previousLibraryBackup;
    expect(saved).not.toBeNull();
    expect(dirname(saved!)).toBe(join(app.dataDir, 'backups'));
    expect(basename(saved!)).toMatch(/^Before restore .*\.zip$/);
    // Beside it, the rolling copies of the replaced library: out of the way of the
    // recovery of the restored one, never deleted.
    expect((await readdir(join(app.dataDir, 'backups'))).sort()).toEqual([
      basename(saved!),
      expect.stringMatching(/^Rolling copies before restore /),
    ]);
    const savedPlan = await choose(saved);
    expect(savedPlan).toMatchObject({
      fileName: basename(saved!),
      backup: countsOf(replaced),
      current: backup.counts,
      currentIsEmpty: false,
    });

    // The channels work on the restored library, and what they write stays.
    const made = await claim(seed, 'erste Risse', 'risk');
    const listed = valueOf<AnchoredHighlight[]>(
      await call('highlights:list', { articleId: seed.id }),
    );
    expect(listed.map((h) => h.highlight.id)).toContain(made.id);
    expect(listed.map((h) => h.highlight.id)).toContain(evidence.id);
    await app.restart();
    const reopened = valueOf<AnchoredHighlight[]>(
      await call('highlights:list', { articleId: seed.id }),
    );
    expect(reopened).toEqual(listed);
  });

  it('the library a restore replaced comes back by restoring its saved copy', async () => {
    await buildLibrary();
    const backup = await backUp();
    tick();
    const second = valueOf<Memo>(await call('memos:create', { title: 'Second memo' }));
    const replaced = await libraryState();

    const plan = await choose(backup.path);
    tick();
    const { previousLibraryBackup } = valueOf<RestoreOutcome>(
      await call('library:restore', { token: plan!.token }),
    );
    expect((await libraryState()).memos.map((m) => m.id)).not.toContain(second.id);

    tick();
    const undo = await choose(previousLibraryBackup);
    valueOf(await call('library:restore', { token: undo!.token }));
    expect(await libraryState()).toEqual(replaced);
  });

  it('restores into an empty library byte for byte, without saving the empty one', async () => {
    await buildLibrary();
    const backup = await backUp();
    const backedUpFiles = await storeFiles(app.dataDir);
    expect(Object.keys(backedUpFiles).length).toBeGreaterThan(3);
    const backedUp = await libraryState();

    await fresh.start();
    const plan = await choose(backup.path, fresh);
    expect(plan).toMatchObject({
      backup: backup.counts,
      current: { articles: 0, highlights: 0, memos: 0, revisions: 0 },
      currentIsEmpty: true,
    });
    tick();
    const restored = valueOf<RestoreOutcome>(
      await fresh.call('library:restore', { token: plan!.token }),
    );
    expect(restored).toEqual({ counts: backup.counts, previousLibraryBackup: null });
    expect(await storeFiles(fresh.dataDir)).toEqual(backedUpFiles);
    expect(await readdir(fresh.dataDir)).not.toContain('backups');
    expect(await libraryState(fresh)).toEqual(backedUp);
  });

  it('refuses what is not a Margin backup, and a restore it did not check, changing nothing', async () => {
    await buildLibrary();
    const before = await libraryState();
    const beforeFiles = await storeFiles(app.dataDir);

    expect(await choose(null)).toBeNull();
    dialogs.chooseSavePath(null);
    expect(valueOf(await call('library:backup'))).toEqual({ saved: false });

    const notAZip = join(files.dir, 'notes.zip');
    await writeFile(notAZip, 'Meeting notes, not a zip file at all.\n');
    const foreignZip = join(files.dir, 'photos.zip');
    await writeZip(foreignZip, { 'readme.txt': 'Holiday photos.', 'library.json': '{}' });
    for (const path of [notAZip, foreignZip]) {
      dialogs.chooseBackup(path);
      const refused = errorOf(await call('library:chooseBackup'));
      expect(refused.code, basename(path)).not.toBe('INTERNAL');
      expect(['UNSUPPORTED_FORMAT', 'DAMAGED_FILE'], basename(path)).toContain(refused.code);
      expect(refused.message, basename(path)).toMatch(/backup/i);
      expect(refused.message, 'no path in the message').not.toContain(files.dir);
    }

    const missing = errorOf(await call('library:restore', { token: randomUUID() }));
    expect(missing.code).toBe('NOT_FOUND');
    expect(await libraryState()).toEqual(before);
    expect(await storeFiles(app.dataDir)).toEqual(beforeFiles);

    // A checked backup's token is spent by its restore (here of the library's own backup).
    const backup = await backUp();
    const plan = await choose(backup.path);
    valueOf(await call('library:restore', { token: plan!.token }));
    expect(errorOf(await call('library:restore', { token: plan!.token })).code).toBe('NOT_FOUND');

    expect(await libraryState()).toEqual(before);
    expect(await storeFiles(app.dataDir)).toEqual(beforeFiles);
  });

  it('says so, as for an import, when the chosen backup cannot be read', async () => {
    await buildLibrary();
    const before = await libraryState();
    const beforeFiles = await storeFiles(app.dataDir);
    /** How a file that cannot be read must not be described: a bug, or a failed save. */
    const expectReadRefusal = (refused: { code: string; message: string }, what: string) => {
      // Soft: each case reports on its own.
      expect.soft(refused.code, what).not.toBe('INTERNAL');
      expect.soft(refused.code, `${what}: nothing was being saved`).not.toBe('STORE_WRITE_FAILED');
      expect.soft(refused.message, what).toMatch(/backup/i);
    };

    // Gone between the dialog and the check (a USB stick pulled out), or a folder chosen.
    const gone = join(files.dir, 'gone.zip');
    dialogs.chooseBackup(gone);
    expectReadRefusal(errorOf(await call('library:chooseBackup')), 'a file that is gone');
    dialogs.chooseBackup(files.dir);
    expectReadRefusal(errorOf(await call('library:chooseBackup')), 'a folder');

    // Gone between the check and the restore.
    const backup = await backUp();
    const plan = await choose(backup.path);
    await rm(backup.path);
    const refused = errorOf(await call('library:restore', { token: plan!.token }));
    expectReadRefusal(refused, 'a checked backup that is gone');

    expect(await libraryState()).toEqual(before);
    expect(await storeFiles(app.dataDir)).toEqual(beforeFiles);
  });

  it('names the damaged store files a backup had to leave out', async () => {
    const { seed } = await buildLibrary();
    const annotations = join(app.dataDir, 'articles', seed.id, 'annotations.json');
    await writeFile(annotations, '{"schemaVersion": 3, "articleId": "trunc');
    const path = join(files.dir, 'damaged.zip');
    dialogs.chooseSavePath(path);
    const outcome = valueOf<BackupOutcome>(await call('library:backup'));
    expect(outcome).toMatchObject({
      saved: true,
      leftOut: [`articles/${seed.id}/annotations.json`],
    });
  });

  it('keeps the files the library had set aside, which no backup holds, when it is replaced', async () => {
    const { seed } = await buildLibrary();
    const backup = await backUp();
    const setAside = join('articles', seed.id, 'annotations.json.corrupt-2026-11-20T10-00-00-000Z');
    await writeFile(join(app.dataDir, setAside), 'what the analyst may still need');
    // A conflict copy and a cut-off save hold the analyst's text too.
    const others = [
      join('articles', seed.id, 'annotations.json.conflict-2026-11-21T10-00-00-000Z'),
      join('articles', seed.id, 'annotations.json.interrupted-2026-11-22T10-00-00-000Z'),
    ];
    for (const other of others) await writeFile(join(app.dataDir, other), other);
    const plan = await choose(backup.path);
    const restored = valueOf<RestoreOutcome>(await call('library:restore', { token: plan!.token }));
    const kept = restored.previousLibraryBackup!.replace(/\.zip$/, ' set-aside files');
    expect(await readFile(join(kept, setAside), 'utf8')).toBe('what the analyst may still need');
    for (const other of others) expect(await readFile(join(kept, other), 'utf8')).toBe(other);
    // The restored library is the backup's: the set-aside file is not back in it.
    await expect(stat(join(app.dataDir, setAside))).rejects.toMatchObject({ code: 'ENOENT' });
  });
});
