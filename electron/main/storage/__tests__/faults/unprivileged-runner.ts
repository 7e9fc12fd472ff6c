import { execFileSync } from 'node:child_process';

/** How to run a command as `nobody`, or why this machine cannot. */
export type UnprivilegedRunner =
  { prefix: string[]; uid: number; gid: number; reason?: undefined } | { reason: string };

function idOf(flag: '-u' | '-g'): number {
  try {
    return Number(execFileSync('id', [flag, 'nobody'], { encoding: 'utf8' }).trim());
  } catch {
    return 65534;
  }
}

/**
 * Finds a way to drop from root to `nobody` (setpriv, else runuser) and checks that Node
 * really runs there as that user. Root ignores file permissions, so a test of a folder it
 * may not write needs a process that is not root.
 */
export function findUnprivilegedRunner(): UnprivilegedRunner {
  if (process.platform === 'win32') return { reason: 'file modes do not apply on Windows' };
  if (process.getuid?.() !== 0) {
    return { reason: 'the tests do not run as root, so they cannot switch to another user' };
  }
  const uid = idOf('-u');
  const gid = idOf('-g');
  const candidates = [
    ['setpriv', `--reuid=${uid}`, `--regid=${gid}`, '--clear-groups'],
    ['runuser', '-u', 'nobody', '--'],
  ];
  const failures: string[] = [];
  for (const prefix of candidates) {
    try {
      const [file, ...args] = [...prefix, process.execPath, '-p', 'process.getuid()'];
      const seen = execFileSync(file!, args, { encoding: 'utf8', stdio: 'pipe' }).trim();
      if (Number(seen) === uid) return { prefix, uid, gid };
      failures.push(`${prefix[0]} ran Node as uid ${seen}`);
    } catch (error) {
      failures.push(`${prefix[0]}: ${(error as Error).message.split('\n')[0]}`);
    }
  }
  return { reason: `cannot run Node as nobody (${failures.join('; ')})` };
}
