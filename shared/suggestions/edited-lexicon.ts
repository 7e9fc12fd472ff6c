import type { LexiconEdits } from '../domain/suggestion';
import type { CueLexicon } from './cue-lexicon';

/**
 * A built-in lexicon with the analyst's edits applied: their removed cues taken out, their
 * own cues added (once, after the built-in ones). Negations, periods and units stay built in.
 */
export function editedLexicon(builtIn: CueLexicon, edits: LexiconEdits): CueLexicon {
  const edit = (list: 'risk' | 'thesis' | 'sources'): string[] => {
    const removed = new Set(edits.removed[list]);
    const kept = builtIn[list].filter((cue) => !removed.has(cue));
    return [...new Set([...kept, ...edits.added[list]])];
  };
  return { ...builtIn, risk: edit('risk'), thesis: edit('thesis'), sources: edit('sources') };
}
