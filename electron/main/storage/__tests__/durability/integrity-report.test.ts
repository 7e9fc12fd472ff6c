import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { randomUUID } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { collectingLogger } from '../../../test-support/collecting-logger';
import { snapshotFolder } from '../../../test-support/folder-snapshot';
import { createTempDataDir } from '../../../test-support/temp-data-dir';
import { libraryLayout } from '../../library-layout';
import { openLibrary, type Library } from '../../open-library';
import { sampleHighlight } from '../faults/sample-highlight';
import { fillLibrary, type DurableContent } from './durable-library-fixture';

const logger = collectingLogger();

describe('the startup check of references', () => {
  let dataDir: string;
  let cleanup: () => Promise<void>;
  let library: Library | null = null;
  let content: DurableContent;

  beforeEach(async () => {
    ({ dir: dataDir, cleanup } = await createTempDataDir());
    const filled = await openLibrary(dataDir, { logger });
    content = await fillLibrary(filled);
    await filled.close();
  });
  afterEach(async () => {
    await library?.close();
    library = null;
    await cleanup();
  });

  it('reports a clean library as clean', async () => {
    library = await openLibrary(dataDir, { logger });
    expect(library.status().checking).toBe(true);
    await library.startupCheck;
    expect(library.status()).toMatchObject({ checking: false, integrity: [], notices: [] });
  });

  it('reports dangling references of every kind, and deletes none of them', async () => {
    const layout = libraryLayout(dataDir);
    // A highlight whose tag left the codebook, and one filed in another article's file.
    const annotations = JSON.parse(
      await readFile(layout.annotationsFile(content.articleId), 'utf8'),
    );
    const strayArticle = randomUUID();
    annotations.highlights.push(
      { ...sampleHighlight(content.articleId, 'unknown tag'), tags: [randomUUID()] },
      sampleHighlight(strayArticle, 'filed in the wrong article'),
    );
    await writeFile(layout.annotationsFile(content.articleId), JSON.stringify(annotations));
    // A memo citing a claim that is not in the library.
    const memoFile = JSON.parse(await readFile(layout.memoFile(content.memo.id), 'utf8'));
    memoFile.memo.doc.content.push({
      type: 'paragraph',
      content: [
        {
          type: 'claimReference',
          attrs: {
            highlightId: randomUUID(),
            articleId: content.articleId,
            quote: 'Gone',
            claimClass: 'risk',
            paraphrase: '',
            source: null,
            articleTitle: 'Gone',
            publishedAt: null,
            locator: null,
          },
        },
      ],
    });
    await writeFile(layout.memoFile(content.memo.id), JSON.stringify(memoFile));
    // Highlights in a folder without its article, and an article listed whose folder went away.
    const orphanFolder = layout.articleDir(randomUUID());
    await mkdir(orphanFolder);
    await writeFile(join(orphanFolder, 'annotations.json'), JSON.stringify(annotations));
    const listedGone = randomUUID();
    const index = JSON.parse(await readFile(layout.libraryFile, 'utf8'));
    index.articles.push({ ...index.articles[0], id: listedGone, contentHash: 'f'.repeat(64) });
    await writeFile(layout.libraryFile, JSON.stringify(index));
    const before = await snapshotFolder(dataDir);

    library = await openLibrary(dataDir, { logger });
    await library.startupCheck;
    const kinds = library
      .status()
      .integrity.map((p) => p.kind)
      .sort();
    expect(kinds).toEqual([
      'annotations-of-missing-article',
      'citation-of-missing-claim',
      'highlight-of-other-article',
      'listed-article-missing',
      'unknown-tag',
    ]);
    const messages = library
      .status()
      .integrity.map((p) => p.message)
      .join('\n');
    expect(messages).toContain(`"${content.memo.title}" cites 1 claim no longer in the library`);
    expect(messages).toContain(`articles/${listedGone} is gone`);
    // Reported, not repaired: every file is as it was.
    const after = await snapshotFolder(dataDir);
    delete before['margin.lock'];
    delete after['margin.lock'];
    expect(after).toEqual(before);
    expect(
      (await library.annotations.listHighlights(content.articleId)).map((h) => h.note),
    ).toContain('unknown tag');
  });

  it('sweeps temp files left in every folder by interrupted writes, and never the ones of this process', async () => {
    const layout = libraryLayout(dataDir);
    const stale = [
      join(layout.articleDir(content.articleId), '.annotations.json.4242.0a1b2c3d.tmp'),
      join(layout.memoDir(content.memo.id), '.memo.json.4242.0a1b2c3d.tmp'),
      join(
        dataDir,
        'backups',
        'rolling',
        'library',
        '.2026-11-26T09-00-00-000Z-0.json.4242.0a1b2c3d.tmp',
      ),
    ];
    for (const path of stale) await writeFile(path, '{"half');
    const ours = join(
      layout.articleDir(content.articleId),
      `.annotations.json.${process.pid}.0a1b2c3d.tmp`,
    );
    await writeFile(ours, '{"half');

    library = await openLibrary(dataDir, { logger });
    await library.startupCheck;
    for (const path of stale)
      await expect(readFile(path)).rejects.toMatchObject({ code: 'ENOENT' });
    expect(await readFile(ours, 'utf8')).toBe('{"half');
    expect(library.status().notices).toEqual([]);
    await rename(ours, `${ours}.done`);
  });
});
