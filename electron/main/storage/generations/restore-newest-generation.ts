import type { GenerationFile } from '../../../../shared/domain/durability';
import { writeFileDurably } from '../durable-write';
import type { StoreFileSpec } from '../store-file-spec';
import type { GenerationStore, ValidGeneration } from './generation-store';

/**
 * Puts the newest valid rolling copy of `file` back at `path` (whose damaged version has
 * been set aside already). Returns the copy, or null when there is none to put back.
 */
export async function restoreNewestGeneration<T extends { schemaVersion: number }>(
  generations: GenerationStore,
  file: GenerationFile,
  spec: StoreFileSpec<T>,
  path: string,
  belongs?: (value: T) => boolean,
): Promise<ValidGeneration<T> | null> {
  const copy = await generations.newestValid(file, spec, belongs);
  if (!copy) return null;
  await writeFileDurably(path, copy.text);
  return copy;
}

/** "09:30:05 UTC on 2026-11-26": when a copy was taken, for the analyst. */
export function copyTime(at: string): string {
  return `${at.slice(11, 19)} UTC on ${at.slice(0, 10)}`;
}
