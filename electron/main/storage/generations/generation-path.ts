import { join } from 'node:path';
import type { GenerationFile } from '../../../../shared/domain/durability';
import { EntityId } from '../../../../shared/domain/primitives';
import { joinInside } from '../../security/confine-path';
import { fileStamp } from '../file-stamp';

/** Where rolling copies live: `backups/rolling/` in the data folder. */
export const ROLLING_FOLDER = ['backups', 'rolling'] as const;

/** A copy's file name is its time, so names sort by age: `2026-11-26T09-30-05-123Z-000.json`. */
const COPY_NAME = /^(\d{4}-\d{2}-\d{2})T(\d{2})-(\d{2})-(\d{2})-(\d{3})Z-(\d+)\.json$/;

/** The folder holding the rolling copies of one store file. */
export function generationFolder(dataDir: string, file: GenerationFile): string {
  const root = join(dataDir, ...ROLLING_FOLDER);
  switch (file.kind) {
    case 'library':
      return join(root, 'library');
    case 'memo':
      return joinInside(root, 'memos', file.memoId);
    case 'annotations':
      return joinInside(root, 'annotations', file.articleId);
  }
}

/** The store file a rolling copy is of, relative to the data folder (for messages). */
export function storeFileOf(file: GenerationFile): string {
  switch (file.kind) {
    case 'library':
      return 'library.json';
    case 'memo':
      return `memos/${file.memoId}/memo.json`;
    case 'annotations':
      return `articles/${file.articleId}/annotations.json`;
  }
}

/**
 * A copy's name for a time; `n` (0–999, padded so names sort) keeps two copies taken in
 * one millisecond apart.
 */
export function copyName(at: Date, n: number): string {
  return `${fileStamp(at)}-${String(n).padStart(3, '0')}.json`;
}

/** The time a copy's name holds, or null for a name that is not a copy's. */
export function timeOfCopy(name: string): string | null {
  const match = COPY_NAME.exec(name);
  if (!match) return null;
  const [, day, h, m, s, ms] = match;
  return `${day}T${h}:${m}:${s}.${ms}Z`;
}

/**
 * The page names a copy by an id, never a path: `library.<copy>`, `memo.<memoId>.<copy>`,
 * `annotations.<articleId>.<copy>`, where `<copy>` is the copy's name without `.json`.
 */
export function generationId(file: GenerationFile, name: string): string {
  const copy = name.replace(/\.json$/, '');
  switch (file.kind) {
    case 'library':
      return `library.${copy}`;
    case 'memo':
      return `memo.${file.memoId}.${copy}`;
    case 'annotations':
      return `annotations.${file.articleId}.${copy}`;
  }
}

/** The file and copy name an id stands for, or null when it names no copy. */
export function parseGenerationId(id: string): { file: GenerationFile; name: string } | null {
  const parts = id.split('.');
  const [kind] = parts;
  const named = (file: GenerationFile, copy: string | undefined) => {
    const name = `${copy ?? ''}.json`;
    return timeOfCopy(name) ? { file, name } : null;
  };
  if (kind === 'library' && parts.length === 2) return named({ kind: 'library' }, parts[1]);
  if ((kind === 'memo' || kind === 'annotations') && parts.length === 3) {
    const owner = parts[1] ?? '';
    if (!EntityId.safeParse(owner).success) return null;
    return named(kind === 'memo' ? { kind, memoId: owner } : { kind, articleId: owner }, parts[2]);
  }
  return null;
}
