import { execFile } from 'node:child_process';
import { chmod, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);
const repoRoot = join(import.meta.dirname, '../../../../..');
const LIBRARY_CHILD = join(import.meta.dirname, 'library-child.ts');

/**
 * Bundles the library child with every package it uses into one file that any user can
 * read, in a fresh folder under the temp dir. It starts in a fraction of tsx's time, needs
 * no cache (which a file-size limit would break), and a child running as another user
 * needs neither this checkout (which may be private to its owner) nor node_modules.
 */
export async function bundleLibraryChild(): Promise<{
  bundle: string;
  cleanup: () => Promise<void>;
}> {
  const dir = await mkdtemp(join(tmpdir(), 'margin-library-child-'));
  const bundle = join(dir, 'library-child.mjs');
  await run(join(repoRoot, 'node_modules/.bin/esbuild'), [
    LIBRARY_CHILD,
    '--bundle',
    '--platform=node',
    '--format=esm',
    '--target=node20',
    '--log-level=error',
    `--outfile=${bundle}`,
    // Packages published as CommonJS call require(), which an ES module lacks.
    "--banner:js=import { createRequire } from 'node:module'; const require = createRequire(import.meta.url);",
  ]);
  await chmod(dir, 0o755);
  await chmod(bundle, 0o644);
  return { bundle, cleanup: () => rm(dir, { recursive: true, force: true }) };
}
