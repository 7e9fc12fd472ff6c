import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createMainHandlers } from '../../features/create-main-handlers';
import { AppError } from '../../errors/app-error';
import { openLibrary, type Library } from '../../storage/open-library';
import { collectingLogger } from '../../test-support/collecting-logger';
import { snapshotFolder } from '../../test-support/folder-snapshot';
import { createTempDataDir } from '../../test-support/temp-data-dir';
import type { ChannelHandlers } from '../channel-handlers';
import { invokeChannel } from '../invoke-channel';
import { chosenPathsDialogs } from '../../test-support/chosen-paths-dialogs';
import { createTestParserPool } from '../../test-support/test-parser-pool';

const seedsDir = join(import.meta.dirname, '../../../../seeds');

describe('invokeChannel', () => {
  let dataDir: string;
  let cleanup: () => Promise<void>;
  let library: Library;
  let handlers: ChannelHandlers;
  const logger = collectingLogger();

  let parser: ReturnType<typeof createTestParserPool>;
  beforeEach(async () => {
    parser = createTestParserPool();
    ({ dir: dataDir, cleanup } = await createTempDataDir());
    library = await openLibrary(dataDir, { logger });
    handlers = createMainHandlers({ library, seedsDir, parser, dialogs: chosenPathsDialogs() });
    // Something on disk worth protecting.
    await invokeChannel(
      handlers,
      'articles:create',
      { text: 'Erster Artikel.\nZweiter Absatz.' },
      logger,
    );
  });
  afterEach(async () => {
    await library.close();
    await parser.close();
    await cleanup();
  });

  const malformed: [string, unknown, unknown][] = [
    ['articles:create', 'without an object', 'just a string'],
    ['articles:create', 'without text', { title: 'No text' }],
    ['articles:create', 'with text of the wrong type', { text: 42 }],
    ['articles:create', 'with a malformed date', { text: 'x', publishedAt: '2026-13-45' }],
    ['articles:create', 'with text over the size limit', { text: 'x'.repeat(5_000_001) }],
    [
      'articles:create',
      'with a prototype-polluting payload',
      JSON.parse('{"text":"ok","publishedAt":1,"__proto__":{"polluted":true}}'),
    ],
    ['articles:get', 'with a path instead of an id', { id: '../../etc/passwd' }],
    ['articles:get', 'without an id', {}],
    ['articles:list', 'with an unexpected payload', { all: true }],
    ['samples:import', 'with a path as sample id', { sampleId: '../package' }],
    ['library:status', 'with an array payload', []],
  ];

  it.each(malformed)(
    'refuses %s %s with INVALID_INPUT and writes nothing',
    async (channel, _how, payload) => {
      const before = await snapshotFolder(dataDir);
      const result = await invokeChannel(handlers, channel, payload, logger);
      expect(result).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
      expect(await snapshotFolder(dataDir)).toEqual(before);
    },
  );

  it('is not polluted by a __proto__ key in a payload', async () => {
    const payload = JSON.parse('{"text":"Sauber.","__proto__":{"polluted":true}}');
    const result = await invokeChannel(handlers, 'articles:create', payload, logger);
    expect(result).toMatchObject({ ok: true });
    expect(({} as { polluted?: boolean }).polluted).toBeUndefined();
  });

  it('refuses a channel that is not in the contract', async () => {
    const before = await snapshotFolder(dataDir);
    const result = await invokeChannel(handlers, 'fs:readFile', { path: '/etc/passwd' }, logger);
    expect(result).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    expect(await snapshotFolder(dataDir)).toEqual(before);
  });

  it("passes an AppError's code and message to the analyst", async () => {
    const result = await invokeChannel(
      {
        ...handlers,
        'articles:list': async () => Promise.reject(new AppError('NOT_FOUND', 'Gone.')),
      },
      'articles:list',
      undefined,
      logger,
    );
    expect(result).toEqual({ ok: false, error: { code: 'NOT_FOUND', message: 'Gone.' } });
  });

  it('reports an unexpected error as INTERNAL without its message, stack or paths', async () => {
    const result = await invokeChannel(
      {
        ...handlers,
        'articles:list': async () => {
          throw new Error(`ENOENT: open '${dataDir}/secret'`);
        },
      },
      'articles:list',
      undefined,
      logger,
    );
    expect(result).toMatchObject({ ok: false, error: { code: 'INTERNAL' } });
    const message = (result as { error: { message: string } }).error.message;
    expect(message).not.toContain(dataDir);
    expect(message).not.toMatch(/ENOENT|at .*\.ts/);
    expect(logger.lines.join('\n')).toContain('Unexpected error on articles:list');
  });

  it('refuses to return a value that breaks the output contract', async () => {
    const result = await invokeChannel(
      { ...handlers, 'articles:list': async () => [{ id: 'not-a-summary' }] as never },
      'articles:list',
      undefined,
      logger,
    );
    expect(result).toMatchObject({ ok: false, error: { code: 'INTERNAL' } });
  });
});
