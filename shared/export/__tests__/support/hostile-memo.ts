import type { Memo } from '../../../domain/memo';
import type { MemoNode } from '../../../domain/memo-doc';
import type { ClaimReferenceAttrs } from '../../../memo/claim-reference';
import type { MemoReportInput } from '../../memo-markdown';
import type { ReportClaim, ReportSource } from '../../report-input';

/** Text that would become markup, a link, a footnote or a second front matter if it were not escaped. */
export const HOSTILE_FRAGMENTS: readonly string[] = [
  '```',
  '```js\nalert(1)\n```',
  '~~~',
  '~~~\nx\n~~~',
  '</blockquote>',
  '[x](javascript:alert(1))',
  '<javascript:alert(1)>',
  '---',
  '\n---\n',
  '---\ntitle: x',
  '...',
  '<script>alert(1)</script>',
  '<img src=x onerror=alert(1)>',
  '<a href="javascript:alert(1)">x</a>',
  '<!-- hidden -->',
  '[^1]',
  '[^1]: fake',
  '\n[^1]: fake',
  '> ',
  '\n> quote',
  '| table | pipes |',
  '\n| a | b |\n| - | - |\n| c | d |',
  '\\',
  '\\\n',
  '&lt;script&gt;',
  'javascript&#58;alert(1)',
  '[x]: javascript:alert(1)',
  '![x](javascript:alert(1))',
  'javascript:alert(1)',
  '<https://example.com>',
  'www.example.com',
  '\n# heading',
  '\n=====',
  '\n- item',
  '\n1. item',
  '\n    indented code',
  '**',
  '_',
  '`',
  '\r',
  '\r\n',
  '\n\n',
  '\t',
  '\u2028',
  '\u0000',
  '"',
  "'",
  ': ',
  '#',
  '*',
];

export const uuid = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;

const text = (value: string, marks: MemoNode['marks'] = undefined): MemoNode =>
  marks ? { type: 'text', text: value, marks } : { type: 'text', text: value };
const paragraph = (...content: MemoNode[]): MemoNode => ({ type: 'paragraph', content });
const cite = (attrs: ClaimReferenceAttrs): MemoNode => ({
  type: 'claimReference',
  attrs: { ...attrs },
});

/**
 * A report input with `s` in every field a user or an imported article controls: header,
 * title, headings, text with every mark, link text and targets, lists, quotes, a table,
 * code (and its language), quotes, paraphrases, source metadata and the conviction log.
 */
export function hostileReportInput(s: string): MemoReportInput {
  const article: ReportSource = {
    articleId: uuid(100),
    title: s,
    publisher: s,
    author: s,
    publishedAt: '2026-11-20',
    url: `https://example.com/${s}`,
    fileName: null,
    language: 'de',
    inLibrary: true,
  };
  const fileArticle: ReportSource = {
    ...article,
    articleId: uuid(101),
    url: s,
    fileName: s,
    language: 'fr',
  };
  const claim = (n: number, source: ReportSource, state: ReportClaim['state']): ReportClaim => ({
    highlightId: uuid(n),
    articleId: source.articleId,
    quote: s,
    claimClass: 'risk',
    paraphrase: s,
    locator: s,
    state,
    tags: [s],
    note: s,
  });
  const snapshot = (n: number, articleId: string): ClaimReferenceAttrs => ({
    highlightId: uuid(n),
    articleId,
    quote: s,
    claimClass: 'thesis',
    paraphrase: s,
    source: s,
    articleTitle: s,
    publishedAt: null,
    locator: s,
  });
  const claims = [
    claim(1, article, 'ok'),
    claim(2, fileArticle, 'orphaned'),
    claim(3, article, 'ok'),
  ];
  const link = (href: string) => [{ type: 'link' as const, attrs: { href } }];
  const cell = (content: MemoNode[], colspan = 1): MemoNode => ({
    type: 'tableCell',
    attrs: { colspan, rowspan: 1 },
    content,
  });
  const doc: MemoNode[] = [
    { type: 'heading', attrs: { level: 2, section: 'summary' }, content: [text(s)] },
    paragraph(text(s)),
    paragraph(text('before '), text(s), text(' after')),
    paragraph(
      text(s, [{ type: 'bold' }]),
      text(s, [{ type: 'bold' }, { type: 'italic' }]),
      text(s, [{ type: 'strike' }]),
      text(s, [{ type: 'underline' }]),
      text(s, [{ type: 'code' }]),
      { type: 'hardBreak' },
      text(s, [{ type: 'italic' }]),
    ),
    paragraph(text(s, link(s)), text(' '), text(s, link(`https://example.com/${s}`))),
    paragraph(text(s, link('javascript:alert(1)')), text(s, link(`mailto:${s}`))),
    paragraph(text(s), cite(snapshot(1, article.articleId)), text(s)),
    paragraph(cite(snapshot(2, fileArticle.articleId))),
    paragraph(cite(snapshot(9, uuid(109)))),
    paragraph(text(s), cite(snapshot(9, uuid(109)))),
    {
      type: 'heading',
      attrs: { level: 3 },
      content: [text(s), cite(snapshot(1, article.articleId))],
    },
    {
      type: 'bulletList',
      content: [
        { type: 'listItem', content: [paragraph(text(s))] },
        {
          type: 'listItem',
          content: [
            paragraph(text(s)),
            {
              type: 'orderedList',
              attrs: { start: 7 },
              content: [{ type: 'listItem', content: [paragraph(text(s))] }],
            },
          ],
        },
      ],
    },
    {
      type: 'blockquote',
      content: [paragraph(text(s)), paragraph(cite(snapshot(3, article.articleId)))],
    },
    { type: 'codeBlock', attrs: { language: s }, content: [text(s)] },
    { type: 'codeBlock', attrs: { language: 'ts' }, content: [text(s)] },
    {
      type: 'table',
      content: [
        { type: 'tableRow', content: [cell([paragraph(text(s))], 2), cell([paragraph(text(s))])] },
        {
          type: 'tableRow',
          content: [
            cell([paragraph(text(s)), paragraph(cite(snapshot(2, fileArticle.articleId)))]),
            cell([
              {
                type: 'bulletList',
                content: [{ type: 'listItem', content: [paragraph(text(s))] }],
              },
            ]),
            cell([
              { type: 'codeBlock', content: [text(s)] },
              { type: 'blockquote', content: [paragraph(text(s))] },
            ]),
          ],
        },
      ],
    },
    { type: 'horizontalRule' },
    paragraph(text(s)),
  ];
  const memo: Memo = {
    id: uuid(9000),
    title: s,
    status: 'draft',
    header: {
      company: s,
      ticker: s,
      recommendation: s,
      priceTarget: { amount: 123.45, currency: 'EUR' },
      horizon: s,
      conviction: 'low',
      author: s,
      date: '2026-11-24',
    },
    doc: { type: 'doc', content: doc },
    convictionLog: [
      {
        id: uuid(9500),
        at: '2026-11-24T10:00:00.000Z',
        changes: [{ field: 'recommendation', from: s, to: s }],
        reason: s,
        claimIds: [uuid(3), uuid(4), uuid(1), uuid(42)],
      },
    ],
    createdAt: '2026-11-20T10:00:00.000Z',
    updatedAt: '2026-11-24T10:00:00.000Z',
    version: 1,
  };
  return {
    memo,
    claims: new Map(claims.map((c) => [c.highlightId, c])),
    sources: new Map([article, fileArticle].map((a) => [a.articleId, a])),
    generator: { name: s, version: s },
    includeConvictionLog: true,
  };
}
