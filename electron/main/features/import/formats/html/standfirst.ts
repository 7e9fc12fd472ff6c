const normalise = (text: string) => text.normalize('NFC').replace(/\s+/g, ' ').trim();
/** Shorter "descriptions" are labels ("Home", "News"), not a summary worth adding. */
const MIN_LENGTH = 40;

/**
 * The page's standfirst (dek, summary line) when Readability left it out of the article:
 * news sites put it in the header beside the headline, where Readability does not look.
 * It is the page's own description, shown on the page (`pageText`) but missing from the
 * extracted `articleText`; it becomes the article's first paragraph.
 */
export function standfirst(
  descriptions: ReadonlyArray<string | null | undefined>,
  pageText: string,
  articleText: string,
): string | undefined {
  const page = normalise(pageText);
  const article = normalise(articleText);
  for (const description of descriptions) {
    if (!description) continue;
    const text = normalise(description);
    if (text.length < MIN_LENGTH) continue;
    if (article.includes(text)) return undefined;
    if (page.includes(text)) return text;
  }
  return undefined;
}
