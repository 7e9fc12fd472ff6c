import type { EditableCueList, LexiconEdits } from '../../../shared/domain/suggestion';
import { cueTextProblem, normalizeCue } from '../../../shared/suggestions/cue-text';

/** How a cue of each list is named in messages. */
export const CUE_LIST_NOUN: Record<EditableCueList, string> = {
  risk: 'risk cue',
  thesis: 'thesis cue',
  sources: 'source cue',
};

/** As many cues as main accepts per list (`LexiconEdits`). */
const MAX_CUES_PER_LIST = 500;

export type NewCueCheck = { ok: true; cue: string } | { ok: false; message: string };

/**
 * Checks a cue the analyst typed for `list`: as main stores it (trimmed, lower case), not
 * already there. A built-in cue the analyst removed is fine: adding it puts it back.
 */
export function checkNewCue(
  typed: string,
  list: EditableCueList,
  builtIn: readonly string[],
  edits: LexiconEdits,
): NewCueCheck {
  const cue = normalizeCue(typed);
  const noun = CUE_LIST_NOUN[list];
  const problem = cueTextProblem(cue);
  if (problem) return { ok: false, message: `Couldn't add '${typed.trim()}': ${problem}.` };
  if (builtIn.includes(cue)) {
    return edits.removed[list].includes(cue)
      ? { ok: true, cue }
      : { ok: false, message: `'${cue}' is already a built-in ${noun}.` };
  }
  if (edits.added[list].includes(cue)) {
    return { ok: false, message: `'${cue}' is already one of your ${noun}s.` };
  }
  if (edits.added[list].length >= MAX_CUES_PER_LIST) {
    return {
      ok: false,
      message: `You have ${MAX_CUES_PER_LIST} ${noun}s of your own, the most Margin keeps; remove one first.`,
    };
  }
  return { ok: true, cue };
}
