import { readFileSync } from 'node:fs';

/**
 * The sequence numbers the child acknowledged, in the order it wrote them. Only complete
 * lines count: a line cut off by the kill was never fsynced as a whole, so it is no promise.
 */
export function readAckLog(path: string): number[] {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw error;
  }
  const complete = text.slice(0, text.lastIndexOf('\n') + 1);
  return complete
    .split('\n')
    .filter((line) => line.length > 0)
    .map(Number);
}
