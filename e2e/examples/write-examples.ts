// Writes docs/examples/: the seed memo's report and the sample article's exports, made
// through the app's own handlers over a fresh library with a frozen clock.
// Run with `npm run examples` (it builds the parser worker the import needs first).
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { MainProcess } from '../support/main-process';
import { buildSeedMemo, SEED_MEMO_CLOCK } from './seed-memo';
import { examplesDir } from './examples-dir';

const dataDir = await mkdtemp(join(tmpdir(), 'margin-examples-'));
const main = await MainProcess.start(dataDir, { now: () => new Date(SEED_MEMO_CLOCK) });
try {
  await mkdir(examplesDir, { recursive: true });
  const api = main.client();
  const { memoId } = await buildSeedMemo(api);
  const [article] = await api.articles.list();
  main.dialogs.answerReplace(true);
  const saveAs = async (name: string, save: () => Promise<{ saved: boolean }>) => {
    main.dialogs.chooseSavePath(join(examplesDir, name));
    const outcome = await save();
    if (!outcome.saved) throw new Error(`${name} was not saved`);
    console.log(`wrote docs/examples/${name}`);
  };
  await saveAs('seed-memo-report.md', () =>
    api.export.memoMarkdown({ id: memoId, includeConvictionLog: true }),
  );
  await saveAs('seed-article-claims.md', () =>
    api.export.articleMarkdown({ articleId: article!.id, includeFullText: true }),
  );
  await saveAs('seed-article-annotations.jsonld', () =>
    api.export.articleAnnotations({ articleId: article!.id }),
  );
  await saveAs('seed-risk-claims.md', () =>
    api.export.claimsMarkdown({
      filter: { classes: ['risk'] },
      sort: 'article',
      title: 'Risk claims',
      filters: ['Class: Risk'],
    }),
  );
} finally {
  await main.stop();
  await rm(dataDir, { recursive: true, force: true });
}
