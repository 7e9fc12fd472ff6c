import { realpath } from 'node:fs/promises';
import { dirname, isAbsolute, join, relative, sep } from 'node:path';
import { AppError } from '../errors/app-error';

/**
 * Path confinement: every path main builds from something the page sent (an article or
 * memo id, a backup entry's name) must stay inside the data folder. The schemas already
 * allow only ids and plain names; this is the second wall, so a schema loosened by mistake
 * or a store file edited by hand cannot lead main to read or write elsewhere.
 */

// eslint-disable-next-line no-control-regex
const FORBIDDEN_IN_SEGMENT = /[/\\\u0000-\u001F:<>"|?*]/;
/** Names Windows reserves for devices, and a trailing dot or space it silently drops. */
const WINDOWS_TRAPS = /^(?:con|prn|aux|nul|com\d|lpt\d)(?:\..*)?$|[. ]$/i;

/** Why a path segment is refused, or null when it is a plain name. */
export function unsafeSegmentReason(segment: string): string | null {
  if (segment === '') return 'it is empty';
  if (segment === '.' || segment === '..') return 'it names a parent or the same folder';
  if (segment.startsWith('\\\\') || segment.startsWith('//')) return 'it is a network (UNC) path';
  if (isAbsolute(segment)) return 'it is an absolute path';
  if (FORBIDDEN_IN_SEGMENT.test(segment)) {
    return 'it holds a separator, a drive or stream colon, or a control character';
  }
  if (WINDOWS_TRAPS.test(segment)) return 'Windows reads it as a device or as another name';
  return null;
}

const outside = (what: string, reason: string) =>
  new AppError('FORBIDDEN', `Margin refused a path outside its data folder: ${what} (${reason}).`);

/** True when `path` is `root` itself or lies below it (both already resolved). */
export function isWithin(root: string, path: string): boolean {
  const rel = relative(root, path);
  return rel === '' || (!rel.startsWith(`..${sep}`) && rel !== '..' && !isAbsolute(rel));
}

/**
 * `root` joined with plain name segments; throws FORBIDDEN for `..`, an absolute or UNC
 * path, a separator, a drive letter or a control character in any segment.
 */
export function joinInside(root: string, ...segments: string[]): string {
  for (const segment of segments) {
    const reason = unsafeSegmentReason(segment);
    if (reason) throw outside(JSON.stringify(segment.slice(0, 80)), reason);
  }
  const path = join(root, ...segments);
  if (!isWithin(root, path)) throw outside(JSON.stringify(segments.join('/')), 'it leads out');
  return path;
}

/** The real path of `path`, or of its nearest existing ancestor when it does not exist yet. */
async function realPathOfNearest(path: string): Promise<string> {
  let current = path;
  const missing: string[] = [];
  for (;;) {
    try {
      return join(await realpath(current), ...missing.reverse());
    } catch (error) {
      const parent = dirname(current);
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT' || parent === current) throw error;
      missing.push(current.slice(parent.length).replace(/^[\\/]/, ''));
      current = parent;
    }
  }
}

/**
 * Throws FORBIDDEN unless `path`, with every symbolic link on the way resolved, is inside
 * `root`: a folder in the library replaced by a link to `/etc` is not followed.
 */
export async function assertRealPathInside(root: string, path: string): Promise<void> {
  const [realRoot, realTarget] = await Promise.all([
    realPathOfNearest(root),
    realPathOfNearest(path),
  ]);
  if (!isWithin(realRoot, realTarget)) {
    throw outside(relative(root, path) || path, 'a link on the way leads out of it');
  }
}
