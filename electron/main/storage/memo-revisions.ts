import { mkdir, readdir, rm } from 'node:fs/promises';
import { relative } from 'node:path';
import type { StoreNotice } from '../../../shared/domain/library-status';
import type { MemoRevision, MemoRevisionSummary } from '../../../shared/domain/memo';
import { EntityId } from '../../../shared/domain/primitives';
import { AppError } from '../errors/app-error';
import { capRevisions } from './cap-revisions';
import { describeWriteFailure } from './describe-write-failure';
import { DurableJsonFile } from './durable-json-file';
import { hardenRename } from './durable-write';
import type { LibraryLayout } from './library-layout';
import {
  MEMO_REVISIONS_MAX,
  revisionFileSpec,
  revisionsIndexSpec,
  storedRevisionsIndexSpec,
  type RevisionFile,
} from './memo-files';
import { reportUnreadableFile } from './report-unreadable-file';
import { StoreFileError } from './store-file-spec';

/** Revision files read at once when unlisted ones are adopted (or the list is rebuilt). */
const READ_AT_ONCE = 16;

/** The memo a call is about; its title is for messages. */
export interface MemoRef {
  id: string;
  title: string;
}

/**
 * A memo's revisions. Calls for one memo must not overlap (the memos repo runs them in the
 * memo's queue); calls for different memos may.
 */
export interface MemoRevisions {
  /** Oldest first, without their text. Reads no revision file once the list is known. */
  list(memo: MemoRef): Promise<readonly MemoRevisionSummary[]>;
  /** One revision with its text; NOT_FOUND when it is not kept or its file is gone. */
  read(memo: MemoRef, revisionId: string): Promise<MemoRevision>;
  /**
   * Stores a new revision: its own file first, then the list (trimmed to the cap), then
   * the files of the revisions the cap dropped are removed. Durable when it resolves.
   */
  add(memo: MemoRef, revision: MemoRevision): Promise<void>;
}

interface MemoRevisionsDeps {
  layout: LibraryLayout;
  report: (notice: StoreNotice) => void;
  now: () => Date;
  /** False in a read-only or closing library: nothing is written, moved or removed. */
  canWrite: () => boolean;
}

/** What is known of one memo's revisions once its list was read. */
interface Revisions {
  /** Oldest first. */
  summaries: MemoRevisionSummary[];
  /**
   * Revisions of a format-1 list that are not in their own file yet (the library is
   * read-only, or writing them failed); they are written before the list is next written.
   */
  unmoved: Map<string, MemoRevision>;
  /** `revisions/` exists. */
  hasFolder: boolean;
}

const REVISION_FILE_NAME = /^(.+)\.json$/;

const byTime = (a: MemoRevisionSummary, b: MemoRevisionSummary) => a.at.localeCompare(b.at);

function toSummary({ doc: _doc, header: _header, ...summary }: MemoRevision): MemoRevisionSummary {
  return summary;
}

/** "the revision "Before the call" of "MSFT" (2026-11-25 09:00 UTC)", for messages. */
function nameOf(memo: MemoRef, { label, at }: MemoRevisionSummary): string {
  const when = `${at.slice(0, 16).replace('T', ' ')} UTC`;
  return label
    ? `the revision "${label}" of "${memo.title}" (${when})`
    : `the revision of "${memo.title}" from ${when}`;
}

const notKept = () =>
  new AppError(
    'NOT_FOUND',
    'This revision is no longer kept: a memo keeps up to 300 revisions, and the oldest automatic ones make room first.',
  );

/**
 * Each revision is its own file, written once; `revisions.json` lists them without their
 * text. A memo's list is read the first time its revisions are asked for and then kept in
 * memory, so taking or listing a revision costs the same at any count: taking one writes
 * its file and the small list, listing reads nothing.
 *
 * Reading the list also repairs it: a format-1 list (whole revisions in one file) is moved
 * into one file per revision and then rewritten as a list; a listed revision whose file is
 * gone is reported and unlisted; a revision file the list does not name (a crash between
 * the two writes of a new revision) is listed again; a damaged list is set aside and
 * rebuilt from the revision files.
 */
