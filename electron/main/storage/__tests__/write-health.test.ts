import { mkdir, readdir, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTempDataDir } from '../../test-support/temp-data-dir';
import { createWriteHealth } from '../write-health';

describe('write health', () => {
  let root: string;
  let cleanup: () => Promise<void>;
  beforeEach(async () => ({ dir: root, cleanup } = await createTempDataDir()));
  afterEach(() => cleanup());

  it('stays failing while the data folder cannot be written, and clears by itself when it can', async () => {
    const dataDir = join(root, 'library');
    const health = createWriteHealth({ dataDir, retryMs: 50 });
    expect(health.current()).toBeNull();
    health.failed('the highlight', Object.assign(new Error('denied'), { code: 'EACCES' }));
    expect(health.current()).toMatchObject({
      what: 'the highlight',
      cause: 'Margin is not allowed to write to its data folder',
    });
    const since = health.current()!.since;

    // The folder is gone, so the probe fails and the failure stays (with its first time).
    expect(await health.check()).toMatchObject({ since });
    health.failed('the memo', Object.assign(new Error('denied'), { code: 'EPERM' }));
    expect(health.current()).toMatchObject({ what: 'the memo', since });

    await mkdir(dataDir);
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(health.current()).toBeNull();
    expect(await readdir(dataDir)).toEqual([]); // the probe leaves nothing behind
    health.stop();
    await rm(dataDir, { recursive: true });
  });

  it('a full disk or a file too large is cleared by a real save, never by the small probe', async () => {
    const health = createWriteHealth({ dataDir: root, retryMs: 50 });
    health.failed('"MSFT"', Object.assign(new Error('full'), { code: 'ENOSPC' }));
    expect(await health.check()).toMatchObject({ cause: 'the disk is full' });
    health.failed('"MSFT"', Object.assign(new Error('big'), { code: 'EFBIG' }));
    expect(await health.check()).toMatchObject({ what: '"MSFT"' });
    health.succeeded();
    expect(health.current()).toBeNull();
    health.stop();
  });
});
