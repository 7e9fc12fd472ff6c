import { stat } from 'node:fs/promises';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * The files a launch asks Margin to open: on Windows and Linux the OS passes them as
 * arguments ("Open with Margin", a double-click, `margin report.pdf`), to the first
 * instance or, through `second-instance`, with the working directory of the new launch.
 * Linux file managers may pass `file://` URLs (a desktop file's `%U`). Switches (Chromium
 * adds its own) and anything that is not an existing file are skipped.
 */
export async function filesFromArgv(
  argv: readonly string[],
  { cwd, defaultApp }: { cwd: string; defaultApp: boolean },
): Promise<string[]> {
  // argv[0] is the executable; an unpackaged run (`electron .`) has the app's path next.
  const args = argv.slice(defaultApp ? 2 : 1).filter((arg) => arg && !arg.startsWith('-'));
  const files: string[] = [];
  for (const arg of args) {
    const path = resolve(cwd, asPath(arg));
    const info = await stat(path).catch(() => null);
    if (info?.isFile() && !files.includes(path)) files.push(path);
  }
  return files;
}

/** A `file://` URL as a path; any other argument as it is. */
function asPath(arg: string): string {
  if (!/^file:/i.test(arg)) return arg;
  try {
    return fileURLToPath(arg);
  } catch {
    return arg; // not a local file URL (file://server/…): stat will not find it
  }
}
