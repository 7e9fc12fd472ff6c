import { randomUUID } from 'node:crypto';
import { mkdir, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Memo, MemoRevision, RevisionReason } from '../../../../shared/domain/memo';
import type { MemoDoc } from '../../../../shared/domain/memo-doc';
import { memoWordCount } from '../../../../shared/memo/memo-plain-text';
import { memoTemplateDoc } from '../../../../shared/memo/memo-template';
import { newMemo } from '../../features/memos/new-memo';
import { collectingLogger } from '../../test-support/collecting-logger';
import { snapshotFolder } from '../../test-support/folder-snapshot';
import { createTempDataDir } from '../../test-support/temp-data-dir';
import { capRevisions } from '../cap-revisions';
import { MEMO_REVISIONS_MAX, revisionFileSpec, revisionsIndexSpec } from '../memo-files';
import { HOURLY_REVISION_MS } from '../memos-repo';
import { openLibrary, type Library } from '../open-library';
import { serializeStoreFile } from '../parse-store-file';
import { emptyLibraryFile } from '../store-files';

const T0 = new Date('2026-11-25T09:00:00.000Z');
const later = (ms: number) => new Date(T0.getTime() + ms);
const MINUTE = 60_000;

/** Revisions of `memo` as Margin would have taken them, a minute apart from T0. */
function revisionsOf(memo: Memo, reasons: readonly RevisionReason[]): MemoRevision[] {
  return reasons.map((reason, i) => ({
    id: randomUUID(),
    memoId: memo.id,
    at: later(i * MINUTE).toISOString(),
    reason,
    version: 0,
    title: memo.title,
    words: 0,
    label: '',
    doc: memo.doc,
    header: memo.header,
  }));
}

const summaryOf = ({ doc: _doc, header: _header, ...summary }: MemoRevision) => summary;

/** `revisions.json` as format 1 wrote it: every revision, whole, in the one file. */
const formatOne = (memo: Memo, revisions: MemoRevision[]) =>
  JSON.stringify({ schemaVersion: 1, memoId: memo.id, revisions }, null, 2);

const readJson = async (path: string): Promise<unknown> => JSON.parse(await readFile(path, 'utf8'));

/** The template with one more paragraph in the Thesis section. */
function docWith(text: string): MemoDoc {
  const doc = memoTemplateDoc();
  const thesisAt = doc.content.findIndex((n) => n.attrs?.section === 'thesis');
  const content = [...doc.content];
  content[thesisAt + 1] = { type: 'paragraph', content: [{ type: 'text', text }] };
  return { ...doc, content };
}

