import {
  mkdir,
  mkdtemp,
  readFile,
  readdir,
  rename,
  rm,
  symlink,
  writeFile,
} from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Article } from '../../../../shared/domain/article';
import { AppError } from '../../errors/app-error';
import { libraryLayout } from '../../storage/library-layout';
import { errorOf } from '../../test-support/envelope-of';
import { mainHarness } from '../../test-support/main-harness';
import { rejectionOf } from '../../test-support/rejection-of';
import { createTestParserPool } from '../../test-support/test-parser-pool';
import { assertRealPathInside, joinInside, unsafeSegmentReason } from '../confine-path';

const forbidden = (run: () => unknown) => {
  try {
    run();
  } catch (error) {
    return error instanceof AppError ? error.code : 'other';
  }
  return 'allowed';
};

describe('joinInside', () => {
  const root = join(tmpdir(), 'margin-data');

  it.each([
    ['..', 'parent'],
    ['../../etc/passwd', 'traversal'],
    ['a/../../b', 'separator'],
    ['/etc/passwd', 'absolute'],
    ['\\\\server\\share\\x', 'UNC'],
    ['//server/share', 'UNC (forward slashes)'],
    ['C:\\Windows', 'drive'],
    ['c:evil', 'drive-relative'],
    ['a\\..\\..\\b', 'backslash'],
    ['name\u0000.json', 'NUL'],
    ['name\n', 'newline'],
    ['', 'empty'],
    ['.', 'same folder'],
    ['memo.json:secret', 'alternate data stream'],
    ['CON', 'Windows device'],
    ['nul.json', 'Windows device with an extension'],
    ['abc.', 'trailing dot'],
    ['abc ', 'trailing space'],
    ['a?b', 'wildcard'],
  ])('refuses %j (%s)', (segment) => {
    expect(unsafeSegmentReason(segment)).not.toBeNull();
    expect(forbidden(() => joinInside(root, segment))).toBe('FORBIDDEN');
    expect(forbidden(() => joinInside(root, 'articles', segment, 'article.json'))).toBe(
      'FORBIDDEN',
    );
  });

  it('joins plain names, ids and dotted file names', () => {
    const id = '0b7c6a4e-8f1d-4b8a-9c1e-2f3a4b5c6d7e';
    expect(joinInside(root, 'articles', id, 'article.json')).toBe(
      join(root, 'articles', id, 'article.json'),
    );
    expect(joinInside(root, '.staging-x', 'a..b.json')).toBe(join(root, '.staging-x', 'a..b.json'));
  });

  it('guards every path the library layout builds from an id', () => {
    const layout = libraryLayout(root);
    for (const build of [
      layout.articleDir,
      layout.articleFile,
      layout.annotationsFile,
      layout.detailsFile,
      layout.stagingDir,
      layout.memoDir,
      layout.memoFile,
      layout.revisionsFile,
      layout.revisionsDir,
    ]) {
      expect(forbidden(() => build('../../outside'))).toBe('FORBIDDEN');
    }
    expect(forbidden(() => layout.revisionFile('memo', '../../../x'))).toBe('FORBIDDEN');
  });
});

describe('assertRealPathInside', () => {
  let base: string;
  beforeAll(async () => {
    base = await mkdtemp(join(tmpdir(), 'margin-confine-'));
    await mkdir(join(base, 'data', 'articles', 'inside'), { recursive: true });
    await mkdir(join(base, 'outside'), { recursive: true });
    await symlink(join(base, 'outside'), join(base, 'data', 'articles', 'escape'));
    await symlink(
      join(base, 'data', 'articles', 'inside'),
      join(base, 'data', 'articles', 'alias'),
    );
  });
  afterAll(() => rm(base, { recursive: true, force: true }));

  it('accepts files inside, existing or not, and links that stay inside', async () => {
    const data = join(base, 'data');
    await expect(
      assertRealPathInside(data, join(data, 'articles', 'inside')),
    ).resolves.toBeUndefined();
    await expect(
      assertRealPathInside(data, join(data, 'articles', 'new', 'article.json')),
    ).resolves.toBeUndefined();
    await expect(
      assertRealPathInside(data, join(data, 'articles', 'alias', 'a.json')),
    ).resolves.toBeUndefined();
  });

  it('refuses a path through a link that leads out of the data folder', async () => {
    const data = join(base, 'data');
    const error = await rejectionOf(
      assertRealPathInside(data, join(data, 'articles', 'escape', 'article.json')),
      AppError,
    );
    expect(error.code).toBe('FORBIDDEN');
    expect(error.message).toContain('outside its data folder');
  });

  it('works when the data folder itself is reached through a link', async () => {
    const linked = join(base, 'linked-data');
    await symlink(join(base, 'data'), linked);
    await expect(
      assertRealPathInside(linked, join(linked, 'articles', 'inside')),
    ).resolves.toBeUndefined();
    await expect(
      assertRealPathInside(linked, join(linked, 'articles', 'escape', 'x')),
    ).rejects.toBeInstanceOf(AppError);
  });
});

/**
 * A folder in the library swapped for a link to elsewhere (a hand edit, a sync tool, a
 * hostile archive unpacked by another program): no channel reads or writes through it.
 */
describe('a symbolic link out of the data folder, over the real channels', () => {
  const parser = createTestParserPool();
  const app = mainHarness({ parser, now: () => new Date() });
  let outside: string;
  let article: Article;
  const secret = 'MARGIN-CANARY-SECRET-outside-the-library';

  beforeAll(async () => {
    await app.start();
    article = await app.importSeed();
    outside = await mkdtemp(join(tmpdir(), 'margin-outside-'));
    const layout = libraryLayout(app.dataDir);
    // The outside folder holds a valid-looking article whose text is the canary.
    const stored = JSON.parse(await readFile(layout.articleFile(article.id), 'utf8'));
    stored.article.text = secret;
    await writeFile(join(outside, 'article.json'), JSON.stringify(stored));
    await writeFile(join(outside, 'annotations.json'), 'not Margin’s file');
    await app.close();
    await rename(layout.articleDir(article.id), join(outside, '..', `moved-${article.id}`));
    await symlink(outside, layout.articleDir(article.id));
    await app.start();
  });
  afterAll(async () => {
    await app.cleanup();
    await parser.close();
    await rm(outside, { recursive: true, force: true });
    await rm(join(outside, '..', `moved-${article.id}`), { recursive: true, force: true });
  });

  it('refuses to open the article or its highlights, and leaves the outside folder as it was', async () => {
    const opened = errorOf(await app.call('articles:get', { id: article.id }));
    expect(opened.code).toBe('FORBIDDEN');
    expect(opened.message).toContain('outside its data folder');
    const highlights = errorOf(await app.call('highlights:list', { articleId: article.id }));
    expect(highlights.code).toBe('FORBIDDEN');
    expect((await readdir(outside)).sort()).toEqual(['annotations.json', 'article.json']);
    expect(await readFile(join(outside, 'annotations.json'), 'utf8')).toBe('not Margin’s file');
  });

  it('never shows the outside file’s text through search or the list', async () => {
    const list = await app.call('articles:list');
    expect(JSON.stringify(list)).not.toContain(secret);
    const search = await app.call('search:query', { query: 'CANARY' });
    expect(JSON.stringify(search)).not.toContain(secret);
  });
});
