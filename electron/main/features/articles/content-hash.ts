import { createHash } from 'node:crypto';

/** SHA-256 of the canonical text: the article's identity for duplicate detection. */
export function contentHash(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}
