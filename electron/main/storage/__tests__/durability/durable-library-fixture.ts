import { randomUUID } from 'node:crypto';
import type { Highlight } from '../../../../../shared/domain/highlight';
import type { Memo } from '../../../../../shared/domain/memo';
import { newMemo } from '../../../features/memos/new-memo';
import type { Library } from '../../open-library';
import { memoDocWith } from '../faults/memo-doc-with';
import { pastedArticle } from '../faults/pasted-article';
import { sampleHighlight } from '../faults/sample-highlight';

/** What a test library holds: one of each store file that changes, each written twice. */
export interface DurableContent {
  articleId: string;
  highlight: Highlight;
  memo: Memo;
  tagId: string;
}

/**
 * Fills an open library with an article, a tagged highlight and a memo, each saved twice
 * (the second save lands inside the rolling-copy interval, so closing writes its copy).
 */
export async function fillLibrary(library: Library): Promise<DurableContent> {
  const { article } = await library.articles.insert(
    await pastedArticle(
      'Die Aktie erlebt derzeit einen spürbaren Rückgang, der Investoren beunruhigt.',
    ),
  );
  const {
    ids: [tagId],
  } = await library.codebook.ensure(['Risk › Regulatory']);
  await library.settings.saveWatchlist([{ name: 'Microsoft', ticker: 'MSFT', aliases: [] }]);
  const first = sampleHighlight(article.id, 'first note');
  await library.annotations.saveHighlight(first);
  const highlight = { ...first, note: 'second note', tags: [tagId!] };
  await library.annotations.saveHighlight(highlight);
  const created = await library.memos.create(newMemo({ ticker: 'MSFT' }, randomUUID(), new Date()));
  await library.memos.save(
    created.id,
    0,
    { title: 'MSFT', doc: memoDocWith(['first draft']) },
    new Date(),
  );
  await library.memos.save(
    created.id,
    1,
    { title: 'MSFT: the cloud case', doc: memoDocWith(['second draft']) },
    new Date(),
  );
  return {
    articleId: article.id,
    highlight,
    memo: await library.memos.get(created.id),
    tagId: tagId!,
  };
}
