import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/** Margin's version as `app.getVersion()` gives it in the app: the package's. */
export function packageVersion(): string {
  const file = join(import.meta.dirname, '../../../package.json');
  return (JSON.parse(readFileSync(file, 'utf8')) as { version: string }).version;
}
