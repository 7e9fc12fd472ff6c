import type { PhrasingContent } from 'mdast';
import type { ResolvedCitation } from './memo-citations';
import { oneLine } from './one-line';
import { quotationMarks } from './quotation-marks';

/**
 * A citation inside running text: the quote in its language's quotation marks, on one
 * line, followed by its footnote reference (`„Die Aktien …“[^1]`).
 */
export function inlineCitation({
  quote,
  language,
  reference,
}: ResolvedCitation): PhrasingContent[] {
  const { open, close } = quotationMarks(language);
  return [{ type: 'text', value: `${open}${oneLine(quote)}${close}` }, reference];
}
