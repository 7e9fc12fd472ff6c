import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { makeSnippet, type Snippet } from '../make-snippet';
import { SearchIndex } from '../search-index';

const SEED_ARTICLE = readFileSync(
  join(import.meta.dirname, '..', '..', '..', 'seeds', 'microsoft-openai-de.txt'),
  'utf8',
);

const marked = (snippet: Snippet) => snippet.marks.map((m) => snippet.text.slice(m.start, m.end));

describe('makeSnippet', () => {
  const text = 'Der Rückgang, der Rueckgang und der Ruckgang der Aktie; die Aktien fallen.';

  it('marks umlaut and transliterated spellings of a term', () => {
    expect(marked(makeSnippet(text, ['rueckgang']))).toEqual(['Rückgang', 'Rueckgang']);
    expect(marked(makeSnippet(text, ['ruckgang']))).toEqual(['Rückgang', 'Ruckgang']);
    expect(marked(makeSnippet(text, ['rueck']))).toEqual(['Rückgang', 'Rueckgang']);
  });

  it('marks the last term as a prefix and the others as whole words', () => {
    // "Rückgang" is also filed as "ruckgang", which the prefix "ruck" begins.
    expect(marked(makeSnippet(text, ['aktie', 'ruck']))).toEqual(['Rückgang', 'Ruckgang', 'Aktie']);
    expect(marked(makeSnippet(text, ['ruckgang', 'akti']))).toEqual([
      'Rückgang',
      'Ruckgang',
      'Aktie',
      'Aktien',
    ]);
    expect(marked(makeSnippet(text, ['akti'], { prefixLast: false }))).toEqual([]);
    expect(marked(makeSnippet('Der Rückgang der Aktie', ['d']))).toEqual([]);
  });

  it('marks a compound as one hit', () => {
    const snippet = makeSnippet('Die Microsoft-Aktie fällt.', ['microsoftaktie']);
    expect(marked(snippet)).toEqual(['Microsoft-Aktie']);
    expect(marked(makeSnippet('Die Microsoft-Aktie fällt.', ['aktie']))).toEqual(['Aktie']);
  });

  it('cuts a window around the hits at word boundaries, with ellipses', () => {
    const long = `${'Vorspann mit vielen Wörtern. '.repeat(40)}Hier steht der Rückgang der Marge. ${'Nachspann ohne Treffer. '.repeat(40)}`;
    const snippet = makeSnippet(long, ['rueckgang'], { maxChars: 80 });
    expect(snippet.text.startsWith('…')).toBe(true);
    expect(snippet.text.endsWith('…')).toBe(true);
    const body = snippet.text.slice(1, -1);
    expect(body.length).toBeLessThanOrEqual(80);
    expect(long.slice(snippet.offset, snippet.offset + body.length)).toBe(body);
    expect(body).toMatch(/^\S/);
    expect(body).toMatch(/\S$/);
    expect(long[snippet.offset - 1]).toMatch(/\s/);
    expect(long[snippet.offset + body.length]).toMatch(/\s/);
    expect(marked(snippet)).toEqual(['Rückgang']);
    expect(long.slice(snippet.firstHit!, snippet.firstHit! + 8)).toBe('Rückgang');
  });

  it('prefers the window holding the most distinct terms', () => {
    const long = `Die Marge sinkt. ${'Füllwort '.repeat(60)}Die Marge und der Umsatz sinken. ${'Füllwort '.repeat(60)}`;
    const snippet = makeSnippet(long, ['marge', 'umsatz'], { maxChars: 60 });
    expect(marked(snippet)).toEqual(['Marge', 'Umsatz']);
    expect(snippet.firstHit).toBe(long.indexOf('Marge und'));
  });

  it('shows the start of the text when nothing matches', () => {
    const snippet = makeSnippet('Ein kurzer Text ohne Treffer, aber mit Inhalt.', ['zzz'], {
      maxChars: 20,
    });
    expect(snippet).toEqual({
      text: 'Ein kurzer Text ohne…',
      offset: 0,
      marks: [],
      firstHit: null,
    });
  });

  it('turns line breaks into spaces without moving the marks', () => {
    const snippet = makeSnippet('Absatz eins.\n\nDer Rückgang folgt.', ['rueckgang']);
    expect(snippet.text).toBe('Absatz eins.  Der Rückgang folgt.');
    expect(marked(snippet)).toEqual(['Rückgang']);
  });

  it('marks what the index found in the seed article, for every spelling of the query', () => {
    const index = new SearchIndex();
    index.add({ id: 'seed', kind: 'article', fields: { text: SEED_ARTICLE } });
    for (const query of ['rueckgang', 'Ruckgang', 'Rückgang', 'rück']) {
      const [hit] = index.search(query);
      expect(hit?.id).toBe('seed');
      const snippet = makeSnippet(SEED_ARTICLE, hit!.terms);
      expect(marked(snippet)).toContain('Rückgang');
      expect(SEED_ARTICLE.slice(snippet.firstHit!)).toMatch(/^Rückgang/);
    }
  });
});
