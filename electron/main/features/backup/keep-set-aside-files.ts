import { copyFile, mkdir, readdir } from 'node:fs/promises';
import { dirname, join, relative } from 'node:path';

/**
 * Files Margin keeps beside a store file and no backup holds: a damaged file set aside
 * (`.corrupt-`), its own version of a file another program changed (`.conflict-`), and a
 * save cut off before its rename (`.interrupted-`).
 */
const SET_ASIDE = /\.(corrupt|conflict|interrupted)-[^/\\]+$/;

/**
 * Copies the damaged files the library set aside inside its article and memo folders
 * (not store files, so no backup holds them) to `into`, keeping their paths: a restore
 * replaces those folders, and these may be the only copy of something the analyst wrote.
 * Returns how many it kept.
 */
export async function keepSetAsideFiles(dataDir: string, into: string): Promise<number> {
  let kept = 0;
  for (const top of ['articles', 'memos']) {
    const entries = await readdir(join(dataDir, top), {
      recursive: true,
      withFileTypes: true,
    }).catch(() => []);
    for (const entry of entries) {
      if (!entry.isFile() || !SET_ASIDE.test(entry.name)) continue;
      const from = join(entry.parentPath, entry.name);
      const to = join(into, relative(dataDir, from));
      await mkdir(dirname(to), { recursive: true, mode: 0o700 });
      await copyFile(from, to);
      kept++;
    }
  }
  return kept;
}
