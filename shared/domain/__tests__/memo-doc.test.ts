import { describe, expect, it } from 'vitest';
import { assembleFromClaims } from '../../memo/assemble-from-claims';
import { citationParagraph, insertIntoSection } from '../../memo/memo-doc-ops';
import { memoTemplateDoc } from '../../memo/memo-template';
import { claimAttrs, uuid } from '../../memo/__tests__/fixtures';
import { Memo } from '../memo';
import { MEMO_DOC_MAX_DEPTH, MEMO_DOC_MAX_NODES, MemoDoc } from '../memo-doc';

const docOf = (...content: unknown[]) => ({ type: 'doc', content });
const paragraphWith = (...content: unknown[]) => docOf({ type: 'paragraph', content });
const linked = (href: string) =>
  paragraphWith({ type: 'text', text: 'x', marks: [{ type: 'link', attrs: { href } }] });

const accepts = (value: unknown) => MemoDoc.safeParse(value).success;

describe('MemoDoc', () => {
  it('accepts the template and an assembled memo', () => {
    expect(accepts(memoTemplateDoc())).toBe(true);
    const sections = assembleFromClaims(
      [
        claimAttrs(1, { claimClass: 'thesis' }),
        claimAttrs(2, { claimClass: 'risk', source: null, publishedAt: null, locator: null }),
        claimAttrs(3),
        claimAttrs(4),
      ],
      [{ fromId: uuid(3), toId: uuid(1), kind: 'supports' }],
    );
    let doc = memoTemplateDoc();
    doc = insertIntoSection(doc, 'thesis', sections.thesis);
    doc = insertIntoSection(doc, 'risks', sections.risks);
    doc = insertIntoSection(doc, 'evidence', sections.evidence);
    const parsed = MemoDoc.safeParse(doc);
    expect(parsed.error).toBeUndefined();
    expect(parsed.data).toEqual(doc);
  });

  it('accepts the attributes the editor writes on lists, cells, code and links', () => {
    const doc = docOf(
      { type: 'orderedList', attrs: { start: 3, type: null }, content: [] },
      {
        type: 'table',
        content: [
          {
            type: 'tableRow',
            content: [
              {
                type: 'tableCell',
                attrs: { colspan: 1, rowspan: 1, colwidth: [120], align: null },
              },
            ],
          },
        ],
      },
      { type: 'codeBlock', attrs: { language: null } },
      {
        type: 'paragraph',
        content: [
          {
            type: 'text',
            text: 'x',
            marks: [
              {
                type: 'link',
                attrs: {
                  href: 'https://x.org/a?b=c#d',
                  target: null,
                  rel: 'noopener noreferrer nofollow',
                  class: null,
                  title: null,
                },
              },
              { type: 'bold' },
            ],
          },
        ],
      },
    );
    expect(MemoDoc.safeParse(doc).error).toBeUndefined();
    expect(accepts(linked('mailto:ir@example.com'))).toBe(true);
    expect(accepts(linked('HTTPS://EXAMPLE.COM'))).toBe(true);
  });

  it('rejects node types the memo editor does not make', () => {
    for (const type of ['image', 'iframe', 'script', 'doc', 'mention', '__proto__']) {
      expect(accepts(docOf({ type }))).toBe(false);
      expect(accepts(paragraphWith({ type }))).toBe(false);
    }
    expect(accepts({ type: 'paragraph', content: [] })).toBe(false); // not a doc at the root
  });

  it('rejects unknown marks and stray properties', () => {
    const marked = (mark: unknown) => paragraphWith({ type: 'text', text: 'x', marks: [mark] });
    expect(accepts(marked({ type: 'highlight' }))).toBe(false);
    expect(accepts(marked({ type: 'textStyle', attrs: { color: 'red' } }))).toBe(false);
    expect(accepts(marked({ type: 'bold', attrs: { onclick: 'alert(1)' } }))).toBe(false);
    expect(accepts(docOf({ type: 'paragraph', onclick: 'alert(1)' }))).toBe(false);
  });

  it('rejects links that are not http, https or mailto, however they are spelt', () => {
    const hostile = [
      'javascript:alert(1)',
      'JaVaScRiPt:alert(1)',
      'java\tscript:alert(1)',
      'java\nscript:alert(1)',
      '   javascript:alert(1)',
      ' https://example.com',
      '\u0000javascript:alert(1)',
      'data:text/html,<script>alert(1)</script>',
      'vbscript:msgbox(1)',
      'file:///etc/passwd',
      '//evil.example/x',
      '/relative',
      'https://',
      '',
    ];
    for (const href of hostile) expect(accepts(linked(href)), href).toBe(false);
  });

  it('rejects a citation with a missing or malformed snapshot', () => {
    const cite = (attrs: unknown) => paragraphWith({ type: 'claimReference', attrs });
    const withoutId: Partial<ReturnType<typeof claimAttrs>> = claimAttrs(1);
    delete withoutId.highlightId;
    expect(accepts(cite(claimAttrs(1)))).toBe(true);
    expect(accepts(cite(withoutId))).toBe(false);
    expect(accepts(cite({ ...claimAttrs(1), highlightId: 'not-a-uuid' }))).toBe(false);
    expect(accepts(cite({ ...claimAttrs(1), highlightId: '../../etc' }))).toBe(false);
    expect(accepts(cite({ ...claimAttrs(1), quote: '' }))).toBe(false);
    expect(accepts(cite({ ...claimAttrs(1), claimClass: 'opinion' }))).toBe(false);
    expect(accepts(cite({ ...claimAttrs(1), publishedAt: '24.11.2026' }))).toBe(false);
    expect(accepts(cite({ ...claimAttrs(1), extra: 1 }))).toBe(false);
    expect(accepts(paragraphWith({ type: 'claimReference' }))).toBe(false);
  });

  it('rejects an unknown section and oversized attributes', () => {
    const heading = (attrs: unknown) => docOf({ type: 'heading', attrs });
    expect(accepts(heading({ level: 2, section: 'risks' }))).toBe(true);
    expect(accepts(heading({ level: 2, section: 'appendix' }))).toBe(false);
    expect(accepts(heading({ level: 2, style: 'x'.repeat(3_000) }))).toBe(false);
  });

  it('rejects a document nested too deep with an error, not a stack overflow', () => {
    const nest = (depth: number) => {
      let node: Record<string, unknown> = { type: 'paragraph' };
      for (let i = 0; i < depth; i++) node = { type: 'blockquote', content: [node] };
      return docOf(node);
    };
    expect(accepts(nest(MEMO_DOC_MAX_DEPTH - 1))).toBe(true);
    expect(accepts(nest(MEMO_DOC_MAX_DEPTH))).toBe(false);
    const result = MemoDoc.safeParse(nest(10_000));
    expect(result.success).toBe(false);
    expect(result.error!.issues[0]!.message).toMatch(/nested deeper/);
  });

  it('rejects a document with too many parts', () => {
    const text = { type: 'text', text: 'x' };
    const content = Array.from({ length: MEMO_DOC_MAX_NODES }, () => text);
    expect(accepts(docOf({ type: 'paragraph', content }))).toBe(false);
    expect(accepts(docOf({ type: 'paragraph', content: content.slice(0, 1_000) }))).toBe(true);
  });

  it('rejects a document that refers to itself', () => {
    const paragraph: { type: string; content: unknown[] } = { type: 'paragraph', content: [] };
    paragraph.content.push(paragraph);
    expect(accepts(docOf(paragraph))).toBe(false);
  });
});

describe('Memo', () => {
  const header = {
    company: 'SAP SE',
    ticker: 'SAP.DE',
    recommendation: 'Buy',
    priceTarget: { amount: 260, currency: 'EUR' },
    horizon: '12 months',
    conviction: 'high',
    author: 'A. Analyst',
    date: '2026-11-25',
  };
  const memo = (doc: unknown) => ({
    id: uuid(1),
    title: 'SAP: raising the bar',
    status: 'draft',
    header,
    doc,
    convictionLog: [],
    createdAt: '2026-11-25T20:30:00.000Z',
    updatedAt: '2026-11-25T20:30:00.000Z',
    version: 0,
  });

  it('accepts a memo made from the template', () => {
    const doc = insertIntoSection(memoTemplateDoc(), 'thesis', [citationParagraph(claimAttrs(2))]);
    expect(Memo.safeParse(memo(doc)).error).toBeUndefined();
  });

  it('rejects a memo whose body holds an iframe or a script link', () => {
    expect(Memo.safeParse(memo(docOf({ type: 'iframe' }))).success).toBe(false);
    expect(Memo.safeParse(memo(linked('javascript:alert(1)'))).success).toBe(false);
  });
});
