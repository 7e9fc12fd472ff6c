import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { SearchIndex, type SearchDocument } from '../search-index';

const SEED_ARTICLE = readFileSync(
  join(import.meta.dirname, '..', '..', '..', 'seeds', 'microsoft-openai-de.txt'),
  'utf8',
);

const article = (id: string, title: string, text: string): SearchDocument => ({
  id,
  kind: 'article',
  fields: { title, text },
});

function indexOf(...docs: SearchDocument[]): SearchIndex {
  const index = new SearchIndex();
  for (const doc of docs) index.add(doc);
  return index;
}

const ids = (index: SearchIndex, query: string) => index.search(query).map((h) => h.id);

describe('SearchIndex: the seed article', () => {
  const index = indexOf(
    article('seed', 'Microsoft und OpenAI', SEED_ARTICLE),
    article('other', 'Cloud-Markt', 'Amazon und Google wachsen im Cloud-Geschäft.'),
  );

  it.each(['rueckgang', 'Ruckgang', 'Rückgang', 'RÜCKGANG', 'rück', 'ruck', 'rueck'])(
    '"%s" finds the article about the Rückgang',
    (query) => {
      expect(ids(index, query)).toEqual(['seed']);
    },
  );

  it('finds hyphenated compounds by their parts and joined', () => {
    expect(ids(index, 'Künstliche Intelligenz')).toEqual(['seed']);
    expect(ids(index, 'kuenstlicheintelligenzunternehmen')).toEqual(['seed']);
    expect(ids(index, 'Cloud-Anbieter')).toEqual(['seed']);
    expect(ids(index, 'cloudgeschaeft')).toEqual(['other']);
  });
});

describe('SearchIndex: matching', () => {
  const index = indexOf(
    article('a', 'Azure Wachstum', 'Microsoft meldet starkes Wachstum bei Azure.'),
    article('b', 'Azure Marge', 'Die Marge von Azure sinkt; Microsoft-Aktie unter Druck.'),
    { id: 'c', kind: 'claim', fields: { quote: 'Die Marge sinkt.', context: 'Azure Marge' } },
  );

  it('treats the last term as a prefix, as the reader types', () => {
    expect(ids(index, 'Micro')).toEqual(expect.arrayContaining(['a', 'b']));
    expect(ids(index, 'icro')).toEqual([]);
  });

  it('waits for a second letter before matching a prefix', () => {
    expect(ids(index, 'azure m')).toEqual([]);
    expect(ids(index, 'azure ma').sort()).toEqual(['b', 'c']);
  });

  it('matches the other terms as whole words only', () => {
    expect(ids(index, 'micro azure')).toEqual([]);
    expect(ids(index, 'azure micro').sort()).toEqual(['a', 'b']);
  });

  it('requires every term (AND)', () => {
    expect(ids(index, 'azure wachstum')).toEqual(['a']);
    expect(ids(index, 'azure marge').sort()).toEqual(['b', 'c']);
    expect(ids(index, 'wachstum marge')).toEqual([]);
  });

  it('finds "Microsoft-Aktie" written any way', () => {
    expect(ids(index, 'Microsoft-Aktie')).toEqual(['b']);
    expect(ids(index, 'Microsoftaktie')).toEqual(['b']);
    expect(ids(index, 'aktie microsoft')).toEqual(['b']);
  });

  it('filters by kind and limits the hits', () => {
    expect(index.search('marge', { kinds: ['claim'] }).map((h) => h.id)).toEqual(['c']);
    expect(index.search('marge', { kinds: ['article'] }).map((h) => h.id)).toEqual(['b']);
    expect(index.search('azure', { limit: 1 })).toHaveLength(1);
    expect(index.search('azure', { limit: 0 })).toEqual([]);
  });

  it('reports the folded terms and the fields that matched', () => {
    const [hit] = index.search('Wachstum Azu');
    expect(hit).toMatchObject({ id: 'a', kind: 'article', terms: ['wachstum', 'azu'] });
    expect(hit!.fields).toEqual(['title', 'text']);
    expect(index.search('marge', { kinds: ['claim'] })[0]!.fields).toEqual(['quote', 'context']);
  });

  it('finds nothing for an empty query or punctuation', () => {
    expect(index.search('')).toEqual([]);
    expect(index.search(' –!? ')).toEqual([]);
  });
});

