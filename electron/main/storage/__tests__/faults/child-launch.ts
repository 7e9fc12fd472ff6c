import type { ChildLaunch } from './start-library-child';

export interface ChildLaunchOptions {
  /**
   * bash sets `ulimit -f` (in KiB) first: no file may grow past it, and a write that would
   * fails with EFBIG (Node ignores SIGXFSZ), as a write on a full disk fails with ENOSPC.
   */
  fileSizeLimitKiB?: number;
  /** A command prefix that runs the child as another user (setpriv, runuser). */
  asUser?: readonly string[];
}

/** How to start the bundled library child (see bundle-library-child.ts). */
export function childLaunch(
  bundle: string,
  { fileSizeLimitKiB, asUser }: ChildLaunchOptions = {},
): ChildLaunch {
  const node = [...(asUser ?? []), process.execPath, bundle];
  // Another user gets a plain environment: nothing that points into this user's files.
  const env = asUser ? { PATH: process.env.PATH, LANG: 'C.UTF-8' } : process.env;
  if (fileSizeLimitKiB === undefined) return { command: node, env };
  return {
    command: ['bash', '-c', `ulimit -f ${fileSizeLimitKiB} && exec "$0" "$@"`, ...node],
    env,
  };
}
