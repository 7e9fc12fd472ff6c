import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { elementsByTag } from '../html/elements-by-tag';
import { releaseDocument } from '../html/release-document';
import { sharedWindow } from '../html/shared-window';

const parse = (html: string) =>
  new (sharedWindow().window.DOMParser)().parseFromString(html, 'text/html');

describe('elementsByTag', () => {
  it('returns what querySelectorAll returns, in document order, without the root', () => {
    const doc = parse(`<div id="root"><h2>a</h2><p>b<span><h1>c</h1></span></p>
      <section><h2>d</h2><div><p>e</p></div></section><h1>f</h1></div><h2>outside</h2>`);
    const root = doc.getElementById('root')!;
    for (const tags of [['h1', 'h2'], ['p'], ['div'], ['H1', 'section', 'span'], ['table']]) {
      expect(elementsByTag(root, tags)).toEqual(Array.from(root.querySelectorAll(tags.join(','))));
    }
    expect(elementsByTag(doc, ['html', 'h2', 'p'])).toEqual(
      Array.from(doc.querySelectorAll('html, h2, p')),
    );
    releaseDocument(doc);
  });

  it('agrees with querySelectorAll on a real news page', () => {
    const html = readFileSync(
      join(import.meta.dirname, '../../../../../../e2e/fixtures/news-html/guardian-1/source.html'),
      'utf8',
    );
    const doc = parse(html);
    for (const tags of [['p', 'div'], ['img', 'picture', 'figure'], ['h1', 'h2'], ['a']]) {
      expect(elementsByTag(doc, tags)).toEqual(Array.from(doc.querySelectorAll(tags.join(','))));
    }
    releaseDocument(doc);
  });
});
