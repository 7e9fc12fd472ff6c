import { sep } from 'node:path';

/**
 * The folder of the npm package a bundled module comes from, or null for the app's own
 * code. A module id is a file path, perhaps with a query (`?commonjs-proxy`) or a `\0`
 * prefix for virtual modules; the package is the one after the *last* `node_modules`, so
 * nested copies (`a/node_modules/b`) count as the version actually bundled.
 */
export function packageRootOf(moduleId: string): string | null {
  const path = moduleId.replace(/^\0+/, '').replace(/\?.*$/, '').split('/').join(sep);
  const marker = `${sep}node_modules${sep}`;
  const at = path.lastIndexOf(marker);
  if (at < 0) return null;
  const rest = path.slice(at + marker.length).split(sep);
  const nameParts = rest[0]?.startsWith('@') ? rest.slice(0, 2) : rest.slice(0, 1);
  if (nameParts.length === 0 || nameParts.some((part) => !part)) return null;
  return path.slice(0, at + marker.length) + nameParts.join(sep);
}
