import { readdir } from 'node:fs/promises';
import { isDeepStrictEqual } from 'node:util';
import { setTimeout as sleep } from 'node:timers/promises';
import type { Article } from '../../../../../shared/domain/article';
import type { Highlight } from '../../../../../shared/domain/highlight';
import type { Memo } from '../../../../../shared/domain/memo';
import { collectingLogger } from '../../../test-support/collecting-logger';
import { DataFolderLockedError } from '../../data-folder-lock';
import { openLibrary, type Library } from '../../open-library';
import type { MutationStream } from './mutation-stream';

export interface CrashStateCheck {
  /** Acknowledged mutations whose effect is missing or changed on disk. */
  lost: number;
  /** Files the library could not read (a notice, a read that threw, an open that threw). */
  unreadable: number;
  /** The mutation in flight at the kill was found applied. */
  landedInFlight: boolean;
  /** Temp files still in the data folder after the startup check (its sweeps missed them). */
  strayTempFiles: string[];
  /** Saves cut off before their rename, kept aside by the sweep and reported (allowed). */
  cutOffSaves: number;
  /** The kill left an unreadable lock file; opening waited for its grace period. */
  waitedForLock: boolean;
  /** Everything wrong, in words, each naming the sequence numbers involved. */
  failures: string[];
}

interface LibraryContents {
  articles: Map<string, Article>;
  highlights: Map<string, Highlight>;
  memos: Map<string, Memo>;
}

type Entity = Article | Highlight | Memo;

/** Longer than data-folder-lock's grace for an unreadable lock file (10 s). */
const LOCK_GRACE_WAIT_MS = 10_500;

/**
 * The mutation an entity's state comes from, by the tag each one writes: a highlight's
 * note, an article's title, a memo's title (`Memo seq-3 (edit seq-40)`). 0: no tag.
 */
function seqOf(entity: Entity): number {
  const text = 'note' in entity ? entity.note : entity.title;
  return Math.max(0, ...[...text.matchAll(/seq-(\d+)/g)].map((m) => Number(m[1])));
}

const tagOf = (entity: Entity | undefined) => (entity ? `seq-${seqOf(entity)}` : 'absent');

async function openForCheck(
  dataDir: string,
  logger: ReturnType<typeof collectingLogger>,
): Promise<{ library: Library; waitedForLock: boolean }> {
  const options = { logger, dailySnapshotDelayMs: Infinity };
  try {
    return { library: await openLibrary(dataDir, options), waitedForLock: false };
  } catch (error) {
    // A kill between creating the lock file and writing it leaves an empty lock, which
    // the lock refuses to take over until it is old enough: wait that out, once.
    if (!(error instanceof DataFolderLockedError) || error.owner !== null) throw error;
    await sleep(LOCK_GRACE_WAIT_MS);
    return { library: await openLibrary(dataDir, options), waitedForLock: true };
  }
}

async function findTempFiles(dataDir: string): Promise<string[]> {
  const entries = await readdir(dataDir, { recursive: true });
  return entries.filter((entry) => entry.endsWith('.tmp'));
}

/**
 * Opens the library in `dataDir` as the app would after a crash and compares everything
 * in it with the stream: with `stream` advanced to the last acknowledged mutation, every
 * article, highlight and memo must equal the stream's, field for field, except the one
 * entity changed by the mutation in flight (`inFlight`: issued, never acknowledged), which
 * may also equal its state after that mutation. Anything else is lost (an acknowledged
 * change missing) or never issued. The library is closed before this resolves.
 */
