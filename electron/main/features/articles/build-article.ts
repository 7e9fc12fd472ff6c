import { randomUUID } from 'node:crypto';
import type { Article, ArticleOrigin } from '../../../../shared/domain/article';
import { countWords } from '../../../../shared/text/count-words';
import { toArticleBlocks } from '../../../../shared/text/article-blocks';
import { inferTitle } from '../../../../shared/text/infer-title';
import { normalizeArticleText } from '../../../../shared/text/normalize-article-text';
import { AppError } from '../../errors/app-error';
import { contentHash } from './content-hash';
import { detectLanguage } from './detect-language';

export interface ArticleDraft {
  text: string;
  title?: string | undefined;
  source?: string | undefined;
  author?: string | undefined;
  publishedAt?: string | undefined;
  origin: ArticleOrigin;
}

const orNull = (value: string | undefined) => (value?.trim() ? value.trim() : null);

/**
 * Turns raw text and what the analyst told us into a complete article: canonical text,
 * paragraphs, language, a title (inferred when none was given), hash and word count.
 */
export async function buildArticle(draft: ArticleDraft, importedAt: Date): Promise<Article> {
  const text = normalizeArticleText(draft.text);
  if (text.trim() === '') {
    throw new AppError(
      'EMPTY_TEXT',
      'There is no text to add: paste the article text into the box first.',
    );
  }
  const language = await detectLanguage(text);
  return {
    id: randomUUID(),
    title: orNull(draft.title) ?? inferTitle(text),
    source: orNull(draft.source),
    author: orNull(draft.author),
    publishedAt: orNull(draft.publishedAt),
    language,
    importedAt: importedAt.toISOString(),
    origin: draft.origin,
    contentHash: contentHash(text),
    wordCount: countWords(text, language),
    text,
    blocks: toArticleBlocks(text),
  };
}
