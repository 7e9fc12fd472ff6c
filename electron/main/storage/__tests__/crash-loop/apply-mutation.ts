import { rm } from 'node:fs/promises';
import { AppError } from '../../../errors/app-error';
import type { Library } from '../../open-library';
import type { Mutation } from './mutation-stream';

/**
 * Applies one mutation through the library's public API; resolves once it is durable.
 * `mayHaveLanded`: the mutation was issued before the last kill and never acknowledged,
 * so it may already be on disk. It is then completed rather than repeated blindly; every
 * other mutation must apply cleanly.
 */
export async function applyMutation(
  library: Library,
  mutation: Mutation,
  mayHaveLanded: boolean,
): Promise<void> {
  switch (mutation.kind) {
    case 'import-article': {
      // Importing the same text again returns the article already there.
      const { created } = await library.articles.insert(mutation.article);
      if (!created && !mayHaveLanded) {
        throw new Error(`seq ${mutation.seq}: the article was already in the library`);
      }
      return;
    }
    case 'add-highlight':
      // saveHighlight replaces a highlight with the same id: repeating it is harmless.
      await library.annotations.saveHighlight(mutation.highlight);
      return;
    case 'edit-note': {
      const { note, updatedAt } = mutation;
      await library.annotations.updateHighlight(
        mutation.articleId,
        mutation.highlightId,
        (current) => ({ ...current, note, updatedAt }),
      );
      return;
    }
    case 'delete-highlight':
      try {
        await library.annotations.deleteHighlight(mutation.articleId, mutation.highlightId);
      } catch (error) {
        const alreadyGone = error instanceof AppError && error.code === 'NOT_FOUND';
        if (!(mayHaveLanded && alreadyGone)) throw error;
      }
      return;
    case 'create-memo':
      if (mayHaveLanded) {
        if (library.memos.findById(mutation.memo.id)) return;
        // The app never reuses a memo id; the stream does. A create cut off before its
        // file was renamed into place leaves a folder the library ignores but that blocks
        // a second create with the same id, so clear it first.
        await rm(library.layout.memoDir(mutation.memo.id), { recursive: true, force: true });
      }
      await library.memos.create(mutation.memo);
      return;
    case 'save-memo': {
      const { memoId, baseVersion, title, doc, at } = mutation;
      if (mayHaveLanded && library.memos.findById(memoId)?.version === baseVersion + 1) return;
      await library.memos.save(memoId, baseVersion, { title, doc }, new Date(at));
      return;
    }
  }
}
