// The preload runs sandboxed: it exposes `window.workbench`, one method per contract
// channel, and nothing else (no ipcRenderer, no generic invoke).
import { contextBridge, ipcRenderer } from 'electron';
import { createWorkbenchApi } from '../../shared/ipc/create-workbench-api';

contextBridge.exposeInMainWorld(
  'workbench',
  createWorkbenchApi((channel, payload) => ipcRenderer.invoke(channel, payload)),
);
