import { foldTerm } from '../../../../shared/search/fold-term';
import type { PaletteAction } from './palette-actions';

const words = (text: string) => (text.match(/[\p{L}\p{N}]+/gu) ?? []).map(foldTerm);

/** Every typed word starts a word of the action's label or keywords (folded: ü = u = ue). */
export function matchesAction(action: PaletteAction, query: string): boolean {
  const wanted = words(query);
  if (wanted.length === 0) return true;
  const have = words(`${action.label} ${action.keywords}`);
  return wanted.every((w) => have.some((h) => h.startsWith(w)));
}
