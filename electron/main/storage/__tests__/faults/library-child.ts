// A library process for the fault tests: runs the real storage layer and does what the
// test asks, one JSON line on stdin each, answering one JSON line on stdout each (see
// library-child-protocol.ts). Logs go to stderr so that stdout stays the protocol.
import { randomUUID } from 'node:crypto';
import { createInterface } from 'node:readline';
import type { Highlight } from '../../../../../shared/domain/highlight';
import { AppError } from '../../../errors/app-error';
import { newMemo } from '../../../features/memos/new-memo';
import { DataFolderLockedError } from '../../data-folder-lock';
import { openLibrary, type Library } from '../../open-library';
import type {
  ChildError,
  ChildEvent,
  ChildRequest,
  ChildResponse,
  ChurnOp,
} from './library-child-protocol';
import { memoDocWith } from './memo-doc-with';
import { sampleHighlight } from './sample-highlight';

const logger = {
  info: (...args: unknown[]) => console.error(...args),
  warn: (...args: unknown[]) => console.error(...args),
  error: (...args: unknown[]) => console.error(...args),
};

// A pipe's stdout is written synchronously on Linux: a line sent is in the pipe, even if
// the process is killed right after.
const send = (message: ChildResponse | ChildEvent) =>
  process.stdout.write(`${JSON.stringify(message)}\n`);

function toChildError(error: unknown): ChildError {
  const e = error as Error & { code?: unknown };
  return {
    name: e?.name ?? 'Error',
    message: e?.message ?? String(error),
    appError: error instanceof AppError,
    ...(typeof e?.code === 'string' ? { code: e.code } : {}),
    ...(e?.cause ? { cause: String((e.cause as Error).message ?? e.cause) } : {}),
    ...(error instanceof DataFolderLockedError && error.owner ? { ownerPid: error.owner.pid } : {}),
  };
}

let library: Library | undefined;
const opened = () => {
  if (!library) throw new Error('the child has no library open');
  return library;
};

/** Runs one stream of writes back to back, reporting each before it starts and once durable. */
async function stream(next: () => { op: ChurnOp; write: () => Promise<void> }): Promise<void> {
  for (;;) {
    const { op, write } = next();
    send({ event: 'begin', op });
    try {
      await write();
    } catch (error) {
      send({ event: 'failed', op, error: toChildError(error) });
      return;
    }
    send({ event: 'done', op });
  }
}

/** Highlights saved, edited and deleted; memo autosaves; watchlist edits: all at once. */
function churn(articleId: string, memoId: string): void {
  const lib = opened();
  const live: Highlight[] = [];
  let h = 0;
  void stream(() => {
    const i = h++;
    if (i % 5 === 4 && live.length > 1) {
      const gone = live.shift()!;
      return {
        op: { stream: 'highlights', kind: 'delete', id: gone.id },
        write: async () => void (await lib.annotations.deleteHighlight(articleId, gone.id)),
      };
    }
    if (i % 3 === 2 && live.length > 0) {
      const target = live[live.length - 1]!;
      const note = `edited in write ${i}`;
      const updatedAt = new Date().toISOString();
      return {
        op: { stream: 'highlights', kind: 'update', id: target.id, note, updatedAt },
        write: async () =>
          void (await lib.annotations.updateHighlight(articleId, target.id, (current) => ({
            ...current,
            note,
            updatedAt,
          }))),
      };
    }
    const highlight = sampleHighlight(articleId, `highlight ${i}`);
    live.push(highlight);
    return {
      op: { stream: 'highlights', kind: 'save', highlight },
      write: () => lib.annotations.saveHighlight(highlight),
    };
  });

  let version = lib.memos.findById(memoId)!.version;
  let m = 0;
  void stream(() => {
    const text = `Autosave ${m++}: ${randomUUID()}`;
    const op: ChurnOp = { stream: 'memo', version: version + 1, text };
    return {
      op,
      write: async () => {
        const saved = await lib.memos.save(
          memoId,
          version,
          { title: 'MSFT investment memo', doc: memoDocWith([text]) },
          new Date(),
        );
        version = saved.version;
      },
    };
  });

  let w = 0;
  void stream(() => {
    const entries = [{ name: `Company ${w}`, ticker: `C${w++}`, aliases: [] }];
    return {
      op: { stream: 'watchlist', entries },
      write: async () => void (await lib.settings.saveWatchlist(entries)),
    };
  });
}

async function run(request: ChildRequest): Promise<unknown> {
  switch (request.op) {
    case 'open':
      library = await openLibrary(request.dataDir, { logger });
      return library.status();
    case 'status':
      return opened().status();
    case 'startupCheck':
      await opened().startupCheck;
      return opened().status();
    case 'insertArticle':
      return (await opened().articles.insert(request.article)).article;
    case 'listArticles':
      return opened().articles.list();
    case 'readArticle':
      return opened().articles.get(request.articleId);
    case 'listHighlights':
      return opened().annotations.listHighlights(request.articleId);
    case 'saveHighlight':
      return opened().annotations.saveHighlight(request.highlight);
    case 'createMemo':
      return opened().memos.create(newMemo({ ticker: request.ticker }, randomUUID(), new Date()));
    case 'getMemo':
      return opened().memos.get(request.memoId);
    case 'saveMemo': {
      const doc = memoDocWith(request.paragraphs);
      const content = { title: 'MSFT investment memo', doc };
      return opened().memos.save(request.memoId, request.baseVersion, content, new Date());
    }
    case 'watchlist':
      return opened().settings.watchlist();
    case 'churn':
      churn(request.articleId, request.memoId);
      return null;
    case 'close': {
      const closing = opened().close();
      library = undefined;
      await closing;
      return null;
    }
  }
}

// Requests run one after the other, in the order they came (a test's script of steps).
let queue = Promise.resolve();
for await (const line of createInterface({ input: process.stdin })) {
  const { id, ...request } = JSON.parse(line) as ChildRequest & { id: number };
  queue = queue.then(async () => {
    try {
      send({ id, ok: true, value: (await run(request as ChildRequest)) ?? null });
    } catch (error) {
      send({ id, ok: false, error: toChildError(error) });
    }
  });
}
await queue;