describe('memos repo', () => {
  let dataDir: string;
  let cleanup: () => Promise<void>;
  let library: Library | undefined;
  const logger = collectingLogger();
  const open = async () => (library = await openLibrary(dataDir, { logger }));
  const opened = () => library!;
  const reopen = async () => {
    await library?.close();
    return open();
  };
  const memoDir = (id: string) => join(dataDir, 'memos', id);
  const revisionsDir = (id: string) => join(memoDir(id), 'revisions');
  const revisionFile = (id: string, revisionId: string) =>
    join(revisionsDir(id), `${revisionId}.json`);

  /** Stores revisions as Margin writes them: each in its own file, then their list. */
  async function storeRevisions(memo: Memo, revisions: MemoRevision[]): Promise<void> {
    await mkdir(revisionsDir(memo.id), { recursive: true });
    for (const revision of revisions) {
      await writeFile(
        revisionFile(memo.id, revision.id),
        serializeStoreFile(revisionFileSpec, { schemaVersion: 1, revision }),
      );
    }
    await writeFile(
      join(memoDir(memo.id), 'revisions.json'),
      serializeStoreFile(revisionsIndexSpec, {
        schemaVersion: 2,
        memoId: memo.id,
        revisions: revisions.map(summaryOf),
      }),
    );
  }

  async function created(input: Parameters<typeof newMemo>[0] = { ticker: 'MSFT' }) {
    return opened().memos.create(newMemo(input, randomUUID(), T0));
  }

  beforeEach(async () => {
    ({ dir: dataDir, cleanup } = await createTempDataDir());
    await open();
  });
  afterEach(async () => {
    await library?.close();
    library = undefined;
    await cleanup();
  });

  it('keeps each memo in its own folder and reads it back the same after a restart', async () => {
    const memo = await created();
    const saved = await opened().memos.save(
      memo.id,
      0,
      { title: 'MSFT: the cloud case', doc: docWith('Azure carries the growth.') },
      later(MINUTE),
    );
    expect(saved).toMatchObject({
      version: 1,
      updatedAt: later(MINUTE).toISOString(),
      revision: null,
      // The template's seven headings are 13 words.
      summary: { title: 'MSFT: the cloud case', version: 1, words: 13 + 4, citations: 0 },
    });
    const current = await opened().memos.get(memo.id);
    expect(await readdir(memoDir(memo.id))).toEqual(['memo.json']);
    const onDisk = JSON.parse(await readFile(join(memoDir(memo.id), 'memo.json'), 'utf8'));
    expect(onDisk).toEqual({ schemaVersion: 1, memo: current, newestRevision: null });

    await reopen();
    expect(await opened().memos.get(memo.id)).toEqual(current);
    expect(opened().memos.list()).toEqual([
      expect.objectContaining({
        id: memo.id,
        title: 'MSFT: the cloud case',
        version: 1,
        words: memoWordCount(current.doc),
        citations: 0,
      }),
    ]);
  });

  it('refuses a save of an older version and keeps the newer text', async () => {
    const memo = await created();
    await opened().memos.save(memo.id, 0, { title: 'A', doc: docWith('first') }, later(MINUTE));
    const stale = opened().memos.save(memo.id, 0, { title: 'B', doc: docWith('stale') }, T0);
    await expect(stale).rejects.toMatchObject({
      code: 'CONFLICT',
      message: expect.stringContaining('Reload the memo'),
    });
    expect((await opened().memos.get(memo.id)).title).toBe('A');
  });

  it('lists the most recently updated memo first', async () => {
    const a = await created({ ticker: 'MSFT' });
    const b = await created({ ticker: 'SAP' });
    await opened().memos.save(a.id, 0, { title: 'A', doc: a.doc }, later(MINUTE));
    expect(
      opened()
        .memos.list()
        .map((m) => m.id),
    ).toEqual([a.id, b.id]);
    await opened().memos.save(b.id, 0, { title: 'B', doc: b.doc }, later(2 * MINUTE));
    expect(
      opened()
        .memos.list()
        .map((m) => m.id),
    ).toEqual([b.id, a.id]);
  });

  it('sets a damaged memo file without a rolling copy aside, reports it, and still opens the other memos', async () => {
    const damaged = await created({ ticker: 'MSFT' });
    const kept = await created({ ticker: 'SAP' });
    // A temp file left by a crash and a folder whose create never finished: both ignored.
    await writeFile(join(memoDir(kept.id), `.memo.json.123.0badf00d.tmp`), '{"half');
    await mkdir(memoDir(randomUUID()));
    await library!.close();
    await writeFile(join(memoDir(damaged.id), 'memo.json'), '{"schemaVersion":1,"memo":{"id"');
    // (With a rolling copy the memo is put back: see durability/corrupt-files.test.ts.)
    await rm(join(dataDir, 'backups', 'rolling', 'memos', damaged.id), { recursive: true });

    await open();
    expect(
      opened()
        .memos.list()
        .map((m) => m.id),
    ).toEqual([kept.id]);
    expect(await opened().memos.get(kept.id)).toEqual(kept);
    const [notice] = opened().status().notices;
    expect(notice).toMatchObject({
      file: `memos/${damaged.id}/memo.json`,
      setAsideAs: expect.stringMatching(new RegExp(`^memos/${damaged.id}/memo\\.json\\.corrupt-`)),
      reason: 'it is not complete JSON (it may have been cut off)',
    });
    expect(opened().status().notices).toHaveLength(1);
    const files = await readdir(memoDir(damaged.id));
    expect(files).toEqual([expect.stringMatching(/^memo\.json\.corrupt-/)]);
    expect(await readFile(join(memoDir(damaged.id), files[0]!), 'utf8')).toBe(
      '{"schemaVersion":1,"memo":{"id"',
    );
    await expect(opened().memos.get(damaged.id)).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });

  it('refuses every memo write in a read-only library and moves no file', async () => {
    const memo = await created();
    const other = await created({ ticker: 'SAP' });
    await library!.close();
    // A library written by a newer Margin.
    await writeFile(
      join(dataDir, 'library.json'),
      JSON.stringify({ ...emptyLibraryFile(), schemaVersion: 7 }),
    );
    await writeFile(join(memoDir(other.id), 'memo.json'), '');
    const before = await snapshotFolder(dataDir);

    await open();
    expect(opened().status().readOnlyReason).toContain('newer version of Margin');
    expect(
      opened()
        .memos.list()
        .map((m) => m.id),
    ).toEqual([memo.id]);
    expect(opened().status().notices).toEqual([
      expect.objectContaining({ file: `memos/${other.id}/memo.json`, setAsideAs: null }),
    ]);
    const memos = opened().memos;
    const writes: Array<() => Promise<unknown>> = [
      () => memos.create(newMemo({}, randomUUID(), T0)),
      () => memos.save(memo.id, 0, { title: 'X', doc: memo.doc }, T0),
      () => memos.update(memo.id, 0, (m) => ({ ...m, status: 'final' }), T0),
      () => memos.addRevision(memo.id, 'manual', '', T0),
    ];
    for (const write of writes) {
      await expect(Promise.resolve().then(write)).rejects.toMatchObject({
        code: 'STORE_READ_ONLY',
      });
    }
    await library!.close();
    library = undefined;
    const after = await snapshotFolder(dataDir);
    delete before['margin.lock'];
    delete after['margin.lock'];
    expect(after).toEqual(before);
  });

  it('leaves the memo and its catalog unchanged when the disk refuses a write', async () => {
    const memo = await created();
    await opened().memos.save(memo.id, 0, { title: 'Kept', doc: docWith('kept') }, later(MINUTE));
    const before = await opened().memos.get(memo.id);
    const summary = opened().memos.findById(memo.id);
    // A folder where the file should be: the final rename fails, the temp file is removed.
    const path = join(memoDir(memo.id), 'memo.json');
    await rm(path);
    await mkdir(join(path, 'blocker'), { recursive: true });

    const failed = opened().memos.save(
      memo.id,
      1,
      { title: 'Lost', doc: docWith('lost') },
      later(2 * MINUTE),
    );
    await expect(failed).rejects.toMatchObject({
      code: 'STORE_WRITE_FAILED',
      message: expect.stringContaining('Nothing was changed'),
    });
    expect(await opened().memos.get(memo.id)).toEqual(before);
    expect(opened().memos.findById(memo.id)).toEqual(summary);
    expect((await readdir(memoDir(memo.id))).sort()).toEqual(['memo.json']);
  });

  describe('revisions', () => {
    it('takes an hourly revision with the first save an hour after the last one', async () => {
      const memo = await created();
      const { memos } = opened();
      const first = await memos.save(
        memo.id,
        0,
        { title: 'v1', doc: docWith('one') },
        later(MINUTE),
      );
      expect(first.revision).toBeNull();
      // An hour after creation (no revision yet), the save takes one of the saved state.
      const second = await memos.save(
        memo.id,
        1,
        { title: 'v2', doc: docWith('two') },
        later(HOURLY_REVISION_MS),
      );
      expect(second.revision).toMatchObject({ reason: 'hourly', version: 2, title: 'v2' });
      const third = await memos.save(
        memo.id,
        2,
        { title: 'v3', doc: docWith('three') },
        later(HOURLY_REVISION_MS + 59 * MINUTE),
      );
      expect(third.revision).toBeNull();
      const fourth = await memos.save(
        memo.id,
        3,
        { title: 'v4', doc: docWith('four') },
        later(2 * HOURLY_REVISION_MS),
      );
      expect(fourth.revision).toMatchObject({ reason: 'hourly', version: 4 });

      expect(await memos.revisions(memo.id)).toEqual([fourth.revision, second.revision]);
      const copy = await memos.revision(memo.id, second.revision!.id);
      expect(copy).toMatchObject({ version: 2, title: 'v2', doc: docWith('two') });
      expect(copy.header).toEqual(memo.header);
      expect(memos.newestRevision(memo.id)).toEqual({
        id: fourth.revision!.id,
        at: fourth.revision!.at,
        version: 4,
      });
    });

    it('takes a close revision of each memo changed since its last revision', async () => {
      const changed = await created({ ticker: 'MSFT' });
      const untouched = await created({ ticker: 'SAP' });
      await opened().memos.save(
        changed.id,
        0,
        { title: 'Changed', doc: docWith('x') },
        later(MINUTE),
      );
      await reopen();
      const [close] = await opened().memos.revisions(changed.id);
      expect(close).toMatchObject({ reason: 'close', version: 1, title: 'Changed', label: '' });
      expect(await opened().memos.revisions(untouched.id)).toEqual([]);
      expect(opened().memos.newestRevision(changed.id)).toMatchObject({ version: 1 });

      // Nothing changed since: no second close revision.
      await reopen();
      expect(await opened().memos.revisions(changed.id)).toEqual([close]);
    });

    it('keeps at most 300, dropping the oldest automatic ones before any manual one', async () => {
      const memo = await created();
      const reasons: RevisionReason[] = Array.from({ length: MEMO_REVISIONS_MAX }, (_, i) =>
        i < 2 ? 'manual' : i === 2 ? 'hourly' : i === 3 ? 'before-restore' : 'close',
      );
      const stored = revisionsOf(memo, reasons);
      await writeFile(join(memoDir(memo.id), 'revisions.json'), formatOne(memo, stored));

      const added = await opened().memos.addRevision(
        memo.id,
        'manual',
        'Before the call',
        later(HOURLY_REVISION_MS * 9),
      );
      let ids = (await opened().memos.revisions(memo.id)).map((r) => r.id).reverse();
      expect(ids).toHaveLength(MEMO_REVISIONS_MAX);
      // The oldest automatic one (the hourly at index 2) went; the manual ones stayed.
      expect(ids).toEqual([...stored.filter((_, i) => i !== 2).map((r) => r.id), added.id]);
      const labelled = await opened().memos.revision(memo.id, added.id);
      expect(labelled).toMatchObject({ reason: 'manual', label: 'Before the call' });
      // Its file went too, once the list without it was written.
      expect((await readdir(revisionsDir(memo.id))).sort()).toEqual(
        ids.map((id) => `${id}.json`).sort(),
      );

      await opened().memos.addRevision(memo.id, 'manual', '', later(HOURLY_REVISION_MS * 10));
      ids = (await opened().memos.revisions(memo.id)).map((r) => r.id).reverse();
      expect(ids.slice(0, 3)).toEqual([stored[0]!.id, stored[1]!.id, stored[3]!.id]);
    });

    it('keeps each revision in its own file, written once, and lists them in revisions.json', async () => {
      const memo = await created();
      const { memos } = opened();
      const first = await memos.addRevision(memo.id, 'manual', 'First', later(MINUTE));
      const firstFile = await readFile(revisionFile(memo.id, first.id), 'utf8');
      const second = await memos.addRevision(memo.id, 'manual', '', later(2 * MINUTE));

      expect((await readdir(memoDir(memo.id))).sort()).toEqual([
        'memo.json',
        'revisions',
        'revisions.json',
      ]);
      expect((await readdir(revisionsDir(memo.id))).sort()).toEqual(
        [`${first.id}.json`, `${second.id}.json`].sort(),
      );
      expect(JSON.parse(firstFile)).toEqual({
        schemaVersion: 1,
        revision: { ...first, doc: memo.doc, header: memo.header },
      });
      expect(await readFile(revisionFile(memo.id, first.id), 'utf8')).toBe(firstFile);
      expect(await readJson(join(memoDir(memo.id), 'revisions.json'))).toEqual({
        schemaVersion: 2,
        memoId: memo.id,
        revisions: [first, second],
      });
      expect(memos.newestRevision(memo.id)).toEqual({
        id: second.id,
        at: second.at,
        version: 0,
      });
    });

    it('takes and lists revisions at 300 without reading any other revision', async () => {
      const memo = await created();
      const stored = revisionsOf(memo, Array<RevisionReason>(MEMO_REVISIONS_MAX).fill('hourly'));
      await library!.close();
      await storeRevisions(memo, stored);
      // Every revision's text made unreadable: reading any of them would report it.
      for (const revision of stored) {
        await writeFile(revisionFile(memo.id, revision.id), 'damaged');
      }
      await open();
      const before = await snapshotFolder(dataDir);

      const listed = await opened().memos.revisions(memo.id);
      expect(listed).toEqual(stored.map(summaryOf).reverse());
      const added = await opened().memos.addRevision(
        memo.id,
        'manual',
        '',
        later(HOURLY_REVISION_MS * 6),
      );
      expect(await opened().memos.revisions(memo.id)).toEqual([added, ...listed.slice(0, -1)]);
      expect(opened().status().notices).toEqual([]);

      // Written: the new revision and the list (then memo.json, for its newest revision);
      // removed: the oldest revision, dropped by the cap. No other file was touched.
      const after = await snapshotFolder(dataDir);
      const changed = Object.keys({ ...before, ...after }).filter((f) => before[f] !== after[f]);
      const inMemo = (file: string) => join('memos', memo.id, file);
      expect(changed.sort()).toEqual(
        [
          inMemo('memo.json'),
          inMemo('revisions.json'),
          inMemo(`revisions/${added.id}.json`),
          inMemo(`revisions/${stored[0]!.id}.json`),
        ].sort(),
      );
      expect(after[inMemo(`revisions/${stored[0]!.id}.json`)]).toBeUndefined();

      // Only opening one reads its file.
      const damaged = opened().memos.revision(memo.id, stored[5]!.id);
      await expect(damaged).rejects.toMatchObject({
        code: 'STORE_CORRUPT',
        message: expect.stringContaining(`from 2026-11-25 09:05 UTC: its file`),
      });
    });

    it('moves a format-1 list into one file per revision, the list last', async () => {
      const memo = await created();
      const stored = revisionsOf(memo, ['manual', 'hourly', 'close']).map((revision, i) => ({
        ...revision,
        doc: docWith(`version ${i}`),
      }));
      await library!.close();
      await writeFile(join(memoDir(memo.id), 'revisions.json'), formatOne(memo, stored));
      // A move cut off after the first revision's file: it is not written again.
      await mkdir(revisionsDir(memo.id));
      await writeFile(
        revisionFile(memo.id, stored[0]!.id),
        serializeStoreFile(revisionFileSpec, { schemaVersion: 1, revision: stored[0]! }),
      );
      const firstWritten = (await stat(revisionFile(memo.id, stored[0]!.id))).mtimeMs;
      await open();

      expect(await opened().memos.revisions(memo.id)).toEqual(stored.map(summaryOf).reverse());
      expect((await readdir(revisionsDir(memo.id))).sort()).toEqual(
        stored.map((r) => `${r.id}.json`).sort(),
      );
      expect((await stat(revisionFile(memo.id, stored[0]!.id))).mtimeMs).toBe(firstWritten);
      for (const revision of stored) {
        expect(await readJson(revisionFile(memo.id, revision.id))).toEqual({
          schemaVersion: 1,
          revision,
        });
      }
      expect(await readJson(join(memoDir(memo.id), 'revisions.json'))).toEqual({
        schemaVersion: 2,
        memoId: memo.id,
        revisions: stored.map(summaryOf),
      });

      await reopen();
      expect(await opened().memos.revisions(memo.id)).toEqual(stored.map(summaryOf).reverse());
      expect(await opened().memos.revision(memo.id, stored[1]!.id)).toEqual(stored[1]);
      expect(opened().status().notices).toEqual([]);
    });

    it('reads a format-1 list in a read-only library and moves nothing', async () => {
      const memo = await created();
      const stored = revisionsOf(memo, ['manual', 'hourly']);
      await library!.close();
      await writeFile(join(memoDir(memo.id), 'revisions.json'), formatOne(memo, stored));
      await writeFile(
        join(dataDir, 'library.json'),
        JSON.stringify({ ...emptyLibraryFile(), schemaVersion: 7 }),
      );
      const before = await snapshotFolder(dataDir);

      await open();
      expect(await opened().memos.revisions(memo.id)).toEqual(stored.map(summaryOf).reverse());
      expect(await opened().memos.revision(memo.id, stored[0]!.id)).toEqual(stored[0]);
      await library!.close();
      library = undefined;
      const after = await snapshotFolder(dataDir);
      delete before['margin.lock'];
      delete after['margin.lock'];
      expect(after).toEqual(before);
    });

    it('lists again a revision file that its list does not name (a crash between the writes)', async () => {
      const memo = await created();
      const listed = await opened().memos.addRevision(memo.id, 'manual', '', later(MINUTE));
      await library!.close();
      const [unlisted] = revisionsOf(memo, ['hourly']).map((r) => ({
        ...r,
        at: later(HOURLY_REVISION_MS).toISOString(),
      }));
      await writeFile(
        revisionFile(memo.id, unlisted!.id),
        serializeStoreFile(revisionFileSpec, { schemaVersion: 1, revision: unlisted! }),
      );
      // A temp file of a write cut off: not a revision.
      await writeFile(join(revisionsDir(memo.id), `.${randomUUID()}.json.123.0badf00d.tmp`), '{');
      await open();

      expect(await opened().memos.revisions(memo.id)).toEqual([summaryOf(unlisted!), listed]);
      expect(await opened().memos.revision(memo.id, unlisted!.id)).toEqual(unlisted);
      expect(opened().status().notices).toEqual([]);
      expect(await readJson(join(memoDir(memo.id), 'revisions.json'))).toMatchObject({
        revisions: [listed, summaryOf(unlisted!)],
      });
    });

    it('reports a revision whose file is missing and no longer lists it', async () => {
      const memo = await created();
      const { memos } = opened();
      const [a, b, c] = [
        await memos.addRevision(memo.id, 'manual', 'A', later(MINUTE)),
        await memos.addRevision(memo.id, 'manual', '', later(2 * MINUTE)),
        await memos.addRevision(memo.id, 'manual', 'C', later(3 * MINUTE)),
      ];
      await rm(revisionFile(memo.id, b!.id));

      // The list does not read the revisions' text, so it still names it…
      expect(await memos.revisions(memo.id)).toEqual([c, b, a]);
      // …until it is opened.
      await expect(memos.revision(memo.id, b!.id)).rejects.toMatchObject({
        code: 'NOT_FOUND',
        message:
          `Couldn't open the revision of "${memo.title}" from 2026-11-25 09:02 UTC: its file ` +
          `memos/${memo.id}/revisions/${b!.id}.json was removed outside Margin. ` +
          'It is no longer listed; the other revisions are kept.',
      });
      expect(opened().status().notices).toEqual([
        expect.objectContaining({
          file: `memos/${memo.id}/revisions/${b!.id}.json`,
          setAsideAs: null,
          reason: 'the file is missing',
        }),
      ]);
      expect(await memos.revisions(memo.id)).toEqual([c, a]);

      // Missing when the library opens: reported when the list is first read.
      await library!.close();
      await rm(revisionFile(memo.id, a!.id));
      await open();
      expect(await opened().memos.revisions(memo.id)).toEqual([c]);
      expect(opened().status().notices).toEqual([
        expect.objectContaining({
          file: `memos/${memo.id}/revisions/${a!.id}.json`,
          outcome: expect.stringContaining(`The revision "A" of "${memo.title}"`),
        }),
      ]);
      expect(await readJson(join(memoDir(memo.id), 'revisions.json'))).toMatchObject({
        revisions: [c],
      });
    });

    it('sets a damaged revision file aside, reports it and keeps the others', async () => {
      const memo = await created();
      const { memos } = opened();
      const kept = await memos.addRevision(memo.id, 'manual', '', later(MINUTE));
      const damaged = await memos.addRevision(memo.id, 'manual', 'Q3', later(2 * MINUTE));
      await writeFile(revisionFile(memo.id, damaged.id), '{"schemaVersion":1,"revision":{"id"');

      const opening = memos.revision(memo.id, damaged.id);
      await expect(opening).rejects.toMatchObject({
        code: 'STORE_CORRUPT',
        message: expect.stringMatching(
          new RegExp(
            `^Couldn't open the revision "Q3" of "${memo.title}" \\(2026-11-25 09:02 UTC\\): its file memos/${memo.id}/revisions/${damaged.id}\\.json was damaged \\(it is not complete JSON \\(it may have been cut off\\)\\) and was set aside as memos/${memo.id}/revisions/${damaged.id}\\.json\\.corrupt-.+\\. It is no longer listed; the other revisions are kept\\.$`,
          ),
        ),
      });
      expect(opened().status().notices).toEqual([
        expect.objectContaining({
          file: `memos/${memo.id}/revisions/${damaged.id}.json`,
          setAsideAs: expect.stringMatching(/\.json\.corrupt-/),
          reason: 'it is not complete JSON (it may have been cut off)',
        }),
      ]);
      expect(await memos.revisions(memo.id)).toEqual([kept]);
      expect(await memos.revision(memo.id, kept.id)).toMatchObject({ id: kept.id });

      await reopen();
      expect(await opened().memos.revisions(memo.id)).toEqual([kept]);
      expect(opened().status().notices).toEqual([]);
    });

    it('sets a damaged list aside and rebuilds it from the revision files', async () => {
      const memo = await created();
      const first = await opened().memos.addRevision(memo.id, 'manual', '', later(MINUTE));
      const second = await opened().memos.addRevision(memo.id, 'close', '', later(2 * MINUTE));
      await library!.close();
      await writeFile(join(memoDir(memo.id), 'revisions.json'), '\0\0\0');
      await open();

      expect(await opened().memos.revisions(memo.id)).toEqual([second, first]);
      expect(opened().status().notices).toEqual([
        expect.objectContaining({
          file: `memos/${memo.id}/revisions.json`,
          setAsideAs: expect.stringMatching(/revisions\.json\.corrupt-/),
          outcome: expect.stringContaining('rebuilt from their own files'),
        }),
      ]);
      const taken = await opened().memos.addRevision(memo.id, 'manual', '', later(3 * MINUTE));
      expect(await opened().memos.revisions(memo.id)).toEqual([taken, second, first]);
      expect((await readdir(memoDir(memo.id))).sort()).toEqual([
        'memo.json',
        'revisions',
        'revisions.json',
        expect.stringMatching(/^revisions\.json\.corrupt-/),
      ]);
    });

    it('keeps no file of a revision whose list could not be written', async () => {
      const memo = await created();
      const kept = await opened().memos.addRevision(memo.id, 'manual', '', later(MINUTE));
      // A folder where the list should be: its rename fails.
      const list = join(memoDir(memo.id), 'revisions.json');
      await rm(list);
      await mkdir(join(list, 'blocker'), { recursive: true });

      const failed = opened().memos.addRevision(memo.id, 'manual', '', later(2 * MINUTE));
      await expect(failed).rejects.toMatchObject({
        code: 'STORE_WRITE_FAILED',
        message: expect.stringContaining('Nothing was changed'),
      });
      expect(await readdir(revisionsDir(memo.id))).toEqual([`${kept.id}.json`]);
      expect(await opened().memos.revisions(memo.id)).toEqual([kept]);
      expect(opened().memos.newestRevision(memo.id)).toMatchObject({ id: kept.id });
    });
  });
});

describe('capRevisions', () => {
  const list = (reasons: RevisionReason[]) => reasons.map((reason, id) => ({ id, reason }));

  it('keeps a list within the cap as it is', () => {
    const revisions = list(['manual', 'hourly']);
    expect(capRevisions(revisions, 2)).toEqual(revisions);
  });

  it('drops the oldest automatic revisions first, never the newest', () => {
    const revisions = list(['manual', 'close', 'before-restore', 'hourly', 'hourly']);
    expect(capRevisions(revisions, 3).map((r) => r.id)).toEqual([0, 2, 4]);
  });

  it("drops the analyst's oldest revisions only when nothing else is left", () => {
    const revisions = list(['manual', 'before-restore', 'manual', 'hourly']);
    expect(capRevisions(revisions, 2).map((r) => r.id)).toEqual([2, 3]);
  });
});
