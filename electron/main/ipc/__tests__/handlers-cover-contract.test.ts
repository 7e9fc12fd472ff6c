import type { IpcMain, IpcMainInvokeEvent } from 'electron';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { channels } from '../../../../shared/ipc/channels';
import { contract } from '../../../../shared/ipc/contract';
import { createMainHandlers } from '../../features/create-main-handlers';
import { openLibrary, type Library } from '../../storage/open-library';
import { collectingLogger } from '../../test-support/collecting-logger';
import { createTempDataDir } from '../../test-support/temp-data-dir';
import { APP_ORIGIN } from '../../security/app-protocol';
import { registerIpc } from '../register-ipc';
import { chosenPathsDialogs } from '../../test-support/chosen-paths-dialogs';
import { createTestParserPool } from '../../test-support/test-parser-pool';

const seedsDir = join(import.meta.dirname, '../../../../seeds');

/** Records what is registered, the way Electron's ipcMain would hold it. */
function recordingIpcMain() {
  const registered = new Map<string, (event: IpcMainInvokeEvent, payload: unknown) => unknown>();
  const ipcMain = {
    handle: (channel: string, listener: (event: IpcMainInvokeEvent, payload: unknown) => unknown) =>
      registered.set(channel, listener),
  } as unknown as IpcMain;
  return { ipcMain, registered };
}

const eventFrom = (url: string, parent: unknown = null) =>
  ({ senderFrame: { url, parent } }) as unknown as IpcMainInvokeEvent;

describe('main handlers and the contract', () => {
  let library: Library;
  let cleanup: () => Promise<void>;

  let parser: ReturnType<typeof createTestParserPool>;
  beforeEach(async () => {
    parser = createTestParserPool();
    const temp = await createTempDataDir();
    cleanup = temp.cleanup;
    library = await openLibrary(temp.dir, { logger: collectingLogger() });
  });
  afterEach(async () => {
    await library.close();
    await parser.close();
    await cleanup();
  });

  it('has a handler for every contract channel and none outside it', () => {
    const handlers = createMainHandlers({
      library,
      seedsDir,
      parser,
      dialogs: chosenPathsDialogs(),
    });
    expect(Object.keys(handlers).sort()).toEqual(Object.keys(contract).sort());
  });

  /** Registers the real handlers on a recording ipcMain, for the app served over `app://`. */
  function registerAll() {
    const { ipcMain, registered } = recordingIpcMain();
    const handlers = createMainHandlers({
      library,
      seedsDir,
      parser,
      dialogs: chosenPathsDialogs(),
    });
    registerIpc(ipcMain, handlers, { kind: 'app' }, collectingLogger());
    return registered;
  }

  it('registers every channel with ipcMain exactly once', () => {
    const registered = registerAll();
    expect([...registered.keys()].sort()).toEqual([...channels].sort());
  });

  it('answers the app window and refuses a foreign frame, a subframe and a null frame', async () => {
    const listArticles = registerAll().get('articles:list')!;
    const appUrl = `${APP_ORIGIN}/index.html`;

    await expect(listArticles(eventFrom(appUrl), undefined)).resolves.toEqual({
      ok: true,
      value: [],
    });
    for (const event of [
      eventFrom('https://evil.example/'),
      eventFrom('file:///opt/Margin/resources/app/out/renderer/index.html'),
      eventFrom('app://margin.evil.example/index.html'),
      eventFrom(appUrl, { url: appUrl }),
      { senderFrame: null } as unknown as IpcMainInvokeEvent,
    ]) {
      await expect(listArticles(event, undefined)).resolves.toMatchObject({
        ok: false,
        error: { code: 'FORBIDDEN' },
      });
    }
  });
});