export async function verifyCrashState(
  dataDir: string,
  stream: MutationStream,
  inFlight: boolean,
): Promise<CrashStateCheck> {
  const check: CrashStateCheck = {
    lost: 0,
    unreadable: 0,
    landedInFlight: false,
    strayTempFiles: [],
    cutOffSaves: 0,
    waitedForLock: false,
    failures: [],
  };
  const acked = stream.seq;
  const logger = collectingLogger();
  let library: Library;
  try {
    ({ library, waitedForLock: check.waitedForLock } = await openForCheck(dataDir, logger));
  } catch (error) {
    check.unreadable++;
    check.failures.push(`after seq ${acked}: the library did not open: ${String(error)}`);
    return check;
  }
  try {
    // The startup check sweeps the article and memo folders and reads every file.
    await library.startupCheck;
    check.strayTempFiles = await findTempFiles(dataDir);
    const found = await readContents(library, check, acked);
    const status = library.status();
    for (const notice of status.notices) {
      const said = `after seq ${acked}: ${notice.title ?? 'damaged'}: ${notice.file}: ${notice.reason} (${notice.outcome})`;
      // Untitled notices are "<file> was damaged"; a cut-off save is what a kill leaves.
      if (notice.title === undefined) {
        check.unreadable++;
        check.failures.push(said);
      } else if (notice.title.endsWith(' was cut off')) {
        check.cutOffSaves++;
      } else {
        check.failures.push(said);
      }
    }
    for (const problem of status.integrity) {
      check.failures.push(`after seq ${acked}: integrity: ${problem.message}`);
    }
    const expected = stream.state;
    const next = inFlight ? stream.peekState() : null;
    compare('article', expected.articles, next?.articles, found.articles);
    compare('highlight', expected.highlights, next?.highlights, found.highlights);
    compare('memo', expected.memos, next?.memos, found.memos);
  } finally {
    await library.close();
  }
  return check;

  function compare<T extends Entity>(
    what: string,
    expected: Map<string, T>,
    afterInFlight: Map<string, T> | undefined,
    found: Map<string, T>,
  ): void {
    for (const id of new Set([
      ...expected.keys(),
      ...(afterInFlight?.keys() ?? []),
      ...found.keys(),
    ])) {
      const onDisk = found.get(id);
      const want = expected.get(id);
      if (isDeepStrictEqual(onDisk, want)) continue;
      if (afterInFlight && isDeepStrictEqual(onDisk, afterInFlight.get(id))) {
        check.landedInFlight = true;
        continue;
      }
      const writer = stream.state.writers.get(id);
      const newest = inFlight ? acked + 1 : acked;
      if (writer !== undefined && !(onDisk && seqOf(onDisk) > newest)) {
        check.lost++;
        check.failures.push(
          `after seq ${acked}: lost acknowledged seq ${writer}: ${what} ${id} should be ` +
            `${want ? `present (${tagOf(want)})` : 'deleted'}, found ${tagOf(onDisk)}`,
        );
      } else {
        check.failures.push(
          `after seq ${acked}: ${what} ${id} holds ${tagOf(onDisk)}, which was never issued ` +
            `(in flight: ${inFlight ? `seq ${acked + 1}` : 'nothing'}; expected ${tagOf(want)})`,
        );
      }
    }
  }
}

/** Reads every article, highlight and memo through the library, counting unreadable files. */
async function readContents(
  library: Library,
  check: CrashStateCheck,
  acked: number,
): Promise<LibraryContents> {
  const contents: LibraryContents = {
    articles: new Map(),
    highlights: new Map(),
    memos: new Map(),
  };
  const unreadable = (what: string, error: unknown) => {
    check.unreadable++;
    check.failures.push(`after seq ${acked}: ${what} could not be read: ${String(error)}`);
  };
  for (const { id } of library.articles.list()) {
    try {
      contents.articles.set(id, await library.articles.get(id));
    } catch (error) {
      unreadable(`article ${id}`, error);
    }
    try {
      for (const h of await library.annotations.listHighlights(id))
        contents.highlights.set(h.id, h);
    } catch (error) {
      unreadable(`the highlights of article ${id}`, error);
    }
  }
  for (const { id } of library.memos.list()) {
    try {
      contents.memos.set(id, await library.memos.get(id));
    } catch (error) {
      unreadable(`memo ${id}`, error);
    }
  }
  return contents;
}
