import { randomUUID } from 'node:crypto';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AppEventBatch } from '../../../../../shared/domain/app-event';
import type { ArticleAdded } from '../../../../../shared/domain/article';
import type { ChannelHandlers } from '../../../ipc/channel-handlers';
import { invokeChannel } from '../../../ipc/invoke-channel';
import { openLibrary, type Library } from '../../../storage/open-library';
import { chosenPathsDialogs } from '../../../test-support/chosen-paths-dialogs';
import { collectingLogger } from '../../../test-support/collecting-logger';
import { valueOf } from '../../../test-support/envelope-of';
import { createTempDataDir } from '../../../test-support/temp-data-dir';
import { createTestParserPool } from '../../../test-support/test-parser-pool';
import { createMainHandlers } from '../../create-main-handlers';
import { AppEventQueue } from '../app-event-queue';

const seedsDir = join(import.meta.dirname, '../../../../../seeds');
const logger = collectingLogger();

describe('files opened with Margin, over the IPC path', () => {
  let dataDir: string;
  let cleanup: () => Promise<void>;
  let library: Library;
  let handlers: ChannelHandlers;
  const parser = createTestParserPool();
  const events = new AppEventQueue();
  const call = (channel: string, payload?: unknown) =>
    invokeChannel(handlers, channel, payload, logger);

  beforeAll(async () => {
    ({ dir: dataDir, cleanup } = await createTempDataDir());
    library = await openLibrary(join(dataDir, 'library'), { logger });
    handlers = createMainHandlers({
      library,
      seedsDir,
      parser,
      dialogs: chosenPathsDialogs(),
      appEvents: events,
      logger,
    });
  });
  afterAll(async () => {
    await library.close();
    await parser.close();
    await cleanup();
  });

  it('reach the page as tokens it imports like files from the open dialog', async () => {
    const path = join(dataDir, 'Marktbericht.md');
    await writeFile(
      path,
      '# Marktbericht\n\nDie Aktie stieg um 4 Prozent nach den Quartalszahlen.',
    );
    const poll = call('app:nextEvents', { after: 0 });
    events.push({ kind: 'openFiles', paths: [path] });
    const batch = valueOf<AppEventBatch>(await poll);
    expect(batch.through).toBe(1);
    const [event] = batch.events;
    expect(event?.kind).toBe('openFiles');
    if (event?.kind !== 'openFiles') return;
    // The page sees a name and a token, never the path.
    expect(event.files).toEqual([
      { token: expect.any(String), name: 'Marktbericht.md', size: expect.any(Number) },
    ]);
    expect(JSON.stringify(event)).not.toContain(dataDir);
    const added = valueOf<ArticleAdded>(
      await call('import:file', { token: event.files[0]!.token, requestId: randomUUID() }),
    );
    expect(added.article.title).toBe('Marktbericht');
  });

  it('pass menu commands through as they are', async () => {
    events.push({ kind: 'showAbout' });
    events.push({ kind: 'reportProblem' });
    expect(valueOf<AppEventBatch>(await call('app:nextEvents', { after: 1 }))).toEqual({
      events: [{ kind: 'showAbout' }, { kind: 'reportProblem' }],
      through: 3,
    });
  });

  it('refuse a payload: the page cannot push events or name files', async () => {
    for (const payload of [
      { paths: ['/etc/passwd'] },
      { after: -1 },
      { after: 'all' },
      undefined,
    ]) {
      const result = await call('app:nextEvents', payload);
      expect(result).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    }
  });
});
