import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';

interface LockedPackage {
  dev?: boolean;
  link?: boolean;
}

/**
 * The folders of every installed package that electron-builder copies into `app.asar`:
 * the production dependency tree as `package-lock.json` records it (`dev` marks the rest).
 * Optional packages for other platforms are in the lockfile but not on disk; they are
 * left out, as they are left out of the package.
 */
export async function productionPackageDirs(projectDir: string): Promise<string[]> {
  const lock = JSON.parse(await readFile(join(projectDir, 'package-lock.json'), 'utf8')) as {
    packages?: Record<string, LockedPackage>;
  };
  return Object.entries(lock.packages ?? {})
    .filter(([path, entry]) => path.includes('node_modules/') && !entry.dev && !entry.link)
    .map(([path]) => join(projectDir, path))
    .filter((dir) => existsSync(join(dir, 'package.json')));
}
