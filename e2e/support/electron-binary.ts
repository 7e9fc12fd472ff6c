import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { repoRoot } from './paths';

/**
 * The installed Electron executable, or null. Read from the files `npm install electron`
 * leaves, never through `require('electron')`, which would try to download the binary.
 */
export function findElectronBinary(): string | null {
  const dir = join(repoRoot, 'node_modules/electron');
  const pathFile = join(dir, 'path.txt');
  if (!existsSync(pathFile)) return null;
  const binary = join(dir, 'dist', readFileSync(pathFile, 'utf8').trim());
  return existsSync(binary) ? binary : null;
}

export const ELECTRON_SKIP_REASON =
  'no Electron binary is installed (node_modules/electron/dist is missing); the app project runs the same journeys in Chromium.';
