import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { channels } from '../../../shared/ipc/channels';
import type { ChannelHandlers } from '../ipc/channel-handlers';
import { LibraryHost } from '../library-host';
import { openLibrary, type Library } from '../storage/open-library';
import { collectingLogger } from '../test-support/collecting-logger';
import { createTempDataDir } from '../test-support/temp-data-dir';

const logger = collectingLogger();

/** Handlers that answer `library:status` from the library they were made for. */
function statusHandlers(library: Library): ChannelHandlers {
  const handlers = Object.fromEntries(
    channels.map((channel) => [channel, async () => ({ channel })]),
  ) as unknown as ChannelHandlers;
  handlers['library:status'] = async () => library.status();
  return handlers;
}

describe('LibraryHost', () => {
  let dataDir: string;
  let cleanup: () => Promise<void>;
  let opens: number;
  let failOpen: boolean;

  beforeEach(async () => {
    ({ dir: dataDir, cleanup } = await createTempDataDir());
    opens = 0;
    failOpen = false;
  });
  afterEach(() => cleanup());

  const host = () =>
    LibraryHost.open({
      open: async () => {
        if (failOpen) throw Object.assign(new Error('no'), { code: 'EMFILE' });
        opens++;
        return openLibrary(dataDir, { logger });
      },
      makeHandlers: (library) => statusHandlers(library),
    });

  it('sends each call to the library open now, and holds calls while it is replaced', async () => {
    const h = await host();
    const first = h.library;
    let release!: () => void;
    const swapping = h.replaceContents(() => new Promise<void>((r) => (release = r)));
    const call = h.handlers['library:status'](undefined);
    let answered = false;
    void call.then(() => (answered = true));
    await new Promise((r) => setTimeout(r, 50));
    expect(answered).toBe(false); // waits for the swap
    release();
    await swapping;
    expect((await call).dataDir).toBe(dataDir);
    expect(h.library).not.toBe(first);
    expect(opens).toBe(2);
    await h.close();
  });

  it('opens the library again and rethrows when the swap fails', async () => {
    const h = await host();
    await expect(
      h.replaceContents(async () => {
        throw new Error('swap failed');
      }),
    ).rejects.toThrow('swap failed');
    expect((await h.handlers['library:status'](undefined)).dataDir).toBe(dataDir);
    await h.close();
  });

  it('waits for a replacement under way before closing, and refuses one after', async () => {
    const h = await host();
    let release!: () => void;
    const steps: string[] = [];
    const swapping = h.replaceContents(async () => {
      await new Promise<void>((r) => (release = r));
      steps.push('swapped');
    });
    await new Promise((r) => setTimeout(r, 20));
    const closing = h.close().then(() => steps.push('closed'));
    await new Promise((r) => setTimeout(r, 20));
    release();
    await Promise.all([swapping, closing]);
    expect(steps).toEqual(['swapped', 'closed']);
    await expect(h.replaceContents(async () => undefined)).rejects.toThrow('closing');
  });

  it('answers every call with a clear error when the library cannot be opened again', async () => {
    const h = await host();
    failOpen = true;
    await expect(h.replaceContents(async () => undefined)).rejects.toBeInstanceOf(AggregateError);
    await expect(h.handlers['library:status'](undefined)).rejects.toMatchObject({
      code: 'STORE_READ_ONLY',
      message: expect.stringContaining('start it again'),
    });
  });
});
