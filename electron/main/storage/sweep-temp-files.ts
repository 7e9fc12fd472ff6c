import { readFile, rename, rm, stat } from 'node:fs/promises';
import { join, relative } from 'node:path';
import type { StoreNotice } from '../../../shared/domain/library-status';
import { hardenRename, TEMP_FILE_PATTERN } from './durable-write';
import { namesInFolder } from './names-in-folder';
import { fileStamp } from './file-stamp';

/** `.<name>.<pid>.<random>.tmp` → name and pid. */
const TEMP_PARTS = /^\.(.+)\.(\d+)\.[0-9a-f]{8}\.tmp$/;

/** A temp file holding a complete store object: a save whose rename never happened. */
async function isCompleteStoreFile(path: string): Promise<boolean> {
  try {
    const value: unknown = JSON.parse(await readFile(path, 'utf8'));
    return typeof value === 'object' && value !== null && 'schemaVersion' in value;
  } catch {
    return false;
  }
}

async function mtimeOf(path: string): Promise<number | null> {
  return stat(path).then(
    (s) => s.mtimeMs,
    () => null,
  );
}

/**
 * Clears what interrupted writes left in `dir`: temp files of this library's durable
 * writes. Their target still holds the last save that completed (the rename is the
 * commit), so a temp file is never the only copy of anything acknowledged. One that holds
 * a complete store object newer than its target is a save cut off just before its rename:
 * it is kept beside the file as `<name>.interrupted-<time>` and the analyst is told; the
 * rest are removed. Temp files of this process (writes under way) are left alone.
 */
export async function sweepTempFiles(
  dir: string,
  dataDir: string,
  report: (notice: StoreNotice) => void,
  now: Date,
  {
    keepCutOffSaves = true,
  }: {
    /** False for copies Margin makes of its own files (rolling copies): nothing to keep. */
    keepCutOffSaves?: boolean;
  } = {},
): Promise<void> {
  for (const name of await namesInFolder(dir)) {
    if (!TEMP_FILE_PATTERN.test(name)) continue;
    const [, target = '', pid] = TEMP_PARTS.exec(name) ?? [];
    if (Number(pid) === process.pid) continue;
    const temp = join(dir, name);
    const targetPath = join(dir, target);
    const [tempTime, targetTime] = await Promise.all([mtimeOf(temp), mtimeOf(targetPath)]);
    const cutOff =
      keepCutOffSaves &&
      tempTime !== null &&
      (targetTime === null || tempTime > targetTime) &&
      (await isCompleteStoreFile(temp));
    if (!cutOff) {
      await rm(temp, { force: true });
      continue;
    }
    const kept = join(dir, `${target}.interrupted-${fileStamp(now)}`);
    await rename(temp, kept);
    await hardenRename(dir);
    report({
      title: `A save of ${relative(dataDir, targetPath)} was cut off`,
      file: relative(dataDir, targetPath),
      setAsideAs: relative(dataDir, kept),
      reason: 'Margin stopped while saving it, before the save completed',
      outcome:
        'The file holds the last save that completed, as Margin acknowledged it; the unfinished save is kept beside it in case it holds something you need.',
    });
  }
}
