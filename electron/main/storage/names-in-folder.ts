import { readdir } from 'node:fs/promises';

/** The names in `dir`, or none when it does not exist (yet): a folder made on first use. */
export async function namesInFolder(dir: string): Promise<string[]> {
  try {
    return await readdir(dir);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw error;
  }
}
