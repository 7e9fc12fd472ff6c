import { describe, expect, it } from 'vitest';
import { Article, NewArticleInput } from '../article';

const valid = {
  id: '6f1c2a1e-8d2b-4c1a-9a8e-2f0b1c3d4e5f',
  title: 'T',
  source: null,
  author: null,
  publishedAt: null,
  language: 'de',
  importedAt: '2026-11-25T20:30:00.000Z',
  url: null,
  tickers: [],
  companies: [],
  companiesStamp: null,
  tickersByAnalyst: false,
  versionOf: null,
  origin: { kind: 'paste', format: 'text' },
  contentHash: 'a'.repeat(64),
  wordCount: 2,
  links: [],
  text: 'Eins.\nZwei.',
  blocks: [
    { kind: 'paragraph', start: 0, end: 5 },
    { kind: 'paragraph', start: 6, end: 11 },
  ],
};

describe('Article', () => {
  it('accepts a well-formed article', () => {
    expect(Article.safeParse(valid).success).toBe(true);
  });

  it.each([
    ['a block past the end of the text', [{ kind: 'paragraph', start: 6, end: 99 }]],
    ['an empty block', [{ kind: 'paragraph', start: 3, end: 3 }]],
    [
      'overlapping blocks',
      [
        { kind: 'paragraph', start: 0, end: 6 },
        { kind: 'paragraph', start: 5, end: 11 },
      ],
    ],
  ])('refuses %s', (_label, blocks) => {
    expect(Article.safeParse({ ...valid, blocks }).success).toBe(false);
  });

  it('refuses table cells outside their table and links outside the text', () => {
    const table = {
      kind: 'table',
      start: 0,
      end: 5,
      rows: [{ cells: [{ start: 6, end: 11, header: false }] }],
    };
    expect(Article.safeParse({ ...valid, blocks: [table] }).success).toBe(false);
    const link = { start: 6, end: 40, href: 'https://example.com' };
    expect(Article.safeParse({ ...valid, links: [link] }).success).toBe(false);
  });

  it('refuses an id that could name another folder', () => {
    expect(Article.safeParse({ ...valid, id: '../library' }).success).toBe(false);
  });
});

describe('NewArticleInput', () => {
  it('accepts an empty published date from the form but not a malformed one', () => {
    expect(NewArticleInput.safeParse({ text: 'x', publishedAt: '' }).success).toBe(true);
    expect(NewArticleInput.safeParse({ text: 'x', publishedAt: '25.11.2026' }).success).toBe(false);
  });
});
