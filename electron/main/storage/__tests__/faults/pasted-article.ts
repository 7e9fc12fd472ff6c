import type { Article } from '../../../../../shared/domain/article';
import { buildArticle } from '../../../features/articles/build-article';
import { parsePlainText } from '../../../features/import/formats/parse-plain-text';

/** An article as a paste of `text` builds it (the real import path, without the UI). */
export function pastedArticle(text: string, title?: string): Promise<Article> {
  return buildArticle(
    { document: parsePlainText(text), given: { title }, origin: { kind: 'paste', format: 'text' } },
    new Date(),
  );
}
