import type { Highlight } from '../../../../shared/domain/highlight';

/**
 * The highlight versions main has handed out this session (created, replaced, deleted),
 * so that undo restores a version main itself stored: the page names one by id and
 * `updatedAt`, and never supplies the words. Bounded: undo reaches back 1,000 versions.
 */
export function highlightVersions(capacity = 1000) {
  const versions = new Map<string, Highlight>();
  const key = (id: string, updatedAt: string) => `${id}@${updatedAt}`;
  return {
    remember(...highlights: Highlight[]): void {
      for (const h of highlights) {
        const k = key(h.id, h.updatedAt);
        versions.delete(k);
        versions.set(k, h);
      }
      while (versions.size > capacity) versions.delete(versions.keys().next().value!);
    },
    find(id: string, updatedAt: string): Highlight | undefined {
      return versions.get(key(id, updatedAt));
    },
  };
}
