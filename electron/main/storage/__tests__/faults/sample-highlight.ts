import { randomUUID } from 'node:crypto';
import type { Highlight } from '../../../../../shared/domain/highlight';

/**
 * A valid highlight on `articleId` (the store validates shape, not the article's words).
 * `note` makes it recognisable, and large when a test needs a large annotations file.
 */
export function sampleHighlight(articleId: string, note = '', at = new Date()): Highlight {
  const stamp = at.toISOString();
  return {
    id: randomUUID(),
    articleId,
    selectors: {
      quote: { exact: 'Rückgang', prefix: 'spürbaren ', suffix: ', der' },
      position: { start: 56, end: 64 },
    },
    page: null,
    claimClass: 'risk',
    tags: [],
    note,
    paraphrase: '',
    links: [],
    createdAt: stamp,
    updatedAt: stamp,
  };
}
