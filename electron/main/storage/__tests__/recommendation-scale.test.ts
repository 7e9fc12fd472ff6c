import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DEFAULT_RECOMMENDATION_SCALE } from '../../../../shared/memo/logged-fields';
import { collectingLogger } from '../../test-support/collecting-logger';
import { createTempDataDir } from '../../test-support/temp-data-dir';
import { openLibrary, type Library } from '../open-library';

const watchlist = [{ name: 'Siemens Healthineers', ticker: 'SHL.DE', aliases: ['Healthineers'] }];
const codebook = [
  {
    id: '0b8c1c1e-1111-4c1a-9a8e-2f0b1c3d4e5f',
    name: 'Risk',
    parentId: null,
    createdAt: '2026-11-02T10:00:00.000Z',
  },
];

describe('library.json format 4 → 5 (→ 6): the recommendation scale', () => {
  let dataDir: string;
  let cleanup: () => Promise<void>;
  let library: Library | undefined;
  const libraryPath = () => join(dataDir, 'library.json');
  const open = async () => (library = await openLibrary(dataDir, { logger: collectingLogger() }));

  beforeEach(async () => ({ dir: dataDir, cleanup } = await createTempDataDir()));
  afterEach(async () => {
    await library?.close();
    await cleanup();
  });

  it("gains Margin's default scale, keeping every other setting, and stores the analyst's own", async () => {
    await writeFile(
      libraryPath(),
      JSON.stringify({ schemaVersion: 4, settings: { watchlist }, codebook, articles: [] }),
    );
    const fileBefore = await readFile(libraryPath());
    const opened = await open();
    expect(opened.status()).toMatchObject({ readOnlyReason: null, notices: [] });
    expect(opened.settings.recommendationScale()).toEqual(DEFAULT_RECOMMENDATION_SCALE);
    expect(opened.settings.watchlist()).toEqual(watchlist);
    expect(opened.codebook.list()).toEqual(codebook);
    // Reading migrates in memory only.
    expect(await readFile(libraryPath())).toEqual(fileBefore);

    const scale = ['Outperform', 'Neutral', 'Underperform'];
    expect(await opened.settings.saveRecommendationScale(scale)).toEqual(scale);
    expect(JSON.parse(await readFile(libraryPath(), 'utf8'))).toEqual({
      schemaVersion: 6,
      settings: {
        watchlist,
        recommendationScale: scale,
        suggestions: { lexicons: {}, cueStats: [] },
      },
      codebook,
      articles: [],
    });
    await opened.close();
    expect((await open()).settings.recommendationScale()).toEqual(scale);
  });

  it('starts a new library with the default scale', async () => {
    const opened = await open();
    expect(opened.settings.recommendationScale()).toEqual(DEFAULT_RECOMMENDATION_SCALE);
    await opened.settings.saveWatchlist(watchlist);
    expect(JSON.parse(await readFile(libraryPath(), 'utf8')).settings).toEqual({
      watchlist,
      recommendationScale: DEFAULT_RECOMMENDATION_SCALE,
      suggestions: { lexicons: {}, cueStats: [] },
    });
  });
});
