import { describe, expect, it } from 'vitest';
import { claimsMarkdown, type ClaimsReportInput } from '../claims-markdown';
import type { ReportClaim, ReportSource } from '../report-input';

const source = (articleId: string, language: string, extra: Partial<ReportSource> = {}) => ({
  articleId,
  title: `Title ${articleId}`,
  publisher: `Publisher ${articleId}`,
  author: null,
  publishedAt: '2026-08-01',
  url: null,
  fileName: null,
  language,
  inLibrary: true,
  ...extra,
});

const claim = (highlightId: string, articleId: string, extra: Partial<ReportClaim> = {}) => ({
  highlightId,
  articleId,
  quote: `Quote ${highlightId}`,
  claimClass: 'risk' as const,
  paraphrase: '',
  locator: '¶1',
  state: 'ok' as const,
  tags: [],
  note: '',
  ...extra,
});

const input = (claims: ReportClaim[], sources: ReportSource[]): ClaimsReportInput => ({
  title: 'Risk claims',
  filters: ['Class: Risk'],
  claims,
  sources: new Map(sources.map((s) => [s.articleId, s])),
  generator: { name: 'Margin', version: '0.1.0' },
  exportedAt: '2026-12-01T09:30:00.000Z',
});

const sources = [source('de', 'de'), source('fr', 'fr'), source('en', 'en'), source('x', 'und')];

describe('claimsMarkdown', () => {
  it('quotes in the marks of each source’s language', () => {
    const markdown = claimsMarkdown(
      input([claim('1', 'de'), claim('2', 'fr'), claim('3', 'en'), claim('4', 'x')], sources),
    );
    expect(markdown).toContain('- „Quote 1“[^1]\n');
    expect(markdown).toContain('- «\u202FQuote 2\u202F»[^2]\n');
    expect(markdown).toContain('- “Quote 3”[^3]\n');
    expect(markdown).toContain('- “Quote 4”[^4]\n');
  });

  it('groups by class, keeping the board order inside a class, numbering footnotes by first use', () => {
    const markdown = claimsMarkdown(
      input(
        [
          claim('r1', 'en'),
          claim('t1', 'en', { claimClass: 'thesis' }),
          claim('e1', 'en', { claimClass: 'evidence' }),
          claim('r2', 'en'),
          claim('t1', 'en', { claimClass: 'thesis' }),
        ],
        sources,
      ),
    );
    const lines = markdown.split('\n').filter((line) => /^(?:## |- “)/.test(line));
    expect(lines).toEqual([
      '## Thesis (2)',
      '- “Quote t1”[^1]',
      '- “Quote t1”[^1]',
      '## Risk (2)',
      '- “Quote r1”[^2]',
      '- “Quote r2”[^3]',
      '## Evidence (1)',
      '- “Quote e1”[^4]',
      '## Sources',
    ]);
    expect(markdown.match(/^\[\^\d+\]:/gm)).toEqual(['[^1]:', '[^2]:', '[^3]:', '[^4]:']);
  });

  it('lists paraphrase, tags and note under the quote, a note’s paragraphs kept', () => {
    const markdown = claimsMarkdown(
      input(
        [
          claim('1', 'en', {
            paraphrase: 'In short.',
            tags: ['A', 'B/C'],
            note: 'One\ntwo\n\nThree',
          }),
        ],
        sources,
      ),
    );
    expect(markdown).toContain(
      [
        '- “Quote 1”[^1]',
        '  - Paraphrase: In short.',
        '  - Tags: A, B/C',
        '  - Note: One\\',
        '    two',
        '',
        '    Three',
      ].join('\n'),
    );
  });

  it('names an article missing from the sources as deleted rather than failing', () => {
    const markdown = claimsMarkdown(input([claim('1', 'gone')], sources));
    expect(markdown).toContain(
      '[^1]: *Untitled article*, ¶1. Risk claim. The article has been deleted from the library.',
    );
  });

  it('says when nothing matched', () => {
    expect(claimsMarkdown(input([], sources))).toMatch(
      /Filters:\n\n- Class: Risk\n\nNo claims match these filters\.\n$/,
    );
    expect(claimsMarkdown({ ...input([], sources), filters: [] })).toMatch(
      /Every claim on the board \(no filters\)\.\n\nThe board has no claims\.\n$/,
    );
  });

  it('gives the same bytes whatever the order of the sources map', () => {
    const claims = [claim('1', 'de'), claim('2', 'fr'), claim('3', 'en')];
    const first = claimsMarkdown(input(claims, sources));
    expect(claimsMarkdown(input(claims, [...sources].reverse()))).toBe(first);
    expect(claimsMarkdown(input(structuredClone(claims), sources))).toBe(first);
  });
});
