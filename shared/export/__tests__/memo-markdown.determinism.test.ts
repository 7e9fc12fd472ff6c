import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { memoMarkdown } from '../memo-markdown';
import { memoReportInput, type MemoReportInputFile } from './support/memo-report-input';

const FOLDER = join(import.meta.dirname, 'conversion-files', 'memo');
const files = readdirSync(FOLDER)
  .filter((name) => name.endsWith('.input.json'))
  .sort()
  .map((name) => ({ name, text: readFileSync(join(FOLDER, name), 'utf8') }));

/** The same value with every object's keys in reverse order (arrays keep their order). */
function reverseKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(reverseKeys);
  if (value && typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value)
        .reverse()
        .map(([key, child]) => [key, reverseKeys(child)]),
    );
  }
  return value;
}

describe('memo report determinism', () => {
  for (const { name, text } of files) {
    it(`${name}: same input, same bytes`, () => {
      const file = JSON.parse(text) as MemoReportInputFile;
      const first = memoMarkdown(memoReportInput(file));
      expect(memoMarkdown(memoReportInput(JSON.parse(text) as MemoReportInputFile))).toBe(first);
      // Key order and the order of the library's claims and sources do not matter.
      const shuffled = reverseKeys(file) as MemoReportInputFile;
      shuffled.claims.reverse();
      shuffled.sources.reverse();
      expect(memoMarkdown(memoReportInput(shuffled))).toBe(first);
    });
  }

  it('does not change its input', () => {
    const file = JSON.parse(files.find((f) => f.name === 'conviction-log-on.input.json')!.text);
    const before = JSON.stringify(file);
    memoMarkdown(memoReportInput(file as MemoReportInputFile));
    expect(JSON.stringify(file)).toBe(before);
  });
});
