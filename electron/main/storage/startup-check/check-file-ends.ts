import { open } from 'node:fs/promises';
import { StoreFileError } from '../store-file-spec';

/** Bytes read at each end of the file. */
const END_BYTES = 64;

/**
 * A quick look at a large store file that is written once and read in full only when it
 * is opened (an article's text): its two ends show what a crash, a lost write or another
 * program leaves behind (nothing, zeros, a cut-off end, a byte-order mark) without reading
 * and parsing megabytes at every start. Throws StoreFileError like a full read would.
 */
export async function checkFileEnds(path: string): Promise<void> {
  let handle;
  try {
    handle = await open(path, 'r');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') {
      throw new StoreFileError('corrupt', 'the file is missing', undefined, true);
    }
    throw error;
  }
  try {
    const { size } = await handle.stat();
    if (size === 0) throw new StoreFileError('corrupt', 'it is empty');
    const head = Buffer.alloc(Math.min(END_BYTES, size));
    const tail = Buffer.alloc(Math.min(END_BYTES, size));
    await handle.read(head, 0, head.length, 0);
    await handle.read(tail, 0, tail.length, size - tail.length);
    if (head.includes(0) || tail.includes(0)) {
      throw new StoreFileError(
        'corrupt',
        'it contains NUL bytes (typical of a write cut off by a crash)',
      );
    }
    if (head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf) {
      throw new StoreFileError(
        'corrupt',
        'it starts with a byte-order mark, so another program rewrote it',
      );
    }
    const start = head.toString('latin1').trimStart();
    const end = tail.toString('latin1').trimEnd();
    if (!start.startsWith('{') || !end.endsWith('}')) {
      throw new StoreFileError('corrupt', 'it is not complete JSON (it may have been cut off)');
    }
  } finally {
    await handle.close();
  }
}
