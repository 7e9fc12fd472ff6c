import { open } from 'node:fs/promises';

/** The end of a log file, or why there is none. */
export type LogTail =
  | { state: 'read'; lines: string[] }
  | { state: 'missing' }
  | { state: 'unreadable'; reason: string };

/** A longer line (a dumped payload) is cut here: the report stays readable. */
const MAX_LINE_LENGTH = 2000;

/**
 * The last `maxLines` lines of a text file, reading at most `maxBytes` from its end (a
 * log can be large). Never throws: a missing or unreadable file says so.
 */
export async function readLogTail(
  file: string,
  { maxLines = 100, maxBytes = 256 * 1024 }: { maxLines?: number; maxBytes?: number } = {},
): Promise<LogTail> {
  let handle;
  try {
    handle = await open(file, 'r');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return { state: 'missing' };
    return { state: 'unreadable', reason: code ?? 'unknown error' };
  }
  try {
    const { size } = await handle.stat();
    const start = Math.max(0, size - maxBytes);
    const buffer = Buffer.alloc(size - start);
    const { bytesRead } = await handle.read(buffer, 0, buffer.length, start);
    let lines = buffer.subarray(0, bytesRead).toString('utf8').split(/\r?\n/);
    if (start > 0) lines = lines.slice(1); // the first line was cut by where reading began
    if (lines.at(-1) === '') lines.pop();
    return {
      state: 'read',
      lines: lines
        .slice(-maxLines)
        .map((line) =>
          line.length > MAX_LINE_LENGTH ? `${line.slice(0, MAX_LINE_LENGTH)}…` : line,
        ),
    };
  } catch (error) {
    return {
      state: 'unreadable',
      reason: (error as NodeJS.ErrnoException).code ?? 'unknown error',
    };
  } finally {
    await handle.close();
  }
}
