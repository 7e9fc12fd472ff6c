import { notifications } from '@mantine/notifications';
import type { NewMemoInput } from '../../../../shared/domain/memo';
import { errorMessage } from '../../lib/workbench-client';
import { useMemosStore } from '../../stores/memos-store';
import { useUiStore } from '../../stores/ui-store';

/** Ctrl+Shift+N: a memo from the investment memo template, opened in the Memos view. */
export async function createMemo(input: NewMemoInput = {}): Promise<void> {
  try {
    useUiStore.getState().setView('memos');
    await useMemosStore.getState().create(input);
  } catch (error) {
    notifications.show({ color: 'red', message: `No memo was created: ${errorMessage(error)}` });
  }
}
