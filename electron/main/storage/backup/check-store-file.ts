import { memoFileSpec, revisionFileSpec, storedRevisionsIndexSpec } from '../memo-files';
import { parseStoreFile } from '../parse-store-file';
import { StoreFileError } from '../store-file-spec';
import {
  annotationsFileSpec,
  articleDetailsFileSpec,
  articleFileSpec,
  libraryFileSpec,
} from '../store-files';
import type { LibraryStorePath } from './library-store-path';

/** What a backup counts in a store file. */
export interface CheckedStoreFile {
  highlights: number;
}

/** `what`: "the article", "a revision"; the folder or file name is the id it must hold. */
function belongsTo(expected: string, found: string, what: string): void {
  if (found !== expected) {
    throw new StoreFileError('corrupt', `it holds ${what} ${found}, which belongs elsewhere`);
  }
}

/**
 * Validates a store file as the library would read it (its spec, with migrations), and
 * that it belongs where it lies: an article's files name that article, a memo's files
 * that memo. Throws StoreFileError, as reading it in the library would.
 */
export function checkStoreFile(path: LibraryStorePath, bytes: Uint8Array): CheckedStoreFile {
  switch (path.kind) {
    case 'library':
      parseStoreFile(libraryFileSpec, bytes);
      return { highlights: 0 };
    case 'article':
      belongsTo(path.articleId, parseStoreFile(articleFileSpec, bytes).article.id, 'the article');
      return { highlights: 0 };
    case 'annotations': {
      const file = parseStoreFile(annotationsFileSpec, bytes);
      belongsTo(path.articleId, file.articleId, 'the highlights of the article');
      return { highlights: file.highlights.length };
    }
    case 'details':
      belongsTo(
        path.articleId,
        parseStoreFile(articleDetailsFileSpec, bytes).articleId,
        'the details of the article',
      );
      return { highlights: 0 };
    case 'memo':
      belongsTo(path.memoId, parseStoreFile(memoFileSpec, bytes).memo.id, 'the memo');
      return { highlights: 0 };
    case 'revisions':
      belongsTo(
        path.memoId,
        parseStoreFile(storedRevisionsIndexSpec, bytes).memoId,
        'the revisions of the memo',
      );
      return { highlights: 0 };
    case 'revision': {
      const { revision } = parseStoreFile(revisionFileSpec, bytes);
      belongsTo(path.memoId, revision.memoId, 'a revision of the memo');
      belongsTo(path.revisionId, revision.id, 'the revision');
      return { highlights: 0 };
    }
  }
}
