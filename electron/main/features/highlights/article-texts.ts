import type { Article } from '../../../../shared/domain/article';

/**
 * The last few articles' text and blocks, kept because article files are immutable and a
 * highlight save should not re-read a megabyte of JSON each time.
 */
export function articleTexts(load: (id: string) => Promise<Article>, capacity = 4) {
  const recent = new Map<string, Promise<Article>>();
  return (id: string): Promise<Article> => {
    let article = recent.get(id);
    if (article) {
      recent.delete(id); // re-inserted below: most recently used last
    } else {
      article = load(id);
      // A failed read is not remembered: the next call tries again.
      article.catch(() => recent.delete(id));
    }
    recent.set(id, article);
    while (recent.size > capacity) recent.delete(recent.keys().next().value!);
    return article;
  };
}
