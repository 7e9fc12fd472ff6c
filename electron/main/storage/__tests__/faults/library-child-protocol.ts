import type { Article } from '../../../../../shared/domain/article';
import type { WatchlistEntry } from '../../../../../shared/domain/company';
import type { Highlight } from '../../../../../shared/domain/highlight';

/**
 * What a test asks of a library child (one JSON line on its stdin each). The child runs
 * the real storage layer in its own process, so a test can give it a second owner, a
 * file-size limit or another user, none of which the test process itself can take on.
 */
export type ChildRequest =
  | { op: 'open'; dataDir: string }
  | { op: 'status' }
  /** Waits for the background check that open starts, then answers the status. */
  | { op: 'startupCheck' }
  /** Built by the test (the import pipeline is not under test here, and it is slow). */
  | { op: 'insertArticle'; article: Article }
  | { op: 'listArticles' }
  | { op: 'readArticle'; articleId: string }
  | { op: 'listHighlights'; articleId: string }
  | { op: 'saveHighlight'; highlight: Highlight }
  | { op: 'createMemo'; ticker: string }
  | { op: 'getMemo'; memoId: string }
  | { op: 'saveMemo'; memoId: string; baseVersion: number; paragraphs: string[] }
  | { op: 'watchlist' }
  /** Starts writing without pause (highlights, memo autosaves, the watchlist) until killed. */
  | { op: 'churn'; articleId: string; memoId: string }
  | { op: 'close' };

/** An error as it crossed the process boundary. */
export interface ChildError {
  name: string;
  message: string;
  /** Whether it was an AppError (a message for the analyst, with a code). */
  appError: boolean;
  code?: string;
  /** The underlying error's message (a file system error under an AppError). */
  cause?: string;
  /** For DataFolderLockedError: the process named as the holder. */
  ownerPid?: number;
}

export type ChildResponse<T = unknown> =
  { id: number; ok: true; value: T } | { id: number; ok: false; error: ChildError };

/** One write of the churn, as the child starts it and as it reports it durable. */
export type ChurnOp =
  | { stream: 'highlights'; kind: 'save'; highlight: Highlight }
  | { stream: 'highlights'; kind: 'update'; id: string; note: string; updatedAt: string }
  | { stream: 'highlights'; kind: 'delete'; id: string }
  | { stream: 'memo'; version: number; text: string }
  | { stream: 'watchlist'; entries: WatchlistEntry[] };

/** `done` is sent only once the write resolved: an acknowledged, durable write. */
export type ChildEvent =
  { event: 'begin' | 'done'; op: ChurnOp } | { event: 'failed'; op: ChurnOp; error: ChildError };
