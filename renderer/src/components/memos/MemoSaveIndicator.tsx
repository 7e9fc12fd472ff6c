import { useMemoSessionStore } from '../../stores/memo-session-store';
import { SaveStateText } from '../SaveStateText';

/** "Saving…" (also while typing), "Saved" or why not: always visible where the analyst writes. */
export function MemoSaveIndicator() {
  const save = useMemoSessionStore((s) => s.save);
  return (
    <SaveStateText
      state={save.status === 'pending' ? { status: 'saving' } : save}
      testId="memo-save-state"
    />
  );
}
