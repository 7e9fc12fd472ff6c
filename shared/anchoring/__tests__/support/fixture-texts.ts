import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const TEXTS = join(import.meta.dirname, '..', 'fixtures', 'texts');

/** The real article texts (canonical: NFC, no trailing newline), by file name. */
export function fixtureTexts(): { name: string; text: string }[] {
  return readdirSync(TEXTS)
    .filter((name) => name.endsWith('.txt'))
    .sort()
    .map((name) => ({ name, text: readFileSync(join(TEXTS, name), 'utf8').replace(/\n+$/, '') }));
}
