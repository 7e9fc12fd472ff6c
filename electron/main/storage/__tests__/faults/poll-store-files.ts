import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';

export interface PollResult {
  /** Reads per file. */
  reads: Record<string, number>;
  /** Different contents seen per file: how many writes the reader raced. */
  versions: Record<string, number>;
  /** Every read that was not a whole JSON document (or not there at all). */
  torn: { path: string; bytes: number; error: string }[];
}

/**
 * Reads each file again and again for `ms`, as another program (a backup tool, a sync
 * client, a second Margin) would, and parses every read: a writer that replaces files
 * by rename is only ever seen whole, old or new; one that writes in place is caught
 * half-way sooner or later.
 */
export async function pollStoreFiles(paths: readonly string[], ms: number): Promise<PollResult> {
  const until = Date.now() + ms;
  const result: PollResult = { reads: {}, versions: {}, torn: [] };
  await Promise.all(
    paths.map(async (path) => {
      const seen = new Set<string>();
      let reads = 0;
      while (Date.now() < until) {
        reads++;
        let bytes: Buffer;
        try {
          bytes = await readFile(path);
        } catch (error) {
          result.torn.push({ path, bytes: -1, error: String(error) });
          continue;
        }
        try {
          JSON.parse(bytes.toString('utf8'));
        } catch (error) {
          result.torn.push({ path, bytes: bytes.length, error: String(error) });
        }
        seen.add(createHash('sha1').update(bytes).digest('hex'));
      }
      result.reads[path] = reads;
      result.versions[path] = seen.size;
    }),
  );
  return result;
}
