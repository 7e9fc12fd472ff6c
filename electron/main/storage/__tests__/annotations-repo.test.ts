import { randomUUID } from 'node:crypto';
import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Highlight } from '../../../../shared/domain/highlight';
import { buildArticle } from '../../features/articles/build-article';
import { parsePlainText } from '../../features/import/formats/parse-plain-text';
import { collectingLogger } from '../../test-support/collecting-logger';
import { snapshotFolder } from '../../test-support/folder-snapshot';
import { createTempDataDir } from '../../test-support/temp-data-dir';
import { openLibrary, type Library } from '../open-library';
import { emptyLibraryFile } from '../store-files';

function highlightIn(articleId: string, note = ''): Highlight {
  const now = new Date().toISOString();
  return {
    id: randomUUID(),
    articleId,
    selectors: {
      quote: { exact: 'Rückgang', prefix: 'spürbaren ', suffix: ', der' },
      position: { start: 56, end: 64 },
    },
    page: null,
    claimClass: 'risk',
    tags: [randomUUID()],
    note,
    paraphrase: '',
    links: [],
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
    expect(onDisk).toEqual({
      schemaVersion: 4,
      articleId,
      highlights: [highlight],
      dismissedSuggestions: [],
    });

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

  it('sets aside a file that is valid JSON but not a highlights file, keeping its bytes', async () => {
    const path = join(dataDir, 'articles', articleId, 'annotations.json');
    const stray = JSON.stringify({
      schemaVersion: 2,
      articleId,
      highlights: [{ ...highlightIn(articleId), claimClass: 'opinion' }],
    });
    await writeFile(path, stray);
    const failure = await library.annotations.listHighlights(articleId).catch((e: unknown) => e);
    expect(failure).toMatchObject({ code: 'STORE_CORRUPT' });
    expect((failure as Error).message).toContain("does not match Margin's format");
    const [notice] = library.status().notices;
    expect(notice).toMatchObject({ file: `articles/${articleId}/annotations.json` });
    expect(await readFile(join(dataDir, notice!.setAsideAs!), 'utf8')).toBe(stray);
    expect(await library.annotations.listHighlights(articleId)).toEqual([]);
  });

  it('refuses a save into a damaged file, setting the file aside, and takes the next save', async () => {
    const path = join(dataDir, 'articles', articleId, 'annotations.json');
    await writeFile(path, '\0\0\0\0');
    const first = highlightIn(articleId);
    await expect(library.annotations.saveHighlight(first)).rejects.toMatchObject({
      code: 'STORE_CORRUPT',
    });
    // The refused highlight was not half-saved anywhere.
    const files = (await readdir(join(dataDir, 'articles', articleId))).sort();
    expect(files).toEqual([expect.stringMatching(/^annotations\.json\.corrupt-/), 'article.json']);
    expect(await readFile(join(dataDir, 'articles', articleId, files[0]!), 'utf8')).toBe(
      '\0\0\0\0',
    );

    const second = highlightIn(articleId);
    await library.annotations.saveHighlight(second);
    expect(await library.annotations.listHighlights(articleId)).toEqual([second]);
  });

  it('refuses, without renaming or changing it, a highlights file from a newer Margin', async () => {
    const path = join(dataDir, 'articles', articleId, 'annotations.json');
    const future = JSON.stringify({
      schemaVersion: 5,
      articleId,
      highlights: [{ ...highlightIn(articleId), colour: 'yellow' }],
      dismissedSuggestions: [],
    });
    await writeFile(path, future);
    const before = await snapshotFolder(dataDir);

    const listing = await library.annotations.listHighlights(articleId).catch((e: unknown) => e);
    expect(listing).toMatchObject({ code: 'STORE_READ_ONLY' });
    const message = (listing as Error).message;
    expect(message).toContain(`articles/${articleId}/annotations.json`);
    expect(message).toContain('newer version of Margin (format 5; this one reads up to 4)');
    expect(message).toContain('is left as it is');
    for (const write of [
      () => library.annotations.saveHighlight(highlightIn(articleId)),
      () => library.annotations.insertHighlight(highlightIn(articleId)),
      () => library.annotations.deleteHighlight(articleId, randomUUID()),
      () => library.annotations.replaceTag([articleId], randomUUID(), randomUUID()),
      () => library.annotations.dismissSuggestion(articleId, { start: 0, end: 23 }),
      () => library.annotations.restoreDismissedSuggestions(articleId),
    ]) {
      await expect(write()).rejects.toMatchObject({ code: 'STORE_READ_ONLY' });
    }
    expect(await snapshotFolder(dataDir)).toEqual(before);
    expect(library.status().notices).toEqual([]);
  });

  it('says NOT_FOUND when updating or deleting a highlight that is gone, changing nothing', async () => {
    const highlight = highlightIn(articleId);
    await library.annotations.saveHighlight(highlight);
    const before = await snapshotFolder(dataDir);
    await expect(
      library.annotations.updateHighlight(articleId, randomUUID(), (h) => h),
    ).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(
      library.annotations.deleteHighlight(articleId, randomUUID()),
    ).rejects.toMatchObject({ code: 'NOT_FOUND' });
    expect(await snapshotFolder(dataDir)).toEqual(before);
  });

  it('replaces a tag in every highlight that has it, once per highlight, and counts them', async () => {
    const [from, into, other] = [randomUUID(), randomUUID(), randomUUID()];
    const tagged = (tags: string[]) => ({ ...highlightIn(articleId), tags });
    const highlights = [
      tagged([from]),
      tagged([from, into]),
      tagged([other]),
      tagged([into, from]),
    ];
    for (const h of highlights) await library.annotations.saveHighlight(h);

    expect(await library.annotations.replaceTag([articleId], from, into)).toBe(3);
    expect((await library.annotations.listHighlights(articleId)).map((h) => h.tags)).toEqual([
      [into],
      [into],
      [other],
      [into],
    ]);
    expect(await library.annotations.replaceTag([articleId], from, into)).toBe(0);
  });

  describe('dismissed suggestions', () => {
    const annotationsOnDisk = async () =>
      JSON.parse(await readFile(join(dataDir, 'articles', articleId, 'annotations.json'), 'utf8'));
    /** "Ein spürbarer Rückgang." */
    const sentence = { start: 0, end: 23 };

    it('keeps a dismissal durably, once, beside the highlights it leaves alone', async () => {
      const highlight = highlightIn(articleId, 'Risiko für die Marge');
      await library.annotations.saveHighlight(highlight);
      expect(await library.annotations.listDismissedSuggestions(articleId)).toEqual([]);

      await library.annotations.dismissSuggestion(articleId, sentence);
      // The same span again (a double click) is stored once: the folder stays as it was.
      const afterFirst = await snapshotFolder(dataDir);
      await library.annotations.dismissSuggestion(articleId, { ...sentence });
      expect(await snapshotFolder(dataDir)).toEqual(afterFirst);
      expect(await annotationsOnDisk()).toEqual({
        schemaVersion: 4,
        articleId,
        highlights: [highlight],
        dismissedSuggestions: [sentence],
      });

      await library.close();
      library = await openLibrary(dataDir, { logger: collectingLogger() });
      expect(await library.annotations.listDismissedSuggestions(articleId)).toEqual([sentence]);
      expect(await library.annotations.listHighlights(articleId)).toEqual([highlight]);
    });

    it('stores only the span, whatever else the caller passes along', async () => {
      await library.annotations.dismissSuggestion(articleId, {
        ...sentence,
        articleId,
        decision: 'dismissed',
      } as typeof sentence);
      expect((await annotationsOnDisk()).dismissedSuggestions).toEqual([sentence]);
    });

    it('keeps every one of concurrent dismissals and highlight saves', async () => {
      const spans = Array.from({ length: 10 }, (_, i) => ({ start: i, end: i + 5 }));
      const highlights = Array.from({ length: 10 }, () => highlightIn(articleId));
      await Promise.all([
        ...spans.map((span) => library.annotations.dismissSuggestion(articleId, span)),
        ...highlights.map((h) => library.annotations.saveHighlight(h)),
      ]);
      await library.close();
      library = await openLibrary(dataDir, { logger: collectingLogger() });
      expect(await library.annotations.listDismissedSuggestions(articleId)).toEqual(spans);
      expect((await library.annotations.listHighlights(articleId)).map((h) => h.id)).toEqual(
        highlights.map((h) => h.id),
      );
    });

    it('restores every dismissal: counts them, empties the list, keeps the highlights', async () => {
      const highlight = highlightIn(articleId);
      await library.annotations.saveHighlight(highlight);
      await library.annotations.dismissSuggestion(articleId, sentence);
      await library.annotations.dismissSuggestion(articleId, { start: 4, end: 22 });

      expect(await library.annotations.restoreDismissedSuggestions(articleId)).toBe(2);
      expect(await library.annotations.listDismissedSuggestions(articleId)).toEqual([]);
      expect(await annotationsOnDisk()).toEqual({
        schemaVersion: 4,
        articleId,
        highlights: [highlight],
        dismissedSuggestions: [],
      });
      // Nothing left to restore: nothing is written.
      const before = await snapshotFolder(dataDir);
      expect(await library.annotations.restoreDismissedSuggestions(articleId)).toBe(0);
      expect(await snapshotFolder(dataDir)).toEqual(before);

      await library.close();
      library = await openLibrary(dataDir, { logger: collectingLogger() });
      expect(await library.annotations.listDismissedSuggestions(articleId)).toEqual([]);
      expect(await library.annotations.listHighlights(articleId)).toEqual([highlight]);
    });

    it('says NOT_FOUND for an article that is not in the library', async () => {
      const missing = randomUUID();
      for (const call of [
        () => library.annotations.listDismissedSuggestions(missing),
        () => library.annotations.dismissSuggestion(missing, sentence),
        () => library.annotations.restoreDismissedSuggestions(missing),
      ]) {
        await expect(call()).rejects.toMatchObject({ code: 'NOT_FOUND' });
      }
    });

    it('refuses dismissals and restores in a read-only library, listing them still', async () => {
      await library.annotations.dismissSuggestion(articleId, sentence);
      await library.close();
      // A library written by a newer Margin.
      const libraryPath = join(dataDir, 'library.json');
      const index = JSON.parse(await readFile(libraryPath, 'utf8'));
      await writeFile(
        libraryPath,
        JSON.stringify({ ...index, schemaVersion: emptyLibraryFile().schemaVersion + 1 }),
      );
      const before = await snapshotFolder(dataDir);

      library = await openLibrary(dataDir, { logger: collectingLogger() });
      expect(library.status().readOnlyReason).toContain('newer version of Margin');
      expect(await library.annotations.listDismissedSuggestions(articleId)).toEqual([sentence]);
      for (const write of [
        () => library.annotations.dismissSuggestion(articleId, { start: 4, end: 22 }),
        () => library.annotations.restoreDismissedSuggestions(articleId),
      ]) {
        await expect(write()).rejects.toMatchObject({ code: 'STORE_READ_ONLY' });
      }
      await library.close();
      const after = await snapshotFolder(dataDir);
      delete before['margin.lock'];
      delete after['margin.lock'];
      expect(after).toEqual(before);
      library = await openLibrary(dataDir, { logger: collectingLogger() });
    });
  });

  it('refuses a highlight for an article that is not in the library', async () => {
    await expect(
      library.annotations.saveHighlight(highlightIn(randomUUID())),
    ).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
  });
});
