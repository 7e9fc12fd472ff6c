import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { SearchIndex, type SearchDocument } from '../search-index';

const SEED_ARTICLE = readFileSync(
  join(import.meta.dirname, '..', '..', '..', 'seeds', 'microsoft-openai-de.txt'),
  'utf8',
);

function sampleIndex(): SearchIndex {
  const index = new SearchIndex();
  index.add({ id: 'seed', kind: 'article', fields: { title: 'Microsoft', text: SEED_ARTICLE } });
  SEED_ARTICLE.split('. ').forEach((sentence, i) => {
    index.add({
      id: `claim-${i}`,
      kind: 'claim',
      fields: { quote: sentence, note: i % 3 ? '' : 'Prüfen', context: 'Microsoft' },
    });
  });
  index.remove('claim-3');
  return index;
}

const QUERIES = ['rückgang', 'rueck', 'microsoft openai', 'prüf', 'kuenstliche intel', 'a', 'zzz'];

describe('SearchIndex serialization', () => {
  it('round-trips to an index with identical results', () => {
    const index = sampleIndex();
    const before = QUERIES.map((q) => index.search(q, { limit: 1000 }));
    const restored = SearchIndex.deserialize(index.serialize());
    expect(restored.size).toBe(index.size);
    expect(restored.has('claim-3')).toBe(false);
    expect(QUERIES.map((q) => restored.search(q, { limit: 1000 }))).toEqual(before);
    expect(before[0]!.length).toBeGreaterThan(1);
  });

  it('keeps working after restoring: updates and another round trip', () => {
    const restored = SearchIndex.deserialize(sampleIndex().serialize());
    restored.add({ id: 'new', kind: 'claim', fields: { quote: 'Ein Rückgang der Nachfrage.' } });
    restored.remove('seed');
    const results = QUERIES.map((q) => restored.search(q));
    expect(restored.search('nachfrage').map((h) => h.id)).toContain('new');
    expect(restored.search('rückgang').map((h) => h.id)).not.toContain('seed');
    const again = SearchIndex.deserialize(restored.serialize());
    expect(QUERIES.map((q) => again.search(q))).toEqual(results);
  });

  it('round-trips an empty index', () => {
    const restored = SearchIndex.deserialize(new SearchIndex().serialize());
    expect(restored.size).toBe(0);
    expect(restored.search('x')).toEqual([]);
  });

  it('round-trips any documents (property)', () => {
    const word = fc.constantFrom(
      'Rückgang',
      'Marge',
      'marché',
      'Straße',
      'Q3',
      '2,5%',
      'Cloud-Anbieter',
      'œuvre',
      '𝐀𝐁',
      'x',
    );
    const doc = fc.record({
      id: fc.string({ minLength: 1, maxLength: 6 }),
      kind: fc.constantFrom('article' as const, 'claim' as const),
      title: fc.array(word, { maxLength: 4 }),
      text: fc.array(word, { maxLength: 20 }),
    });
    fc.assert(
      fc.property(
        fc.array(doc, { maxLength: 15 }),
        fc.array(fc.nat(), { maxLength: 5 }),
        (docs, removals) => {
          const index = new SearchIndex();
          for (const d of docs) {
            const document: SearchDocument = {
              id: d.id,
              kind: d.kind,
              fields: { title: d.title.join(' '), text: d.text.join(' ') },
            };
            index.add(document);
          }
          for (const r of removals) if (docs.length > 0) index.remove(docs[r % docs.length]!.id);
          const queries = [
            'rück',
            'marge',
            'marche str',
            'q3',
            '2,5',
            'cloudanbieter',
            'oeuvre',
            '𝐀',
          ];
          const before = queries.map((q) => index.search(q));
          const restored = SearchIndex.deserialize(index.serialize());
          expect(queries.map((q) => restored.search(q))).toEqual(before);
          expect(restored.size).toBe(index.size);
        },
      ),
      { numRuns: 200, seed: 20261210 },
    );
  });
});

describe('SearchIndex.deserialize rejects bad bytes', () => {
  const bytes = sampleIndex().serialize();

  it('rejects foreign bytes', () => {
    expect(() =>
      SearchIndex.deserialize(new TextEncoder().encode('{"not":"a search index at all"}')),
    ).toThrow(/Not a usable Margin search index: wrong file type/);
    expect(() => SearchIndex.deserialize(new Uint8Array(0))).toThrow(/too short/);
  });

  it('rejects another format version', () => {
    const old = bytes.slice();
    new DataView(old.buffer).setUint32(8, 0, true);
    expect(() => SearchIndex.deserialize(old)).toThrow(/format version 0.*rebuild/);
  });

  it('rejects truncated bytes', () => {
    expect(() => SearchIndex.deserialize(bytes.subarray(0, bytes.length - 7))).toThrow(
      /Not a usable Margin search index/,
    );
  });

  it('rejects any flipped byte (property)', () => {
    fc.assert(
      fc.property(
        fc.nat({ max: bytes.length - 1 }),
        fc.integer({ min: 1, max: 255 }),
        (at, xor) => {
          const corrupted = bytes.slice();
          corrupted[at]! ^= xor;
          expect(() => SearchIndex.deserialize(corrupted)).toThrow(
            /Not a usable Margin search index/,
          );
        },
      ),
      { numRuns: 300, seed: 20261210 },
    );
  });

  it('is not fooled by the caller reusing its buffer', () => {
    const copy = bytes.slice();
    const restored = SearchIndex.deserialize(copy);
    copy.fill(0);
    expect(restored.search('rückgang').length).toBeGreaterThan(0);
  });
});
