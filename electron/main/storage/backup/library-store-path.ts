import { EntityId } from '../../../../shared/domain/primitives';

/** A file of the library's store, named by its path in the data folder (see library-layout.ts). */
export type LibraryStorePath =
  | { kind: 'library' }
  | { kind: 'article' | 'annotations' | 'details'; articleId: string }
  | { kind: 'memo' | 'revisions'; memoId: string }
  | { kind: 'revision'; memoId: string; revisionId: string };

const ARTICLE_FILE = /^articles\/([^/]+)\/(article|annotations|details)\.json$/;
const MEMO_FILE = /^memos\/([^/]+)\/(memo|revisions)\.json$/;
const REVISION_FILE = /^memos\/([^/]+)\/revisions\/([^/]+)\.json$/;

const isId = (segment: string | undefined): segment is string =>
  EntityId.safeParse(segment).success;

/**
 * What store file `path` (relative, `/`-separated) is, or null for anything else. This is
 * the allow-list of a backup: what it may hold and where, so a backup can only ever write
 * store files, at the places Margin itself writes them. Every id must be a UUID, which
 * also rules out `..`, separators and names a file system would treat specially.
 */
export function parseLibraryStorePath(path: string): LibraryStorePath | null {
  if (path === 'library.json') return { kind: 'library' };
  const article = ARTICLE_FILE.exec(path);
  if (article && isId(article[1])) {
    return { kind: article[2] as 'article' | 'annotations' | 'details', articleId: article[1] };
  }
  const memo = MEMO_FILE.exec(path);
  if (memo && isId(memo[1])) return { kind: memo[2] as 'memo' | 'revisions', memoId: memo[1] };
  const revision = REVISION_FILE.exec(path);
  if (revision && isId(revision[1]) && isId(revision[2])) {
    return { kind: 'revision', memoId: revision[1], revisionId: revision[2] };
  }
  return null;
}
