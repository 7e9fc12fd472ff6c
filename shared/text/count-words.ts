/** Counts words the way the language does (Intl.Segmenter), not by spaces. */
export function countWords(text: string, language: string): number {
  const segmenter = new Intl.Segmenter(language === 'und' ? undefined : language, {
    granularity: 'word',
  });
  let count = 0;
  for (const segment of segmenter.segment(text)) if (segment.isWordLike) count++;
  return count;
}
