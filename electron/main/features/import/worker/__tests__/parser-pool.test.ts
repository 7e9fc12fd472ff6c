import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { AppError } from '../../../../errors/app-error';
import { collectingLogger } from '../../../../test-support/collecting-logger';
import { importWorkerFile } from '../../../../test-support/import-worker-file';
import { rejectionOf } from '../../../../test-support/rejection-of';
import { makeLongReportPdf } from '../../__tests__/fixtures/make-pdf';
import type { ParseRequest } from '../../parse-request';
import { createParserPool, type ParserPool } from '../parser-pool';

const text = (body: string): ParseRequest => ({
  kind: 'bytes',
  format: 'txt',
  bytes: new TextEncoder().encode(body),
});

const failure = (promise: Promise<unknown>) => rejectionOf(promise, AppError);

describe('the parser pool (real worker threads)', () => {
  const pools: ParserPool[] = [];
  const pool = (options: Partial<Parameters<typeof createParserPool>[0]> = {}) => {
    const created = createParserPool({
      workerFile: importWorkerFile,
      logger: collectingLogger(),
      size: 1,
      ...options,
    });
    pools.push(created);
    return created;
  };
  afterEach(async () => {
    for (const p of pools.splice(0)) await p.close();
  });

  it('parses in a worker and hands the bytes over without touching the caller’s copy', async () => {
    const request = text('Erster Absatz.\n\nZweiter Absatz.');
    const document = await pool().parse(request);
    expect(document.text).toBe('Erster Absatz.\n\nZweiter Absatz.');
    expect(request.kind === 'bytes' && request.bytes.byteLength).toBeGreaterThan(0);
  });

  it('cancels a running parse by replacing its thread, then keeps working', async () => {
    const parser = pool();
    const { bytes } = await makeLongReportPdf();
    const controller = new AbortController();
    const running = parser.parse({ kind: 'bytes', format: 'pdf', bytes }, controller.signal);
    const queued = parser.parse(text('Wartet.'), controller.signal);
    setTimeout(() => controller.abort(), 20);
    const [runningError, queuedError] = await Promise.all([failure(running), failure(queued)]);
    expect(runningError.code).toBe('CANCELLED');
    expect(queuedError.code).toBe('CANCELLED');
    expect((await parser.parse(text('Danach.'))).text).toBe('Danach.');
  });

  it('stops a parse that takes too long and says so', async () => {
    const { bytes } = await makeLongReportPdf();
    const error = await failure(
      pool({ timeoutMs: 1 }).parse({ kind: 'bytes', format: 'pdf', bytes }),
    );
    expect(error.code).toBe('DAMAGED_FILE');
    expect(error.message).toBe('reading the file took longer than 1 s; it may be damaged');
  });

  it('blames Margin, not the file, when the worker cannot start', async () => {
    const error = await failure(
      pool({ workerFile: join(import.meta.dirname, 'no-such-worker.mjs') }).parse(text('x')),
    );
    expect(error.code).toBe('INTERNAL');
    expect(error.message).toMatch(/file reader could not start/);
  });
});
