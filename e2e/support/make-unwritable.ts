import { execFile } from 'node:child_process';
import { chmod, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';

/**
 * A real fault, no mocks: folders made unwritable (the data folder, a memo's folder). Not root:
 * read-only permissions. Root ignores those, so `chattr +i` (immutable, which binds root
 * too) where the file system and the container allow it. Returns the undo, or why not.
 */
export async function makeUnwritable(dirs: string[]): Promise<(() => Promise<void>) | string> {
  const run = promisify(execFile);
  const root = process.getuid?.() === 0;
  const undo = async () => {
    for (const dir of dirs) {
      if (root) await run('chattr', ['-i', dir]).catch(() => undefined);
      else await chmod(dir, 0o700);
    }
  };
  try {
    for (const dir of dirs) {
      if (root) await run('chattr', ['+i', dir]);
      else await chmod(dir, 0o500);
    }
  } catch (error) {
    await undo();
    return `cannot make a folder unwritable here (${(error as Error).message.split('\n')[0]})`;
  }
  try {
    await writeFile(join(dirs[0]!, 'probe.tmp'), 'x');
  } catch {
    return undo;
  }
  await rm(join(dirs[0]!, 'probe.tmp'), { force: true });
  await undo();
  return 'the folder stays writable after chattr/chmod on this file system';
}
