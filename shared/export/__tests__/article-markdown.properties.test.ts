import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { ArticleReportClaim } from '../article-claims-section';
import { articleMarkdown, type ArticleReportInput } from '../article-markdown';
import { buildArticle, type BlockSpec } from './support/article-builder';
import {
  expectedArticleFootnotes,
  expectedArticleFrontMatter,
} from './support/article-report-input';
import { comparable, readBack } from './support/read-back';
import { reportBody } from './support/report-body';
import { expectInertHtml, expectReportInvariants } from './support/report-invariants';

/** Property runs: raise with FUZZ_RUNS=5000 for a longer hunt. */
const RUNS = Number(process.env.FUZZ_RUNS ?? 100);

const words = fc
  .array(
    fc.constantFrom(
      'Azure',
      'grew',
      'fast.',
      'Margins',
      '(fell)',
      'a',
      '„so“',
      '*',
      '-',
      '1.',
      '\n',
    ),
    {
      minLength: 1,
      maxLength: 6,
    },
  )
  .map((w) => w.join(' '));

const block: fc.Arbitrary<BlockSpec> = fc.oneof(
  words.map((text) => ({ kind: 'paragraph' as const, text })),
  fc
    .record({ level: fc.integer({ min: 1, max: 6 }), text: words })
    .map((b) => ({ kind: 'heading' as const, ...b })),
  fc
    .record({ ordered: fc.boolean(), depth: fc.integer({ min: 0, max: 3 }), text: words })
    .map((b) => ({ kind: 'listItem' as const, ...b })),
  words.map((text) => ({ kind: 'quote' as const, text })),
  words.map((text) => ({ kind: 'preformatted' as const, text })),
  fc
    .array(fc.array(words, { minLength: 1, maxLength: 3 }), { minLength: 1, maxLength: 3 })
    .map((rows) => ({ kind: 'table' as const, rows })),
);

/** An article of random blocks, with claims and links over random spans of its text. */
const article: fc.Arbitrary<ArticleReportInput> = fc
  .array(block, { minLength: 1, maxLength: 6 })
  .chain((specs) => {
    const { text, blocks } = buildArticle(specs);
    const span = fc
      .tuple(fc.nat({ max: text.length - 1 }), fc.integer({ min: 1, max: 40 }))
      .map(([start, length]) => ({ start, end: Math.min(text.length, start + length) }));
    return fc
      .record({
        spans: fc.array(span, { maxLength: 6 }),
        linkSpans: fc.uniqueArray(span, { maxLength: 3, selector: (s) => s.start }),
        classes: fc.array(
          fc.constantFrom('thesis', 'risk', 'evidence') as fc.Arbitrary<
            ArticleReportClaim['claimClass']
          >,
          { minLength: 6, maxLength: 6 },
        ),
      })
      .map(({ spans, linkSpans, classes }) => {
        // Links may not overlap (the article schema says so): keep each that starts after the last.
        const links = [...linkSpans]
          .sort((a, b) => a.start - b.start)
          .filter((l, i, all) => i === 0 || l.start >= all[i - 1]!.end)
          .map((l, i) => ({
            ...l,
            href: i % 2 ? 'javascript:alert(1)' : `https://example.com/${i}`,
          }));
        const anchors = spans.map((s, i) => ({ highlightId: `h${i}`, ...s }));
        const claims: ArticleReportClaim[] = anchors.map((a, i) => ({
          highlightId: a.highlightId,
          articleId: 'a1',
          quote: text.slice(a.start, a.end),
          claimClass: classes[i]!,
          paraphrase: '',
          locator: null,
          state: 'ok',
          tags: [],
          note: '',
          start: a.start,
        }));
        return {
          source: {
            articleId: 'a1',
            title: 'T',
            publisher: null,
            author: null,
            publishedAt: null,
            url: null,
            fileName: null,
            language: 'en',
            inLibrary: true,
          },
          tickers: [],
          importedAt: '2026-11-25T08:00:00.000Z',
          claims,
          fullText: { text, blocks, links, anchors },
          generator: { name: 'Margin', version: '0.1.0' },
          exportedAt: '2026-12-01T09:30:00.000Z',
        };
      });
  });

describe('articleMarkdown on random articles and highlights (fast-check)', () => {
  it(
    'footnotes every shown claim once, keeps the words, and stays inert',
    () => {
      fc.assert(
        fc.property(article, (input) => {
          const markdown = articleMarkdown(input);
          const tree = expectReportInvariants(markdown, {
            frontMatter: expectedArticleFrontMatter(input),
            footnotes: expectedArticleFootnotes(input),
          });
          expectInertHtml(reportBody(markdown));
          // Every word of every paragraph reads back (bold and references add none); a blank
          // paragraph is left out.
          const fullText = tree.children.slice(
            tree.children.findIndex((n) => n.type === 'heading' && readBack(n) === 'Full text') + 1,
          );
          const paragraphs = fullText
            .filter((n) => n.type === 'paragraph')
            .map((n) => comparable(readBack(n)));
          const { text, blocks } = input.fullText!;
          for (const b of blocks) {
            const shown = comparable(text.slice(b.start, b.end));
            if (b.kind === 'paragraph' && shown) expect(paragraphs).toContain(shown);
          }
          expect(articleMarkdown(structuredClone(input))).toBe(markdown);
        }),
        { numRuns: RUNS },
      );
    },
    RUNS * 600,
  );
});
