import type { Paragraph, PhrasingContent } from 'mdast';
import type { MemoHeader } from '../domain/memo';
import { formatPriceTarget } from '../memo/logged-fields';
import { formatCitationDate } from '../memo/source-label';
import { oneLine } from './one-line';

/**
 * The header in one line under the title: "**Buy** · Price target USD 520 · 12 months ·
 * Conviction: high · Jane Doe, 24 Nov 2026", empty parts left out. Null when all are empty.
 */
export function memoSummaryLine(header: MemoHeader): Paragraph | null {
  const text = (value: string): PhrasingContent => ({ type: 'text', value });
  const parts: PhrasingContent[] = [];
  const recommendation = oneLine(header.recommendation ?? '');
  if (recommendation) parts.push({ type: 'strong', children: [text(recommendation)] });
  if (header.priceTarget) parts.push(text(`Price target ${formatPriceTarget(header.priceTarget)}`));
  if (oneLine(header.horizon)) parts.push(text(oneLine(header.horizon)));
  if (header.conviction) parts.push(text(`Conviction: ${header.conviction}`));
  const byline = [oneLine(header.author), formatCitationDate(header.date) ?? '']
    .filter(Boolean)
    .join(', ');
  if (byline) parts.push(text(byline));
  if (parts.length === 0) return null;
  return {
    type: 'paragraph',
    children: parts.flatMap((part, i) => (i === 0 ? [part] : [text(' · '), part])),
  };
}