export function memoRevisions({ layout, report, now, canWrite }: MemoRevisionsDeps): MemoRevisions {
  const known = new Map<string, Revisions>();

  const indexFile = (memoId: string) =>
    new DurableJsonFile(layout.revisionsFile(memoId), storedRevisionsIndexSpec, {
      confinedTo: layout.dataDir,
    });
  const revisionFile = (memoId: string, revisionId: string) =>
    new DurableJsonFile(layout.revisionFile(memoId, revisionId), revisionFileSpec, {
      confinedTo: layout.dataDir,
    });
  const where = (path: string) => relative(layout.dataDir, path);

  /** Reports a damaged file: set aside when the library may be written, left as it is otherwise. */
  async function reportDamaged(path: string, error: StoreFileError, outcome: string) {
    const readOnly = !canWrite();
    return (
      await reportUnreadableFile(layout.dataDir, path, error, outcome, report, now(), { readOnly })
    ).notice;
  }

  /** The list as stored; null when it was damaged (and is now reported). */
  async function readIndex(memo: MemoRef) {
    const path = layout.revisionsFile(memo.id);
    try {
      const file = await indexFile(memo.id).read();
      if (file && file.memoId !== memo.id) {
        throw new StoreFileError(
          'corrupt',
          `it holds the revisions of another memo (${file.memoId})`,
        );
      }
      return file ?? { revisions: [], unmoved: undefined };
    } catch (error) {
      if (!(error instanceof StoreFileError)) throw error;
      if (error.kind === 'newer-version') {
        throw new AppError(
          'STORE_READ_ONLY',
          `The revisions of "${memo.title}" (${where(path)}) are left as they are: ${error.reason}. Update Margin to change them.`,
        );
      }
      await reportDamaged(
        path,
        error,
        `The list of the revisions of "${memo.title}" was rebuilt from their own files in ${where(layout.revisionsDir(memo.id))}.`,
      );
      return null;
    }
  }

  /** The ids of the revision files in the memo's folder; null when it has none. */
  async function revisionFileIds(memoId: string): Promise<Set<string> | null> {
    let names: string[];
    try {
      names = await readdir(layout.revisionsDir(memoId));
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
      throw error;
    }
    const ids = new Set<string>();
    for (const name of names) {
      const id = REVISION_FILE_NAME.exec(name)?.[1];
      if (id && EntityId.safeParse(id).success) ids.add(id);
    }
    return ids;
  }

  /** Reads a revision file the list does not name; null when it cannot be listed (reported). */
  async function readUnlisted(memo: MemoRef, revisionId: string): Promise<MemoRevision | null> {
    const path = layout.revisionFile(memo.id, revisionId);
    try {
      const file = await revisionFile(memo.id, revisionId).read();
      if (file) checkBelongs(memo, revisionId, file);
      return file?.revision ?? null;
    } catch (error) {
      if (!(error instanceof StoreFileError)) throw error;
      if (error.kind === 'newer-version') {
        report({
          file: where(path),
          setAsideAs: null,
          reason: error.reason,
          outcome: `This revision of "${memo.title}" is left as it is and not listed; update Margin to open it.`,
        });
      } else {
        await reportDamaged(
          path,
          error,
          `This revision of "${memo.title}" could not be read and is not listed; the other revisions are kept.`,
        );
      }
      return null;
    }
  }

  function checkBelongs(memo: MemoRef, revisionId: string, { revision }: RevisionFile): void {
    if (revision.id !== revisionId || revision.memoId !== memo.id) {
      throw new StoreFileError(
        'corrupt',
        `it holds another revision (${revision.id} of memo ${revision.memoId})`,
      );
    }
  }

  function reportMissing(memo: MemoRef, summary: MemoRevisionSummary): void {
    report({
      file: where(layout.revisionFile(memo.id, summary.id)),
      setAsideAs: null,
      reason: 'the file is missing',
      outcome: `${capitalized(nameOf(memo, summary))} can no longer be opened and is not listed; the other revisions are kept.`,
    });
  }

  async function ensureFolder(memoId: string, revisions: Revisions): Promise<void> {
    if (revisions.hasFolder) return;
    await mkdir(layout.revisionsDir(memoId), { recursive: true, mode: 0o700 });
    await hardenRename(layout.memoDir(memoId));
    revisions.hasFolder = true;
  }

  /** Writes the format-1 revisions still in memory to their own files. */
  async function moveUnmoved(memoId: string, revisions: Revisions): Promise<void> {
    if (revisions.unmoved.size === 0) return;
    await ensureFolder(memoId, revisions);
    const pending = [...revisions.unmoved.values()];
    for (let i = 0; i < pending.length; i += READ_AT_ONCE) {
      const batch = pending.slice(i, i + READ_AT_ONCE);
      const written = await Promise.allSettled(
        batch.map((revision) =>
          revisionFile(memoId, revision.id).write({ schemaVersion: 1, revision }),
        ),
      );
      written.forEach((w, j) => {
        if (w.status === 'fulfilled') revisions.unmoved.delete(batch[j]!.id);
      });
      const failed = written.find((w) => w.status === 'rejected');
      if (failed) throw failed.reason;
    }
  }

  const writeIndex = (memoId: string, summaries: MemoRevisionSummary[]) =>
    new DurableJsonFile(layout.revisionsFile(memoId), revisionsIndexSpec, {
      confinedTo: layout.dataDir,
    }).write({
      schemaVersion: 2,
      memoId,
      revisions: summaries,
    });

  /** Removes the files of dropped revisions; one left behind is listed and dropped again later. */
  async function removeFiles(memoId: string, revisionIds: readonly string[]): Promise<void> {
    await Promise.all(
      revisionIds.map((id) =>
        rm(layout.revisionFile(memoId, id), { force: true }).catch(() => undefined),
      ),
    );
  }

  /** Writes the repaired list: the revision files first, the list last, then the removals. */
  async function persist(memoId: string, revisions: Revisions, dropped: readonly string[]) {
    await moveUnmoved(memoId, revisions);
    await writeIndex(memoId, revisions.summaries);
    await removeFiles(memoId, dropped);
  }

  async function load(memo: MemoRef): Promise<Revisions> {
    const cached = known.get(memo.id);
    if (cached) return cached;
    const stored = await readIndex(memo);
    const onDisk = await revisionFileIds(memo.id);
    const legacy = new Map((stored?.unmoved ?? []).map((r) => [r.id, r]));
    const listed = (stored?.revisions ?? []).filter((summary) => {
      if (legacy.has(summary.id) || onDisk?.has(summary.id)) return true;
      reportMissing(memo, summary);
      return false;
    });
    const listedIds = new Set(listed.map((s) => s.id));
    const unlisted = [...(onDisk ?? [])].filter((id) => !listedIds.has(id));
    const adopted: MemoRevisionSummary[] = [];
    for (let i = 0; i < unlisted.length; i += READ_AT_ONCE) {
      const read = await Promise.all(
        unlisted.slice(i, i + READ_AT_ONCE).map((id) => readUnlisted(memo, id)),
      );
      for (const revision of read) if (revision) adopted.push(toSummary(revision));
    }
    const all = adopted.length > 0 ? [...listed, ...adopted].sort(byTime) : listed;
    const summaries = capRevisions(all, MEMO_REVISIONS_MAX);
    const kept = new Set(summaries.map((s) => s.id));
    const revisions: Revisions = {
      summaries,
      // Those whose file a format-1 move already wrote are read from it.
      unmoved: new Map([...legacy].filter(([id]) => kept.has(id) && !onDisk?.has(id))),
      hasFolder: onDisk !== null,
    };
    const dropped = all.filter((s) => !kept.has(s.id)).map((s) => s.id);
    const repaired =
      stored === null ||
      stored.unmoved !== undefined ||
      listed.length !== stored.revisions.length ||
      adopted.length > 0;
    if (repaired && canWrite()) {
      // The files stay consistent if this fails (the list is rewritten only after the
      // revision files); the next revision taken writes the list again and reports failure.
      await persist(memo.id, revisions, dropped).catch(() => undefined);
    }
    known.set(memo.id, revisions);
    return revisions;
  }

  /** Unlists a revision whose file could not be read; the list is rewritten when possible. */
  async function unlist(memoId: string, revisions: Revisions, revisionId: string) {
    revisions.summaries = revisions.summaries.filter((s) => s.id !== revisionId);
    if (canWrite()) await persist(memoId, revisions, []).catch(() => undefined);
  }

  return {
    list: async (memo) => [...(await load(memo)).summaries],

    read: async (memo, revisionId) => {
      const revisions = await load(memo);
      const summary = revisions.summaries.find((s) => s.id === revisionId);
      if (!summary) throw notKept();
      const inMemory = revisions.unmoved.get(revisionId);
      if (inMemory) return inMemory;
      const path = layout.revisionFile(memo.id, revisionId);
      const name = nameOf(memo, summary);
      let file: RevisionFile | null;
      try {
        file = await revisionFile(memo.id, revisionId).read();
        if (file) checkBelongs(memo, revisionId, file);
      } catch (error) {
        if (!(error instanceof StoreFileError)) throw error;
        if (error.kind === 'newer-version') {
          throw new AppError(
            'STORE_READ_ONLY',
            `Couldn't open ${name}: its file ${where(path)} is left as it is (${error.reason}). Update Margin to open it.`,
          );
        }
        const { setAsideAs } = await reportDamaged(
          path,
          error,
          `${capitalized(name)} can no longer be opened and is not listed; the other revisions are kept.`,
        );
        await unlist(memo.id, revisions, revisionId);
        throw new AppError(
          'STORE_CORRUPT',
          `Couldn't open ${name}: its file ${where(path)} was damaged (${error.reason})` +
            (setAsideAs ? ` and was set aside as ${setAsideAs}` : '') +
            '. It is no longer listed; the other revisions are kept.',
        );
      }
      if (!file) {
        reportMissing(memo, summary);
        await unlist(memo.id, revisions, revisionId);
        throw new AppError(
          'NOT_FOUND',
          `Couldn't open ${name}: its file ${where(path)} was removed outside Margin. ` +
            'It is no longer listed; the other revisions are kept.',
        );
      }
      return file.revision;
    },

    add: async (memo, revision) => {
      const revisions = await load(memo);
      const what = `a revision of "${memo.title}"`;
      const file = revisionFile(memo.id, revision.id);
      try {
        await moveUnmoved(memo.id, revisions);
        await ensureFolder(memo.id, revisions);
        await file.write({ schemaVersion: 1, revision });
      } catch (error) {
        throw describeWriteFailure(what, error);
      }
      const before = revisions.summaries;
      const after = capRevisions([...before, toSummary(revision)], MEMO_REVISIONS_MAX);
      try {
        await writeIndex(memo.id, after);
      } catch (error) {
        // Unlisted, the file would be listed again at the next start: take it back.
        await rm(file.path, { force: true }).catch(() => undefined);
        throw describeWriteFailure(what, error);
      }
      revisions.summaries = after;
      const kept = new Set(after.map((s) => s.id));
      await removeFiles(
        memo.id,
        before.filter((s) => !kept.has(s.id)).map((s) => s.id),
      );
    },
  };
}

function capitalized(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
