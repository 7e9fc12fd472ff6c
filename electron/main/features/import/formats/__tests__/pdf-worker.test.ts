// Alone in its file, so this is the first PDF that pdf.js opens in this process: pdf.js
// decides between a real Worker and its in-thread "fake worker" on the first document.
// @ts-expect-error -- pdfjs-dist ships no types for its worker module.
import * as pdfjsWorker from 'pdfjs-dist/legacy/build/pdf.worker.mjs';
import { afterEach, describe, expect, it } from 'vitest';
import { MIXED_TEXT, makeMixedPdf } from '../../__tests__/fixtures/make-pdf';
import { parsePdf } from '../parse-pdf';

const scope = globalThis as {
  Worker?: unknown;
  pdfjsWorker?: { WorkerMessageHandler?: unknown };
};

describe('parsePdf and the pdf.js worker', () => {
  const original = scope.Worker;
  afterEach(() => {
    scope.Worker = original;
  });

  it('runs pdf.js in this thread from the statically imported worker module', async () => {
    const spawned: unknown[] = [];
    // A Worker global that records every attempt: pdf.js must not try one.
    scope.Worker = class {
      constructor(...args: unknown[]) {
        spawned.push(args);
        throw new Error('no real worker may be spawned');
      }
    };

    const doc = await parsePdf(await makeMixedPdf(), {});

    expect(doc.text).toBe(MIXED_TEXT);
    expect(spawned).toEqual([]);
    const { WorkerMessageHandler } = pdfjsWorker as { WorkerMessageHandler: unknown };
    expect(scope.pdfjsWorker?.WorkerMessageHandler).toBe(WorkerMessageHandler);
  });
});
