import { useHighlightsStore } from '../../stores/highlights-store';
import { SaveStateText } from '../SaveStateText';

/** "Saving…", "Saved" or why not: always visible where the analyst annotates. */
export function SaveIndicator() {
  const save = useHighlightsStore((s) => s.save);
  if (save.status === 'idle') return null;
  return <SaveStateText state={save} testId="save-state" />;
}
