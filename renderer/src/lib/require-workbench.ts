import { workbench } from './workbench';
import type { WorkbenchClient } from './workbench-client';

/** For stores: the app only renders them when the bridge exists (see App). */
export function requireWorkbench(): WorkbenchClient {
  if (!workbench) throw new Error('window.workbench is missing');
  return workbench;
}
