import { randomUUID } from 'node:crypto';
import type { Low } from 'lowdb';
import { TagName, type Tag } from '../../../shared/domain/codebook';
import { splitTagPath, tagPath } from '../../../shared/domain/tag-path';
import { AppError } from '../errors/app-error';
import { describeWriteFailure } from './describe-write-failure';
import type { serialQueue } from './serial-queue';
import type { StoreContext } from './store-context';
import type { LibraryFile } from './store-files';

export interface CodebookRepo {
  list(): readonly Tag[];
  /** The id of each path (`Risk › Regulatory`), creating missing levels; one write. */
  ensure(paths: readonly string[]): Promise<{ codebook: Tag[]; ids: string[] }>;
  /** Renames one level; every highlight shows the new name at once (they hold ids). */
  rename(id: string, name: string): Promise<Tag[]>;
  /**
   * Merges `fromId` into `intoId`: children move along (same-named children merge too),
   * `retag` rewrites the highlights first, then the merged tags leave the codebook.
   */
  merge(
    fromId: string,
    intoId: string,
    retag: (pairs: ReadonlyArray<readonly [from: string, into: string]>) => Promise<number>,
  ): Promise<{ codebook: Tag[]; highlightsChanged: number }>;
}

interface CodebookRepoDeps extends Pick<StoreContext, 'assertWritable' | 'now'> {
  index: Low<LibraryFile>;
  indexWrites: ReturnType<typeof serialQueue>;
}

const sameName = (a: string, b: string) =>
  a.localeCompare(b, undefined, { sensitivity: 'accent' }) === 0;

/** The codebook lives in `library.json`: small, and written through the index's queue. */
export function createCodebookRepo({
  index,
  indexWrites,
  assertWritable,
  now,
}: CodebookRepoDeps): CodebookRepo {
  const tags = () => index.data.codebook;
  const childNamed = (list: readonly Tag[], parentId: string | null, name: string) =>
    list.find((t) => t.parentId === parentId && sameName(t.name, name));
  const find = (id: string) => {
    const tag = tags().find((t) => t.id === id);
    if (!tag) throw new AppError('NOT_FOUND', 'This tag is no longer in the codebook.');
    return tag;
  };

  async function commit(next: Tag[]): Promise<Tag[]> {
    const before = index.data.codebook;
    index.data.codebook = next;
    try {
      await index.write();
    } catch (error) {
      index.data.codebook = before;
      throw describeWriteFailure('the codebook', error);
    }
    return next;
  }

  function parseName(name: string): string {
    const parsed = TagName.safeParse(name);
    if (!parsed.success) {
      throw new AppError(
        'INVALID_INPUT',
        `"${name}" is not a tag name: ${parsed.error.issues[0]!.message}.`,
      );
    }
    return parsed.data;
  }

  return {
    list: tags,

    ensure: async (paths) => {
      assertWritable();
      return indexWrites(async () => {
        const next = [...tags()];
        const createdAt = now().toISOString();
        const ids = paths.map((path) => {
          const names = splitTagPath(path).map(parseName);
          if (names.length === 0) throw new AppError('INVALID_INPUT', 'A tag needs a name.');
          let parentId: string | null = null;
          for (const name of names) {
            let tag = childNamed(next, parentId, name);
            if (!tag) {
              tag = { id: randomUUID(), name, parentId, createdAt };
              next.push(tag);
            }
            parentId = tag.id;
          }
          return parentId!;
        });
        const codebook = next.length === tags().length ? tags() : await commit(next);
        return { codebook: [...codebook], ids };
      });
    },

    rename: async (id, name) => {
      assertWritable();
      return indexWrites(async () => {
        const tag = find(id);
        const newName = parseName(name);
        const clash = childNamed(tags(), tag.parentId, newName);
        if (clash && clash.id !== id) {
          throw new AppError(
            'CONFLICT',
            `The codebook already has a tag "${tagPath(tags(), clash.id)}". Merge the two tags instead.`,
          );
        }
        return [...(await commit(tags().map((t) => (t.id === id ? { ...t, name: newName } : t))))];
      });
    },

    merge: async (fromId, intoId, retag) => {
      assertWritable();
      return indexWrites(async () => {
        const from = find(fromId);
        find(intoId);
        for (
          let t: Tag | undefined = find(intoId);
          t;
          t = t.parentId ? find(t.parentId) : undefined
        ) {
          if (t.id === from.id) {
            throw new AppError(
              'INVALID_INPUT',
              `"${from.name}" cannot be merged into a tag inside it.`,
            );
          }
        }
        // The tags that leave with `from` can never be the twin a child merges into.
        const leaving = new Set([fromId]);
        for (let grew = true; grew;) {
          grew = false;
          for (const t of tags()) {
            if (t.parentId && leaving.has(t.parentId) && !leaving.has(t.id)) {
              leaving.add(t.id);
              grew = true;
            }
          }
        }
        // Same-named children merge into each other; the others move under the target.
        const pairs: Array<readonly [string, string]> = [];
        const moved = new Map<string, string>();
        const mergeLevel = (source: string, target: string) => {
          pairs.push([source, target]);
          for (const child of tags().filter((t) => t.parentId === source)) {
            const twin = childNamed(
              tags().filter((t) => !leaving.has(t.id)),
              target,
              child.name,
            );
            if (twin) mergeLevel(child.id, twin.id);
            else moved.set(child.id, target);
          }
        };
        mergeLevel(fromId, intoId);
        const retagged = await retag(pairs);
        const merged = new Set(pairs.map(([source]) => source));
        const codebook = await commit(
          tags()
            .filter((t) => !merged.has(t.id))
            .map((t) => (moved.has(t.id) ? { ...t, parentId: moved.get(t.id)! } : t)),
        );
        // A highlight saved with a merged tag while the first pass ran is caught now: from
        // here on the merged tags are gone and no save can name them.
        const late = await retag(pairs);
        return { codebook: [...codebook], highlightsChanged: retagged + late };
      });
    },
  };
}
