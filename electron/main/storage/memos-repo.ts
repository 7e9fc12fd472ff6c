import { randomUUID } from 'node:crypto';
import { mkdir, readFile, rm } from 'node:fs/promises';
import { relative } from 'node:path';
import type {
  Memo,
  MemoBacklink,
  MemoRevision,
  MemoRevisionSummary,
  MemoSaved,
  MemoSummary,
  RevisionReason,
} from '../../../shared/domain/memo';
import type { MemoDoc } from '../../../shared/domain/memo-doc';
import { memoWordCount } from '../../../shared/memo/memo-plain-text';
import { AppError } from '../errors/app-error';
import { describeWriteFailure } from './describe-write-failure';
import { DurableJsonFile } from './durable-json-file';
import { externalChangeError } from './external-change';
import { hardenRename } from './durable-write';
import { memoFileSpec, type MemoFile, type NewestRevision } from './memo-files';
import { memoRevisions } from './memo-revisions';
import { readMemoFiles } from './read-memo-files';
import { serialQueue } from './serial-queue';
import type { StoreContext } from './store-context';
import { StoreFileError } from './store-file-spec';
import { summarizeMemo, type MemoDigest } from './summarize-memo';

/** An autosave takes an `hourly` revision when the newest one is at least this old. */
export const HOURLY_REVISION_MS = 60 * 60 * 1000;

/** Memo bodies kept in memory (the ones being edited); the others are read when opened. */
const DOCS_KEPT = 8;

/** What an autosave changes. */
export interface MemoContent {
  title: string;
  doc: MemoDoc;
}

export interface MemosRepo {
  /** Every memo, the most recently updated first. */
  list(): MemoSummary[];
  findById(id: string): MemoSummary | undefined;
  get(id: string): Promise<Memo>;
  /** Stores a new memo (its own folder); durable when it resolves. */
  create(memo: Memo): Promise<Memo>;
  /**
   * An autosave of `baseVersion`: CONFLICT when the memo changed since. Writes `memo.json`
   * only, plus an `hourly` revision of the saved state when the newest revision (or the
   * memo's creation) is an hour old or more.
   */
  save(id: string, baseVersion: number, content: MemoContent, now: Date): Promise<MemoSaved>;
  /**
   * Replaces the memo with `change(current)` and bumps its version. `baseVersion` null:
   * whatever the current version is (a citation added from the reader).
   */
  update(
    id: string,
    baseVersion: number | null,
    change: (current: Memo) => Memo,
    now: Date,
  ): Promise<Memo>;
  /** The memos citing a highlight, the most recently updated first. */
  citedBy(highlightId: string): MemoBacklink[];
  /** Every memo with the highlights it cites (the startup check looks for missing ones). */
  citations(): Array<{ id: string; title: string; cited: readonly string[] }>;
  /** The newest revision's id, time and version, or null when there is none. */
  newestRevision(id: string): NewestRevision | null;
  /** Newest first, without their text. */
  revisions(id: string): Promise<MemoRevisionSummary[]>;
  revision(id: string, revisionId: string): Promise<MemoRevision>;
  /** Takes a revision of the memo as it is now. */
  addRevision(
    id: string,
    reason: RevisionReason,
    label: string,
    now: Date,
  ): Promise<MemoRevisionSummary>;
  /** Takes a `close` revision of every memo changed since its newest revision. */
  takeCloseRevisions(): Promise<void>;
  /** Resolves when every read and write started so far has finished. */
  flush(): Promise<void>;
}

interface MemosRepoDeps extends StoreContext {
  /** The library is open read-only: damaged memo files are reported, not moved. */
  readOnly: boolean;
}

type MemoHead = Omit<Memo, 'doc'>;

interface Entry {
  head: MemoHead;
  digest: MemoDigest;
  newest: NewestRevision | null;
  file: DurableJsonFile<MemoFile>;
  /** Every read-modify-write of this memo's files runs here, in call order. */
  run: ReturnType<typeof serialQueue>;
}

const headOf = ({ doc: _doc, ...head }: Memo): MemoHead => head;

function toSummary({ doc: _doc, header: _header, ...summary }: MemoRevision): MemoRevisionSummary {
  return summary;
}

