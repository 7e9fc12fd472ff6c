import { rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { AboutInfo, ProblemReport } from '../../../../../shared/domain/app-info';
import { AppError } from '../../../errors/app-error';
import { errorOf, valueOf } from '../../../test-support/envelope-of';
import { mainHarness } from '../../../test-support/main-harness';
import { packageVersion } from '../../../test-support/package-version';
import { createTestParserPool } from '../../../test-support/test-parser-pool';

const fixtures = join(import.meta.dirname, 'fixtures');
/** The temp folders lie in it: shown as `~` in the report, as the home folder would be. */
const home = tmpdir();

describe('About and the problem report over the IPC path', () => {
  const parser = createTestParserPool();
  const app = mainHarness({
    parser,
    now: () => new Date('2026-11-25T09:00:00.000Z'),
    about: { homeDir: home, licensesDir: join(fixtures, 'valid'), locale: 'de-CH' },
  });
  const { call } = app;
  const report = async () => valueOf<ProblemReport>(await call('app:problemReport')).text;

  beforeEach(() => app.start());
  afterEach(() => app.cleanup());
  afterAll(() => parser.close());

  it('tells the versions, the folders and the bundled licenses', async () => {
    const about = valueOf<AboutInfo>(await call('app:about'));
    expect(about).toMatchObject({
      version: packageVersion(),
      // The tests run main in Node: no Electron, no Chromium, and About says so.
      electron: null,
      chrome: null,
      node: process.versions.node,
      v8: process.versions.v8,
      platform: process.platform,
      arch: process.arch,
      dataDir: app.dataDir,
      logDir: app.logDir,
    });
    expect(about.osRelease).not.toBe('');
    expect(about.licenses.map((l) => l.name)).toEqual([
      '@mantine/core',
      'lowdb',
      'react',
      'shared-helper',
      'zod',
      'zod',
    ]);
  });

  it('shows the data folder and the log folder, and nothing else', async () => {
    const before = app.desktop.opened.length;
    expect(valueOf(await call('app:openFolder', { folder: 'data' }))).toEqual({
      folder: 'data',
      path: app.dataDir,
    });
    expect(valueOf(await call('app:openFolder', { folder: 'logs' }))).toEqual({
      folder: 'logs',
      path: app.logDir,
    });
    expect(app.desktop.opened.slice(before)).toEqual([app.dataDir, app.logDir]);

    // The page names a folder; a path, another name or no name is refused at the boundary.
    for (const payload of [
      { folder: '/etc' },
      { folder: 'home' },
      { folder: 'DATA' },
      {},
      'data',
    ]) {
      expect(errorOf(await call('app:openFolder', payload)).code, JSON.stringify(payload)).toBe(
        'INVALID_INPUT',
      );
    }
    expect(app.desktop.opened).toHaveLength(before + 2);
  });

  it('says so when the log folder does not exist yet, without asking the OS', async () => {
    await rm(app.logDir, { recursive: true });
    const before = app.desktop.opened.length;
    const error = errorOf(await call('app:openFolder', { folder: 'logs' }));
    expect(error).toEqual({
      code: 'NOT_FOUND',
      message: `The log folder “${app.logDir}” does not exist yet: Margin has not written a log there.`,
    });
    expect(app.desktop.opened).toHaveLength(before);
  });

  it('passes on why the OS could not show a folder', async () => {
    app.desktop.failWith(new AppError('OPEN_FAILED', 'Margin could not show “x”.'));
    expect(errorOf(await call('app:openFolder', { folder: 'data' }))).toEqual({
      code: 'OPEN_FAILED',
      message: 'Margin could not show “x”.',
    });
    app.desktop.failWith(null);
  });

  it('reports versions, folders, counts and the log’s last 100 lines, with the home folder as ~', async () => {
    const article = await app.addArticle('Erste Zeile\n\nDie Marge sinkt im dritten Quartal.', {
      language: 'de',
    });
    valueOf(
      await call('highlights:create', {
        articleId: article.id,
        start: article.text.indexOf('Marge'),
        end: article.text.indexOf('Marge') + 5,
        claimClass: 'risk',
      }),
    );
    valueOf(await call('memos:create', { ticker: 'MSFT' }));
    const log = Array.from(
      { length: 150 },
      (_, i) =>
        `[2026-11-25 08:00:00.000] [info] line ${i + 1}: opened ${join(home, 'Q3 note.pdf')}`,
    );
    await writeFile(join(app.logDir, 'main.log'), `${log.join('\n')}\n`);

    const text = await report();

    expect(text).toMatch(
      /^Margin problem report\n\nNothing was sent\. Review this text before sharing it: the log can name your files\.\n/,
    );
    expect(text).toContain(`Margin:      ${packageVersion()}\n`);
    expect(text).toContain('Electron:    not running in Electron\n');
    expect(text).toContain(`Node.js:     ${process.versions.node}\n`);
    expect(text).toContain('Locale:      de-CH\n');
    expect(text).toContain('Written:     2026-11-25T09:00:00.000Z\n');
    expect(text).toContain(`Data folder: ~/${app.dataDir.slice(home.length + 1)}\n`);
    expect(text).toContain(`Log folder:  ~/${app.logDir.slice(home.length + 1)}\n`);
    expect(text).toContain('Library:     1 article, 1 highlight, 1 memo\n');
    expect(text).toContain(
      'The last 100 lines of main.log:\n\n[2026-11-25 08:00:00.000] [info] line 51:',
    );
    expect(text).toContain('line 51: opened ~/Q3 note.pdf\n');
    expect(text).toMatch(/line 150: opened ~\/Q3 note\.pdf\n$/);
    expect(text).not.toContain('line 50:');
    expect(text).not.toContain(home);
  });

  it('says when there is no log yet', async () => {
    const text = await report();
    expect(text).toContain(
      'There is no main.log in the log folder: Margin has not written a log yet.',
    );
    expect(text).toContain('Library:     0 articles, 0 highlights, 0 memos\n');
  });
});
