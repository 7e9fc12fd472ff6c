import { randomUUID } from 'node:crypto';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Highlight } from '../../../../shared/domain/highlight';
import { buildArticle } from '../../features/articles/build-article';
import { parsePlainText } from '../../features/import/formats/parse-plain-text';
import { collectingLogger } from '../../test-support/collecting-logger';
import { createTempDataDir } from '../../test-support/temp-data-dir';
import { openLibrary, type Library } from '../open-library';

function highlightIn(articleId: string, note = ''): Highlight {
  const now = new Date().toISOString();
  return {
    id: randomUUID(),
    articleId,
    selectors: {
      quote: { exact: 'Rückgang', prefix: 'spürbaren ', suffix: ', der' },
      position: { start: 56, end: 64 },
    },
    claimClass: 'risk',
    tags: ['azure'],
    note,
    createdAt: now,
    updatedAt: now,
  };
}

describe('annotations repo', () => {
  let dataDir: string;
  let cleanup: () => Promise<void>;
  let library: Library;
  let articleId: string;

  beforeEach(async () => {
    ({ dir: dataDir, cleanup } = await createTempDataDir());
    library = await openLibrary(dataDir, { logger: collectingLogger() });
    const article = await buildArticle(
      {
        document: parsePlainText('Ein spürbarer Rückgang.'),
        origin: { kind: 'paste', format: 'text' },
      },
      new Date(),
    );
    articleId = (await library.articles.insert(article)).article.id;
  });
  afterEach(async () => {
    await library.close();
    await cleanup();
  });

  it("saves a highlight durably into the article's own file", async () => {
    const highlight = highlightIn(articleId, 'Risiko für die Marge');
    await library.annotations.saveHighlight(highlight);
    const onDisk = JSON.parse(
      await readFile(join(dataDir, 'articles', articleId, 'annotations.json'), 'utf8'),
    );
    expect(onDisk).toEqual({ schemaVersion: 1, articleId, highlights: [highlight] });

    await library.close();
    library = await openLibrary(dataDir, { logger: collectingLogger() });
    expect(await library.annotations.listHighlights(articleId)).toEqual([highlight]);
  });

  it('replaces a highlight with the same id instead of adding it again', async () => {
    const highlight = highlightIn(articleId);
    await library.annotations.saveHighlight(highlight);
    await library.annotations.saveHighlight({ ...highlight, claimClass: 'evidence' });
    expect(await library.annotations.listHighlights(articleId)).toEqual([
      { ...highlight, claimClass: 'evidence' },
    ]);
  });

  it('keeps every one of many concurrent saves', async () => {
    const highlights = Array.from({ length: 25 }, () => highlightIn(articleId));
    await Promise.all(highlights.map((h) => library.annotations.saveHighlight(h)));
    await library.close();
    library = await openLibrary(dataDir, { logger: collectingLogger() });
    expect((await library.annotations.listHighlights(articleId)).map((h) => h.id).sort()).toEqual(
      highlights.map((h) => h.id).sort(),
    );
  });

  it('sets a damaged highlights file aside, says so, and saves new highlights in a fresh one', async () => {
    const path = join(dataDir, 'articles', articleId, 'annotations.json');
    await writeFile(path, '{"schemaVersion":1,"articleId":');
    const failure = await library.annotations.listHighlights(articleId).catch((e: unknown) => e);
    expect(failure).toMatchObject({ code: 'STORE_CORRUPT' });
    expect((failure as Error).message).toContain(`articles/${articleId}/annotations.json`);
    const [notice] = library.status().notices;
    expect(await readFile(join(dataDir, notice!.setAsideAs!), 'utf8')).toBe(
      '{"schemaVersion":1,"articleId":',
    );

    const highlight = highlightIn(articleId);
    await library.annotations.saveHighlight(highlight);
    expect(await library.annotations.listHighlights(articleId)).toEqual([highlight]);
  });

  it('refuses a highlight for an article that is not in the library', async () => {
    await expect(
      library.annotations.saveHighlight(highlightIn(randomUUID())),
    ).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
  });
});
