import { readdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createTempDataDir } from '../../../test-support/temp-data-dir';
import { serializeStoreFile } from '../../parse-store-file';
import { emptyLibraryFile, libraryFileSpec } from '../../store-files';
import { generationFolder } from '../generation-path';
import {
  createGenerationStore,
  GENERATION_INTERVAL_MS,
  GENERATIONS_KEPT,
} from '../generation-store';

const library = { kind: 'library' } as const;
const indexWith = (articles: number) =>
  serializeStoreFile(libraryFileSpec, {
    ...emptyLibraryFile(),
    settings: {
      ...emptyLibraryFile().settings,
      watchlist: [{ name: `n${articles}`, ticker: 'T', aliases: [] }],
    },
  });

describe('rolling copies', () => {
  let dataDir: string;
  let cleanup: () => Promise<void>;
  beforeEach(async () => ({ dir: dataDir, cleanup } = await createTempDataDir()));
  afterEach(async () => {
    vi.useRealTimers();
    await cleanup();
  });

  it('takes the first copy at once, then at most one per interval, always the newest text', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date'] });
    const store = createGenerationStore({ dataDir });
    store.record(library, indexWith(1));
    await store.flush();
    store.record(library, indexWith(2));
    store.record(library, indexWith(3));
    expect(await store.list(library)).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(GENERATION_INTERVAL_MS);
    await store.flush();
    const copies = await store.list(library);
    expect(copies).toHaveLength(2);
    const newest = await store.newestValid(library, libraryFileSpec);
    expect(newest?.value.settings.watchlist[0]?.name).toBe('n3');
  });

  it(`keeps the newest ${GENERATIONS_KEPT} copies of a file`, async () => {
    const store = createGenerationStore({ dataDir });
    for (let n = 0; n < GENERATIONS_KEPT + 5; n++) await store.keepNow(library, indexWith(n));
    const names = await readdir(generationFolder(dataDir, library));
    expect(names).toHaveLength(GENERATIONS_KEPT);
    const newest = await store.newestValid(library, libraryFileSpec);
    expect(newest?.value.settings.watchlist[0]?.name).toBe(`n${GENERATIONS_KEPT + 4}`);
  });

  it('passes over damaged copies to the newest valid one, and says null when none is', async () => {
    const store = createGenerationStore({ dataDir });
    await store.keepNow(library, indexWith(1));
    await store.keepNow(library, indexWith(2));
    const [newest] = await store.list(library);
    await writeFile(newest!.path, Buffer.alloc(40));
    expect(
      (await store.newestValid(library, libraryFileSpec))?.value.settings.watchlist[0]?.name,
    ).toBe('n1');
    for (const copy of await store.list(library)) await writeFile(copy.path, '');
    expect(await store.newestValid(library, libraryFileSpec)).toBeNull();
    expect(
      await store.list({ kind: 'memo', memoId: '3f1c2a1e-8d2b-4c1a-9a8e-2f0b1c3d4e5f' }),
    ).toEqual([]);
    expect(join(dataDir, 'backups', 'rolling', 'library')).toBe(generationFolder(dataDir, library));
  });
});
