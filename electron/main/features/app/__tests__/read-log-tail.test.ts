import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTempDataDir } from '../../../test-support/temp-data-dir';
import { readLogTail } from '../read-log-tail';

describe('readLogTail', () => {
  let dir: string;
  let cleanup: () => Promise<void>;
  beforeEach(async () => ({ dir, cleanup } = await createTempDataDir('margin-log-')));
  afterEach(() => cleanup());

  const numbered = (n: number) => Array.from({ length: n }, (_, i) => `line ${i + 1}`);

  it('gives the last lines, without the final newline’s empty one', async () => {
    const file = join(dir, 'main.log');
    await writeFile(file, `${numbered(150).join('\r\n')}\r\n`);
    const tail = await readLogTail(file, { maxLines: 100 });
    expect(tail).toEqual({ state: 'read', lines: numbered(150).slice(50) });
  });

  it('gives every line of a short log, and none of an empty one', async () => {
    const file = join(dir, 'main.log');
    await writeFile(file, 'only line');
    expect(await readLogTail(file)).toEqual({ state: 'read', lines: ['only line'] });
    await writeFile(file, '');
    expect(await readLogTail(file)).toEqual({ state: 'read', lines: [] });
  });

  it('reads only the end of a large log, dropping the line cut where reading began', async () => {
    const file = join(dir, 'main.log');
    await writeFile(file, `${'x'.repeat(5000)}\nsecond\nthird\n`);
    expect(await readLogTail(file, { maxBytes: 100 })).toEqual({
      state: 'read',
      lines: ['second', 'third'],
    });
  });

  it('shortens a very long line', async () => {
    const file = join(dir, 'main.log');
    await writeFile(file, `${'y'.repeat(3000)}\n`);
    const tail = await readLogTail(file);
    expect(tail.state === 'read' && tail.lines[0]).toBe(`${'y'.repeat(2000)}…`);
  });

  it('says when the log is missing or is not a file', async () => {
    expect(await readLogTail(join(dir, 'main.log'))).toEqual({ state: 'missing' });
    expect(await readLogTail(dir)).toEqual({ state: 'unreadable', reason: 'EISDIR' });
  });
});
