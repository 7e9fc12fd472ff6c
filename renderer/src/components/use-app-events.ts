import { useEffect } from 'react';
import type { AppEvent, AppEventBatch } from '../../../shared/domain/app-event';
import { requireWorkbench } from '../lib/require-workbench';
import { openAbout, openProblemReport } from '../stores/about-store';
import { useImportStore } from '../stores/import-store';
import { useUiStore } from '../stores/ui-store';

/** After a failed call (main busy restoring, a bridge hiccup), ask again after this. */
const RETRY_MS = 2000;

function handle(event: AppEvent): void {
  switch (event.kind) {
    case 'openFiles':
      // As after Ctrl+O: the import panel shows the batch; the last article opens at the end.
      useUiStore.getState().setView('library');
      useUiStore.getState().openImport();
      useImportStore.getState().addOpenedFiles(event.files);
      break;
    case 'showAbout':
      openAbout();
      break;
    case 'reportProblem':
      openProblemReport();
      break;
  }
}

/**
 * Listens for what the OS and the menu ask of the page: files opened with Margin, and the
 * Help menu's About and Report a problem. Main answers `app:nextEvents` when it has
 * something; the page handles it and asks again with the new cursor, which tells main
 * those are done. A page that reloads starts at 0 and gets whatever was not yet handled.
 */
export function useAppEvents(): void {
  useEffect(() => {
    let stopped = false;
    void (async () => {
      let after = 0;
      while (!stopped) {
        let batch: AppEventBatch;
        try {
          batch = await requireWorkbench().app.nextEvents({ after });
        } catch {
          await new Promise((resolve) => setTimeout(resolve, RETRY_MS));
          continue;
        }
        // Handled even if this hook unmounted meanwhile: the stores outlive it.
        batch.events.forEach(handle);
        after = batch.through;
      }
    })();
    return () => {
      stopped = true;
    };
  }, []);
}
