import { randomUUID } from 'node:crypto';
import { readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import type { FootnoteDefinition, Nodes, Root } from 'mdast';
import { remark } from 'remark';
import remarkFrontmatter from 'remark-frontmatter';
import remarkGfm from 'remark-gfm';
import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import type { Article } from '../../../../../shared/domain/article';
import type { EnsuredTags } from '../../../../../shared/domain/codebook';
import type { SaveOutcome } from '../../../../../shared/domain/export';
import type { AnchoredHighlight, Highlight } from '../../../../../shared/domain/highlight';
import type { CitationSnapshot, Memo, MemoSaved } from '../../../../../shared/domain/memo';
import type { MemoDoc, MemoNode } from '../../../../../shared/domain/memo-doc';
import {
  citationParagraph,
  claimReferenceNode,
  insertIntoSection,
} from '../../../../../shared/memo/memo-doc-ops';
import { errorOf, valueOf } from '../../../test-support/envelope-of';
import { mainHarness } from '../../../test-support/main-harness';
import { spanOf } from '../../../test-support/span-of';
import { createTempDataDir } from '../../../test-support/temp-data-dir';
import { createTestParserPool } from '../../../test-support/test-parser-pool';

const MINUTE = 60_000;

/** Three whole sentences of the seed article, one per class. */
const THESIS =
  'Die Aktien von Microsoft erleben derzeit einen spürbaren Rückgang, der Investoren und Marktbeobachter gleichermaßen alarmiert.';
const RISK =
  'Beide Unternehmen stehen unter Beobachtung von Regulierungsbehörden, die Transparenz, Datenschutz und den verantwortungsvollen Einsatz von KI-Technologien fordern.';
const EVIDENCE =
  'Microsoft hat in den letzten Jahren massiv in OpenAI investiert und sich als exklusiver Cloud-Anbieter für die KI-Initiativen von OpenAI positioniert.';

/** A title with characters no file system takes as they are. */
const MEMO_TITLE = 'MSFT: OpenAI / Q3 risks?';

/** What a file name must never hold on Windows, macOS or Linux. */
const UNSAFE_IN_NAMES = /[/\\:*?"<>|\p{Cc}]/u;

const markdown = remark().use(remarkGfm).use(remarkFrontmatter);

/** A Markdown report parsed back: its front matter, body and footnotes. */
interface Report {
  tree: Root;
  frontMatter: Record<string, unknown>;
  /** The readable text of everything but the front matter and the footnote definitions. */
  body: string;
  /** The footnote definitions' text, by identifier. */
  footnotes: Map<string, string>;
  /** The identifiers of the footnote references, in document order. */
  references: string[];
}

/** The text a reader sees in a node: its words, escapes resolved, markup dropped. */
function textOf(node: Nodes): string {
  if (node.type === 'yaml' || node.type === 'footnoteReference') return '';
  if ('value' in node) return node.value;
  if (node.type === 'break') return '\n';
  if (!('children' in node)) return '';
  const parts = (node.children as Nodes[]).map(textOf);
  return node.type === 'paragraph' || node.type === 'heading' || node.type === 'tableCell'
    ? parts.join('')
    : parts.join('\n');
}

function walk(node: Nodes, visit: (node: Nodes) => void): void {
  visit(node);
  if ('children' in node) for (const child of node.children as Nodes[]) walk(child, visit);
}

function readReport(text: string): Report {
  const tree = markdown.parse(text);
  const yaml = tree.children[0];
  expect(yaml?.type, 'the report opens with YAML front matter').toBe('yaml');
  const frontMatter = parseYaml((yaml as { value: string }).value) as Record<string, unknown>;
  const definitions = tree.children.filter(
    (n): n is FootnoteDefinition => n.type === 'footnoteDefinition',
  );
  const footnotes = new Map(definitions.map((d) => [d.identifier, textOf(d)]));
  expect(footnotes.size, 'footnote identifiers are distinct').toBe(definitions.length);
  const rest = tree.children.filter((n) => n.type !== 'footnoteDefinition' && n.type !== 'yaml');
  const references: string[] = [];
  for (const node of rest) {
    walk(node, (n) => {
      if (n.type === 'footnoteReference') references.push(n.identifier);
    });
  }
  return { tree, frontMatter, body: rest.map(textOf).join('\n'), footnotes, references };
}

/**
 * The identifier of the footnote referenced right after `quote` (in running text or at the
 * end of a block quote's paragraph); fails the test when no reference follows it.
 */
function footnoteAfter(report: Report, quote: string): string {
  const found: string[] = [];
  walk(report.tree, (node) => {
    if (node.type !== 'paragraph') return;
    let before = '';
    for (const child of node.children) {
      if (child.type === 'footnoteReference') {
        if (before.includes(quote)) found.push(child.identifier);
        before = '';
      } else {
        before += textOf(child);
      }
    }
  });
  expect(found.length, `a footnote reference after "${quote.slice(0, 30)}…"`).toBeGreaterThan(0);
  expect(new Set(found).size, 'every citation of one claim points to one footnote').toBe(1);
  return found[0]!;
}

describe('exports over the IPC path', () => {
  let clock: number;
  const tick = (ms = MINUTE) => (clock += ms);
  const parser = createTestParserPool();
  const app = mainHarness({ parser, now: () => new Date(clock) });
  const { call, dialogs } = app;
  let out: { dir: string; cleanup: () => Promise<void> };
  /** The dialogs outlive a test: each test reads what it asked itself. */
  let asked = { saves: 0, replaces: 0 };
  const saveRequests = () => dialogs.saveRequests.slice(asked.saves);
  const replaceQuestions = () => dialogs.replaceQuestions.slice(asked.replaces);

  beforeEach(async () => {
    clock = Date.parse('2026-11-25T09:00:00.000Z');
    out = await createTempDataDir('margin-exports-');
    asked = { saves: dialogs.saveRequests.length, replaces: dialogs.replaceQuestions.length };
    dialogs.chooseSavePath(null);
    dialogs.answerReplace(false);
    await app.start();
  });
  afterEach(async () => {
    await app.cleanup();
    await out.cleanup();
  });
  afterAll(() => parser.close());

  /** Chooses `path` in the save dialog, runs the export and reads back what it wrote. */
  async function exportTo(
    channel: string,
    payload: unknown,
    name: string,
  ): Promise<{ outcome: SaveOutcome; path: string; text: string }> {
    const path = join(out.dir, name);
    dialogs.chooseSavePath(path);
    const outcome = valueOf<SaveOutcome>(await call(channel, payload));
    expect(outcome).toEqual({ saved: true, path, bytes: expect.any(Number) });
    return { outcome, path, text: await readFile(path, 'utf8') };
  }

  async function claim(
    article: Article,
    words: string,
    claimClass: Highlight['claimClass'],
    extra: { tags?: string[]; note?: string; paraphrase?: string } = {},
  ): Promise<Highlight> {
    tick();
    const created = valueOf<AnchoredHighlight>(
      await call('highlights:create', {
        articleId: article.id,
        ...spanOf(article.text, words),
        claimClass,
        ...extra,
      }),
    );
    return created.highlight;
  }

  /** The seed with three claims, the risk tagged "Risk/Regulation" with a note and a paraphrase. */
  async function annotatedSeed() {
    const seed = await app.importSeed();
    const { ids } = valueOf<EnsuredTags>(
      await call('codebook:ensure', { paths: ['Risk/Regulation'] }),
    );
    const thesis = await claim(seed, THESIS, 'thesis', {
      paraphrase: 'Microsoft shares are falling noticeably.',
    });
    const risk = await claim(seed, RISK, 'risk', {
      tags: [ids[0]!],
      note: 'Watch the EU AI Act timeline.',
      paraphrase: 'Regulators are watching both companies.',
    });
    const evidence = await claim(seed, EVIDENCE, 'evidence');
    return { seed, thesis, risk, evidence, regulationTag: ids[0]! };
  }

  const snapshotOf = async (h: Highlight) =>
    valueOf<CitationSnapshot>(await call('memos:citation', { highlightId: h.id }));

  /**
   * A memo citing the thesis (twice: as a block and again in running text), the risk and
   * the evidence, each in its section, saved under MEMO_TITLE.
   */
  async function citingMemo(claims: { thesis: Highlight; risk: Highlight; evidence: Highlight }) {
    const memo = valueOf<Memo>(
      await call('memos:create', { ticker: 'MSFT', company: 'Microsoft' }),
    );
    const thesis = await snapshotOf(claims.thesis);
    const again: MemoNode = {
      type: 'paragraph',
      content: [
        { type: 'text', text: 'As the article puts it, ' },
        claimReferenceNode(thesis),
        { type: 'text', text: ' and that is the point.' },
      ],
    };
    let doc: MemoDoc = insertIntoSection(memo.doc, 'thesis', [citationParagraph(thesis)]);
    doc = insertIntoSection(doc, 'risks', [citationParagraph(await snapshotOf(claims.risk))]);
    doc = insertIntoSection(doc, 'evidence', [
      citationParagraph(await snapshotOf(claims.evidence)),
      again,
    ]);
    tick();
    const saved = valueOf<MemoSaved>(
      await call('memos:save', { id: memo.id, baseVersion: memo.version, title: MEMO_TITLE, doc }),
    );
    expect(saved.version).toBe(memo.version + 1);
    return valueOf<Memo>(await call('memos:get', { id: memo.id }));
  }

  describe('the memo as a Markdown report', () => {
    it('writes the report where the analyst chose, under a safe default name', async () => {
      const claims = await annotatedSeed();
      const memo = await citingMemo(claims);

      const { outcome, path, text } = await exportTo(
        'export:memoMarkdown',
        { id: memo.id, includeConvictionLog: false },
        'memo.md',
      );
      expect(outcome.saved && outcome.bytes).toBe((await stat(path)).size);
      expect(replaceQuestions()).toEqual([]);

      const [request] = saveRequests();
      expect(request!.defaultName).toMatch(/\.md$/);
      expect(request!.defaultName).not.toMatch(UNSAFE_IN_NAMES);
      expect(request!.defaultName).toContain('MSFT');
      expect(request!.defaultName).toContain('OpenAI');

      const report = readReport(text);
      expect(report.frontMatter).toMatchObject({
        title: MEMO_TITLE,
        ticker: 'MSFT',
        memo_id: memo.id,
      });
      for (const quote of [THESIS, RISK, EVIDENCE]) expect(report.body).toContain(quote);

      // Four citations of three claims: the thesis' two share its footnote.
      expect(report.references).toHaveLength(4);
      expect(new Set(report.references).size).toBe(3);
      expect([...report.footnotes.keys()].sort()).toEqual([...new Set(report.references)].sort());
      const thesisNote = footnoteAfter(report, THESIS);
      expect(report.references.filter((id) => id === thesisNote)).toHaveLength(2);
      expect(
        new Set([thesisNote, footnoteAfter(report, RISK), footnoteAfter(report, EVIDENCE)]).size,
      ).toBe(3);
      expect(report.footnotes.get(footnoteAfter(report, RISK))).toContain(
        'Regulators are watching both companies.',
      );
    });

    it("shows the claims' current words, and a deleted claim from the memo's snapshot", async () => {
      const claims = await annotatedSeed();
      const memo = await citingMemo(claims);
      const exportMemo = (name: string) =>
        exportTo('export:memoMarkdown', { id: memo.id, includeConvictionLog: false }, name);
      const before = readReport((await exportMemo('before.md')).text);

      tick();
      valueOf(
        await call('highlights:update', {
          articleId: claims.risk.articleId,
          id: claims.risk.id,
          paraphrase: 'Regulators demand transparency and data protection.',
        }),
      );
      const edited = readReport((await exportMemo('edited.md')).text);
      expect(edited.footnotes.get(footnoteAfter(edited, RISK))).toContain(
        'Regulators demand transparency and data protection.',
      );
      expect(edited.body + [...edited.footnotes.values()].join('\n')).not.toContain(
        'Regulators are watching both companies.',
      );

      const evidenceNote = footnoteAfter(before, EVIDENCE);
      valueOf(
        await call('highlights:delete', {
          articleId: claims.evidence.articleId,
          id: claims.evidence.id,
        }),
      );
      const deleted = readReport((await exportMemo('deleted.md')).text);
      expect(deleted.body).toContain(EVIDENCE);
      expect(deleted.references).toEqual(before.references);
      expect(footnoteAfter(deleted, EVIDENCE)).toBe(evidenceNote);
      const footnote = deleted.footnotes.get(evidenceNote);
      expect(footnote).not.toBe(before.footnotes.get(evidenceNote));
      expect(footnote).toMatch(/deleted/i);
      // The other claims' footnotes say nothing of the kind.
      expect(deleted.footnotes.get(footnoteAfter(deleted, THESIS))).not.toMatch(/deleted/i);
    });

    it('asks before replacing a file, and keeps it when the analyst says no', async () => {
      const claims = await annotatedSeed();
      const memo = await citingMemo(claims);
      const input = { id: memo.id, includeConvictionLog: false };
      const { path, text } = await exportTo('export:memoMarkdown', input, 'memo.md');

      tick();
      valueOf(
        await call('memos:save', {
          id: memo.id,
          baseVersion: memo.version,
          title: 'MSFT: the regulation case',
          doc: memo.doc,
        }),
      );

      dialogs.chooseSavePath(path);
      dialogs.answerReplace(false);
      expect(valueOf(await call('export:memoMarkdown', input))).toEqual({ saved: false });
      expect(replaceQuestions()).toEqual([path]);
      expect(await readFile(path, 'utf8')).toBe(text);

      dialogs.answerReplace(true);
      const replaced = valueOf<SaveOutcome>(await call('export:memoMarkdown', input));
      expect(replaced).toEqual({ saved: true, path, bytes: (await stat(path)).size });
      expect(replaceQuestions()).toEqual([path, path]);
      const report = readReport(await readFile(path, 'utf8'));
      expect(report.frontMatter.title).toBe('MSFT: the regulation case');
    });

    it('saves nothing when cancelled, and says which folder it could not write to', async () => {
      const claims = await annotatedSeed();
      const memo = await citingMemo(claims);
      const input = { id: memo.id, includeConvictionLog: false };

      dialogs.chooseSavePath(null);
      expect(valueOf(await call('export:memoMarkdown', input))).toEqual({ saved: false });

      const missingFolder = join(out.dir, 'no such folder');
      dialogs.chooseSavePath(join(missingFolder, 'memo.md'));
      const failed = errorOf(await call('export:memoMarkdown', input));
      expect(failed.code).toBe('EXPORT_WRITE_FAILED');
      expect(failed.message).toContain(missingFolder);

      const requests = saveRequests().length;
      const unknown = errorOf(
        await call('export:memoMarkdown', { id: randomUUID(), includeConvictionLog: false }),
      );
      expect(unknown.code).toBe('NOT_FOUND');
      expect(saveRequests(), 'no dialog for a memo that does not exist').toHaveLength(requests);
    });
  });

  describe('an article', () => {
    it('as Markdown, with its claims and optionally its full text', async () => {
      const { seed } = await annotatedSeed();
      const firstParagraph = seed.blocks.find((b) => b.kind !== 'heading')!;
      const opening = seed.text.slice(firstParagraph.start, firstParagraph.end);
      // A sentence of the opening paragraph no claim quotes.
      const unquoted = 'Im Zentrum dieser Entwicklung steht die komplexe Beziehung zu OpenAI';
      expect(opening).toContain(unquoted);

      const short = await exportTo(
        'export:articleMarkdown',
        { articleId: seed.id, includeFullText: false },
        'article.md',
      );
      const full = await exportTo(
        'export:articleMarkdown',
        { articleId: seed.id, includeFullText: true },
        'article-full.md',
      );
      expect(saveRequests().map((r) => r.defaultName)).toEqual([
        expect.stringMatching(/\.md$/),
        expect.stringMatching(/\.md$/),
      ]);
      expect(saveRequests()[0]!.defaultName).not.toMatch(UNSAFE_IN_NAMES);

      const withoutText = readReport(short.text);
      const withText = readReport(full.text);
      expect(full.outcome.saved && full.outcome.bytes).toBeGreaterThan(
        short.outcome.saved ? short.outcome.bytes : Infinity,
      );
      for (const report of [withoutText, withText]) {
        expect(report.frontMatter.title).toBe(seed.title);
        for (const quote of [THESIS, RISK, EVIDENCE]) expect(report.body).toContain(quote);
      }
      expect(withoutText.body).not.toContain(unquoted);
      const squeeze = (text: string) => text.replace(/\s+/g, ' ');
      expect(squeeze(withText.body)).toContain(squeeze(opening));
    });

    it('as W3C Web Annotations, one per highlight, tags named by their full path', async () => {
      const { seed, thesis, risk, evidence } = await annotatedSeed();
      const { text } = await exportTo(
        'export:articleAnnotations',
        { articleId: seed.id },
        'annotations.jsonld',
      );
      expect(saveRequests()[0]!.defaultName).not.toMatch(UNSAFE_IN_NAMES);

      interface Body {
        purpose: string;
        value: string;
      }
      interface Item {
        body: Body[];
        target: { selector: Array<{ type: string; exact?: string }> };
      }
      const collection = JSON.parse(text) as {
        type: string;
        total: number;
        first?: { items: Item[] };
      };
      expect(collection.type).toBe('AnnotationCollection');
      const items = collection.first?.items ?? [];
      expect(items).toHaveLength(3);
      expect(collection.total).toBe(3);
      const exactOf = (item: Item) =>
        item.target.selector.find((s) => s.type === 'TextQuoteSelector')?.exact;
      expect(items.map(exactOf).sort()).toEqual(
        [thesis, risk, evidence].map((h) => h.selectors.quote.exact).sort(),
      );
      expect(risk.selectors.quote.exact).toBe(RISK);

      const tagsOf = (quote: string) =>
        items
          .find((item) => exactOf(item) === quote)!
          .body.filter((b) => b.purpose === 'tagging')
          .map((b) => b.value);
      expect(tagsOf(RISK)).toEqual(['Risk › Regulation']);
      expect(tagsOf(THESIS)).toEqual([]);
      const riskBodies = items.find((item) => exactOf(item) === RISK)!.body.map((b) => b.value);
      expect(riskBodies).toContain('Watch the EU AI Act timeline.');
    });
  });

  describe('the claims board', () => {
    it('exports the claims the filter selects, under the title given', async () => {
      await annotatedSeed();
      const { text } = await exportTo(
        'export:claimsMarkdown',
        {
          filter: { classes: ['risk'] },
          sort: 'created-desc',
          title: 'Risk claims on MSFT',
          filters: ['Class: Risk'],
        },
        'claims.md',
      );
      expect(saveRequests()[0]!.defaultName).toMatch(/\.md$/);
      const report = readReport(text);
      expect(report.frontMatter.title).toBe('Risk claims on MSFT');
      expect(report.body).toContain(RISK);
      expect(report.body).not.toContain(THESIS);
      expect(report.body).not.toContain(EVIDENCE);
      expect(report.references).toHaveLength(1);
      expect(report.footnotes.size).toBe(1);
    });
  });
});
