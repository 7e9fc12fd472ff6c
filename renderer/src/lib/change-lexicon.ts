import type { EditableCueList, LexiconEdits } from '../../../shared/domain/suggestion';

/**
 * One change in Settings' cue lists: `add` a cue (a removed built-in one comes back),
 * `remove` one (a built-in cue is marked removed, the analyst's own is dropped), or
 * `restore` a removed built-in cue.
 */
export interface LexiconChange {
  kind: 'add' | 'remove' | 'restore';
  list: EditableCueList;
  cue: string;
}

/** The analyst's edits of one language's lexicon after `change`; the inputs stay as they are. */
export function changeLexicon(
  edits: LexiconEdits,
  builtIn: readonly string[],
  { kind, list, cue }: LexiconChange,
): LexiconEdits {
  const added = edits.added[list];
  const removed = edits.removed[list];
  const isBuiltIn = builtIn.includes(cue);
  const without = (cues: readonly string[]) => cues.filter((c) => c !== cue);
  const withCue = (cues: readonly string[]) => (cues.includes(cue) ? [...cues] : [...cues, cue]);
  let next: { added: string[]; removed: string[] };
  if (kind === 'remove') {
    next = isBuiltIn
      ? { added: [...added], removed: withCue(removed) }
      : { added: without(added), removed: [...removed] };
  } else if (isBuiltIn) {
    next = { added: [...added], removed: without(removed) };
  } else {
    next = { added: kind === 'add' ? withCue(added) : [...added], removed: [...removed] };
  }
  return {
    added: { ...edits.added, [list]: next.added },
    removed: { ...edits.removed, [list]: next.removed },
  };
}
