import { callFailures } from './call-failures';
import { createWorkbenchClient, type WorkbenchClient } from './workbench-client';

/** The client the app uses; null when the page was opened without Margin's bridge. */
export const workbench: WorkbenchClient | null = window.workbench
  ? createWorkbenchClient(window.workbench, (error) => callFailures.report(error))
  : null;
