import { getSchema } from '@tiptap/core';
import { DOMParser as PmDomParser, DOMSerializer } from '@tiptap/pm/model';
import { JSDOM } from 'jsdom';
import { describe, expect, it } from 'vitest';
import { CLAIM_REFERENCE } from '../claim-reference';
import { memoExtensions } from '../memo-extensions';
import { claimAttrs, uuid } from './fixtures';

const schema = getSchema(memoExtensions());
const { document } = new JSDOM('<!doctype html><body></body>').window;

/** Parses HTML as a paste into the memo does. */
function parse(html: string) {
  const body = document.createElement('div');
  body.innerHTML = html;
  return PmDomParser.fromSchema(schema).parse(body);
}

const citationsIn = (doc: ReturnType<typeof parse>) => {
  const found: Array<Record<string, unknown>> = [];
  doc.descendants((node) => {
    if (node.type.name === CLAIM_REFERENCE) found.push({ ...node.attrs });
  });
  return found;
};

describe('claimReference pasted as HTML', () => {
  it('comes back whole from the HTML Margin itself copies', () => {
    const attrs = claimAttrs(7, {
      claimClass: 'risk',
      quote: 'Spannungen „belasten“',
      locator: '¶4',
    });
    const doc = schema.nodeFromJSON({
      type: 'doc',
      content: [{ type: 'paragraph', content: [{ type: CLAIM_REFERENCE, attrs }] }],
    });
    const html = document.createElement('div');
    html.append(DOMSerializer.fromSchema(schema).serializeFragment(doc.content, { document }));
    expect(citationsIn(parse(html.innerHTML))).toEqual([attrs]);
  });

  it('is refused when the ids, class or quote are not those of a real citation', () => {
    const forged = [
      `<cite data-highlight-id="abc" data-article-id="${uuid(1)}" data-claim-class="risk" data-quote="q">q</cite>`,
      `<cite data-highlight-id="${uuid(2)}" data-article-id="${uuid(1)}" data-claim-class="evil" data-quote="q">q</cite>`,
      `<cite data-highlight-id="${uuid(2)}" data-claim-class="risk" data-quote="q">q</cite>`,
      `<cite data-highlight-id="${uuid(2)}" data-article-id="${uuid(1)}" data-claim-class="risk">q</cite>`,
      `<cite data-highlight-id="${uuid(2)}" data-article-id="${uuid(1)}" data-claim-class="risk" data-quote="q" data-published-at="yesterday">q</cite>`,
      `<cite data-highlight-id="${uuid(2)}" data-article-id="${uuid(1)}" data-claim-class="risk" data-quote="q" data-locator="${'¶'.repeat(41)}">q</cite>`,
    ];
    for (const html of forged) {
      const doc = parse(`<p>Before ${html} after</p>`);
      expect(citationsIn(doc)).toEqual([]);
      // The words stay, as plain text.
      expect(doc.textContent).toContain('Before');
    }
  });

  it('keeps only http, https and mailto links', () => {
    const doc = parse(
      '<p><a href="javascript:alert(1)">x</a> <a href="java\tscript:alert(1)">y</a> <a href="https://example.com/a">z</a></p>',
    );
    const hrefs: string[] = [];
    doc.descendants((node) => {
      for (const mark of node.marks) if (mark.type.name === 'link') hrefs.push(mark.attrs.href);
    });
    expect(hrefs).toEqual(['https://example.com/a']);
  });
});