const gone = () =>
  new AppError('NOT_FOUND', 'This memo is no longer in the library; it may have been deleted.');

const changedElsewhere = (title: string) =>
  new AppError(
    'CONFLICT',
    `"${title}" was changed in another window or by another action since you opened it. ` +
      'Reload the memo to see the current text; copy anything you still need first.',
  );

/**
 * Memos live one per folder: `memo.json`, rewritten on each save, and its revisions (one
 * file each plus their list, see memo-revisions.ts), written only when one is taken. The
 * catalog (summaries, what each memo cites, its newest revision) is read at open and kept
 * current by every write, so listing, backlinks and autosaves never read a file. Each memo has its own queue; a failed write
 * leaves both the file and the catalog as they were.
 */
export async function openMemosRepo({
  layout,
  assertWritable,
  report,
  now,
  readOnly,
  generations,
  saved,
}: MemosRepoDeps): Promise<MemosRepo> {
  const entries = new Map<string, Entry>();
  /** Highlight id → the memos citing it. */
  const citing = new Map<string, Set<string>>();
  /** Recently used bodies, least recently used first. */
  const docs = new Map<string, MemoDoc>();

  function keepDoc(id: string, doc: MemoDoc): void {
    docs.delete(id);
    docs.set(id, doc);
    while (docs.size > DOCS_KEPT) docs.delete(docs.keys().next().value!);
  }

  function index(id: string, before: readonly string[], after: readonly string[]): void {
    for (const highlightId of before) {
      const memos = citing.get(highlightId);
      memos?.delete(id);
      if (memos?.size === 0) citing.delete(highlightId);
    }
    for (const highlightId of after) {
      const memos = citing.get(highlightId) ?? new Set<string>();
      memos.add(id);
      citing.set(highlightId, memos);
    }
  }

  /** Makes a written memo the catalog's. */
  function commit(
    entry: Entry,
    memo: Memo,
    newest: NewestRevision | null,
    digest = summarizeMemo(memo),
  ): void {
    index(memo.id, entry.digest.cited, digest.cited);
    entry.head = headOf(memo);
    entry.digest = digest;
    entry.newest = newest;
    keepDoc(memo.id, memo.doc);
  }

  /** The adapter of a memo's file: keeps rolling copies, refuses to write over another program's change. */
  function fileFor(id: string): DurableJsonFile<MemoFile> {
    const path = layout.memoFile(id);
    return new DurableJsonFile(path, memoFileSpec, {
      confinedTo: layout.dataDir,
      onWritten: (text) => {
        saved();
        generations.record({ kind: 'memo', memoId: id }, text);
      },
      onConflict: (copy) => {
        const entry = entries.get(id);
        // What is on disk is the memo now: the next open reads it, not the body in memory.
        docs.delete(id);
        if (entry) void reloadHead(entry);
        return externalChangeError(
          layout.dataDir,
          path,
          copy,
          `"${entry?.head.title ?? 'the memo'}"`,
          report,
          'Keep yours, or use the version on disk (the other is kept either way).',
        );
      },
    });
  }

  /**
   * After another program changed a memo's file: the catalog takes the memo from the file,
   * under a version the page does not hold, so the page's next save (of the version it
   * had) is refused instead of writing over the other program's change.
   */
  async function reloadHead(entry: Entry): Promise<void> {
    await entry.run(async () => {
      // The other program's version becomes a rolling copy: "Keep mine" may write over it.
      const onDisk = await readFile(entry.file.path).catch(() => null);
      if (onDisk) {
        await generations
          .keepNow({ kind: 'memo', memoId: entry.head.id }, onDisk)
          .catch(() => undefined);
      }
      const content = await entry.file.read().catch(() => null);
      const version = Math.max(entry.head.version + 1, content?.memo.version ?? 0);
      if (content && content.memo.id === entry.head.id) {
        commit(entry, { ...content.memo, version }, content.newestRevision);
        docs.delete(entry.head.id);
      } else {
        entry.head = { ...entry.head, version };
      }
    });
  }

  function entryOf(id: string): Entry {
    const entry = entries.get(id);
    if (!entry) throw gone();
    return entry;
  }

  /** Runs `task` in the memo's queue, after checking it still exists. */
  async function inQueue<T>(id: string, task: (entry: Entry) => Promise<T>): Promise<T> {
    const entry = entryOf(id);
    return entry.run(() => task(entry));
  }

  /** The memo as last written: its body from memory, or from its file. */
  async function current(entry: Entry): Promise<Memo> {
    const id = entry.head.id;
    const cached = docs.get(id);
    if (cached) {
      keepDoc(id, cached);
      return { ...entry.head, doc: cached };
    }
    let file: MemoFile | null;
    try {
      file = await entry.file.read();
    } catch (error) {
      if (!(error instanceof StoreFileError)) throw error;
      throw new AppError(
        'STORE_CORRUPT',
        `Couldn't open "${entry.head.title}": its file ${relative(layout.dataDir, entry.file.path)} ` +
          `changed outside Margin and cannot be read (${error.reason}). Nothing was changed.`,
      );
    }
    if (!file) throw gone();
    keepDoc(id, file.memo.doc);
    return { ...entry.head, doc: file.memo.doc };
  }

  async function writeMemo(
    entry: Entry,
    memo: Memo,
    newest: NewestRevision | null,
    what: string,
  ): Promise<void> {
    let digest: MemoDigest;
    try {
      const written = entry.file.write({ schemaVersion: 1, memo, newestRevision: newest });
      written.catch(() => undefined); // awaited below; this only keeps it from being unhandled
      // Counted while the disk writes (fsync runs off the main thread): an autosave then
      // waits for the slower of the two, not for both.
      digest = summarizeMemo(memo);
      await written;
    } catch (error) {
      throw describeWriteFailure(what, error);
    }
    commit(entry, memo, newest, digest);
  }

  const revisions = memoRevisions({
    layout,
    report,
    now,
    canWrite: () => {
      if (readOnly) return false;
      try {
        assertWritable();
        return true;
      } catch {
        return false;
      }
    },
  });

  const refOf = (entry: Entry) => ({ id: entry.head.id, title: entry.head.title });

  function revisionOf(memo: Memo, reason: RevisionReason, label: string, at: Date): MemoRevision {
    return {
      id: randomUUID(),
      memoId: memo.id,
      at: at.toISOString(),
      reason,
      version: memo.version,
      title: memo.title,
      words: memoWordCount(memo.doc),
      label,
      doc: memo.doc,
      header: memo.header,
    };
  }

  const markOf = ({ id, at, version }: MemoRevision): NewestRevision => ({ id, at, version });

  /**
   * Takes a revision of `memo` (as written), then records it as the newest in `memo.json`.
   * That second write only saves a read at the next open: when it fails, the revision
   * stands and the catalog knows it.
   */
  async function takeRevision(
    entry: Entry,
    memo: Memo,
    reason: RevisionReason,
    label: string,
    at: Date,
  ): Promise<MemoRevisionSummary> {
    const revision = revisionOf(memo, reason, label, at);
    await revisions.add(refOf(entry), revision);
    const newest = markOf(revision);
    await writeMemo(entry, memo, newest, 'the memo').catch(() => {
      entry.newest = newest;
    });
    return toSummary(revision);
  }

  /** Adds a memo as written to the catalog. */
  function register(memo: Memo, newest: NewestRevision | null, file: DurableJsonFile<MemoFile>) {
    const digest = summarizeMemo(memo);
    entries.set(memo.id, { head: headOf(memo), digest, newest, file, run: serialQueue() });
    index(memo.id, [], digest.cited);
    keepDoc(memo.id, memo.doc);
  }

  const load = async () => {
    const files = await readMemoFiles({
      layout,
      report,
      now: now(),
      readOnly,
      generations,
      fileFor,
    });
    for (const { content, file } of files) register(content.memo, content.newestRevision, file);
    docs.clear(); // bodies are read again when a memo is opened
  };
  await load();

  const needsCloseRevision = (entry: Entry) => entry.head.version > (entry.newest?.version ?? 0);

  return {
    list: () =>
      [...entries.values()]
        .map((e) => e.digest.summary)
        .sort((a, b) => b.updatedAt.localeCompare(a.updatedAt)),

    findById: (id) => entries.get(id)?.digest.summary,

    get: (id) => inQueue(id, current),

    create: async (memo) => {
      assertWritable();
      if (entries.has(memo.id)) throw new AppError('CONFLICT', 'This memo already exists.');
      const dir = layout.memoDir(memo.id);
      const file = fileFor(memo.id);
      try {
        await mkdir(dir, { mode: 0o700 });
        try {
          await file.write({ schemaVersion: 1, memo, newestRevision: null });
        } catch (error) {
          await rm(dir, { recursive: true, force: true });
          throw error;
        }
      } catch (error) {
        throw describeWriteFailure(`the memo "${memo.title}"`, error);
      }
      await hardenRename(layout.memosDir);
      register(memo, null, file);
      return memo;
    },

    save: async (id, baseVersion, { title, doc }, at) => {
      assertWritable(); // checked when asked: a save accepted before close() still completes
      return inQueue(id, async (entry) => {
        if (entry.head.version !== baseVersion) throw changedElsewhere(entry.head.title);
        const memo: Memo = {
          ...entry.head,
          title,
          doc,
          updatedAt: at.toISOString(),
          version: entry.head.version + 1,
        };
        const since = Date.parse(entry.newest?.at ?? entry.head.createdAt);
        if (at.getTime() - since < HOURLY_REVISION_MS) {
          await writeMemo(entry, memo, entry.newest, `"${title}"`);
          const summary = entry.digest.summary;
          return { version: memo.version, updatedAt: memo.updatedAt, revision: null, summary };
        }
        // The revision first: if the memo's write then fails, the text is still kept there.
        const revision = revisionOf(memo, 'hourly', '', at);
        await revisions.add(refOf(entry), revision);
        await writeMemo(entry, memo, markOf(revision), `"${title}"`);
        return {
          version: memo.version,
          updatedAt: memo.updatedAt,
          revision: toSummary(revision),
          summary: entry.digest.summary,
        };
      });
    },

    update: async (id, baseVersion, change, at) => {
      assertWritable();
      return inQueue(id, async (entry) => {
        if (baseVersion !== null && entry.head.version !== baseVersion) {
          throw changedElsewhere(entry.head.title);
        }
        const before = await current(entry);
        const memo: Memo = {
          ...change(before),
          id: before.id,
          createdAt: before.createdAt,
          updatedAt: at.toISOString(),
          version: before.version + 1,
        };
        await writeMemo(entry, memo, entry.newest, `"${memo.title}"`);
        return memo;
      });
    },

    citedBy: (highlightId) =>
      [...(citing.get(highlightId) ?? [])]
        .map((id) => entries.get(id)!.head)
        .sort((a, b) => b.updatedAt.localeCompare(a.updatedAt))
        .map((head) => ({ memoId: head.id, title: head.title })),

    citations: () =>
      [...entries.values()].map((entry) => ({
        id: entry.head.id,
        title: entry.head.title,
        cited: entry.digest.cited,
      })),

    newestRevision: (id) => entryOf(id).newest,

    revisions: (id) =>
      inQueue(id, async (entry) => [...(await revisions.list(refOf(entry)))].reverse()),

    revision: (id, revisionId) => inQueue(id, (entry) => revisions.read(refOf(entry), revisionId)),

    addRevision: async (id, reason, label, at) => {
      assertWritable();
      return inQueue(id, async (entry) =>
        takeRevision(entry, await current(entry), reason, label, at),
      );
    },

    takeCloseRevisions: async () => {
      if (readOnly) return;
      const taken = await Promise.allSettled(
        [...entries.values()].map((entry) =>
          entry.run(async () => {
            if (!needsCloseRevision(entry)) return;
            await takeRevision(entry, await current(entry), 'close', '', now());
          }),
        ),
      );
      const failed = taken.find((t) => t.status === 'rejected');
      if (failed) throw failed.reason;
    },

    flush: async () => {
      await Promise.all([...entries.values()].map((entry) => entry.run(async () => undefined)));
    },
  };
}