describe('SearchIndex: ranking', () => {
  const filler = 'Der Bericht nennt weitere Zahlen zum Quartal und zur Prognose.';

  it('ranks a title hit above a text hit', () => {
    const index = indexOf(
      article('in-text', 'Quartalszahlen', `${filler} Die Dividende steigt. ${filler}`),
      article('in-title', 'Dividende steigt', `${filler} Neue Zahlen. ${filler}`),
    );
    expect(ids(index, 'dividende')).toEqual(['in-title', 'in-text']);
  });

  it('ranks a claim quote above a mention in its context', () => {
    const index = indexOf(
      { id: 'context', kind: 'claim', fields: { quote: filler, context: 'Capex steigt' } },
      { id: 'quote', kind: 'claim', fields: { quote: `Capex steigt. ${filler}`, context: 'X' } },
    );
    expect(ids(index, 'capex')).toEqual(['quote', 'context']);
  });

  it('ranks words matched as typed above longer words the prefix begins', () => {
    const index = indexOf(
      article('longer', 'Aktien Aktien Aktien', 'Aktien im Fokus.'),
      article('exact', 'Quartal', `${filler} Die Aktie fällt.`),
    );
    expect(ids(index, 'aktie')).toEqual(['exact', 'longer']);
    expect(ids(index, 'akti')).toEqual(['longer', 'exact']);
  });

  it('breaks ties by id', () => {
    const index = indexOf(
      article('c', 'Gleich', 'Text'),
      article('a', 'Gleich', 'Text'),
      article('b', 'Gleich', 'Text'),
    );
    expect(ids(index, 'gleich')).toEqual(['a', 'b', 'c']);
  });

  it('sorts by score, highest first', () => {
    const index = indexOf(
      article('1', 'Umsatz', 'Umsatz Umsatz'),
      article('2', 'Bericht', 'Umsatz'),
      article('3', 'Umsatz Marge', filler),
    );
    const scores = index.search('umsatz').map((h) => h.score);
    expect(scores).toEqual([...scores].sort((a, b) => b - a));
  });
});

describe('SearchIndex: updates', () => {
  it('replaces a document added again with the same id', () => {
    const index = indexOf(article('x', 'Alt', 'Rückgang der Marge'));
    index.add(article('x', 'Neu', 'Wachstum der Marge'));
    expect(index.size).toBe(1);
    expect(ids(index, 'rückgang')).toEqual([]);
    expect(ids(index, 'wachstum')).toEqual(['x']);
    expect(ids(index, 'marge')).toEqual(['x']);
  });

  it('forgets removed documents, before and after compaction', () => {
    const index = indexOf(article('x', 'Azure', 'Text'), article('y', 'Azure', 'Text'));
    expect(index.remove('x')).toBe(true);
    expect(index.remove('x')).toBe(false);
    expect(index.has('x')).toBe(false);
    expect(index.size).toBe(1);
    expect(ids(index, 'azure')).toEqual(['y']);
    index.compact();
    expect(ids(index, 'azure')).toEqual(['y']);
    index.add(article('x', 'Azure', 'Text'));
    expect(ids(index, 'azure')).toEqual(['x', 'y']);
  });

  it('rejects an unknown kind', () => {
    const bad = { id: 'x', kind: 'memo', fields: {} } as unknown as SearchDocument;
    expect(() => new SearchIndex().add(bad)).toThrow(/kind/);
  });
});

const VOCABULARY = [
  'Rückgang',
  'rueckgang',
  'Marge',
  'Azure',
  'Aktie',
  'Aktien',
  'cloud',
  'Cloud-Anbieter',
  'Straße',
  'œuvre',
  '2,5',
  'prévision',
];
const docSpec = fc.record({
  id: fc.constantFrom('a', 'b', 'c', 'd', 'e', 'f'),
  kind: fc.constantFrom('article' as const, 'claim' as const),
  field: fc.constantFrom('title' as const, 'text' as const, 'quote' as const, 'context' as const),
  words: fc.array(fc.constantFrom(...VOCABULARY), { minLength: 1, maxLength: 12 }),
});
const querySpec = fc
  .array(fc.constantFrom(...VOCABULARY, 'rück', 'ak', 'clo', 'mar'), { minLength: 1, maxLength: 2 })
  .map((words) => words.join(' '));
const toDoc = (spec: {
  id: string;
  kind: SearchDocument['kind'];
  field: string;
  words: string[];
}) => ({
  id: spec.id,
  kind: spec.kind,
  fields: { [spec.field]: spec.words.join(' ') },
});

describe('SearchIndex: properties', () => {
  it('gives the same results after any adds, replaces and removes as a fresh index of what is left', () => {
    fc.assert(
      fc.property(
        fc.array(fc.oneof(docSpec, fc.constantFrom('a', 'b', 'c')), { maxLength: 30 }),
        fc.array(querySpec, { minLength: 1, maxLength: 5 }),
        fc.boolean(),
        (operations, queries, compactMidway) => {
          const incremental = new SearchIndex();
          const live = new Map<string, SearchDocument>();
          operations.forEach((op, i) => {
            if (typeof op === 'string') {
              incremental.remove(op);
              live.delete(op);
            } else {
              const doc = toDoc(op);
              incremental.add(doc);
              live.delete(doc.id);
              live.set(doc.id, doc);
            }
            if (compactMidway && i === Math.floor(operations.length / 2)) incremental.compact();
          });
          const fresh = indexOf(...live.values());
          for (const query of queries) {
            expect(incremental.search(query)).toEqual(fresh.search(query));
          }
        },
      ),
      { numRuns: 300, seed: 20261210 },
    );
  });
});
