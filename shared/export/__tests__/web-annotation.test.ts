import { describe, expect, it } from 'vitest';
import { describeTextRange } from '../../anchoring/describe-text-range';
import type { ClaimClass } from '../../domain/highlight';
import { webAnnotationCollection, webAnnotationJson, type WebAnnotation } from '../web-annotation';
import type { WebAnnotationHighlight, WebAnnotationInput } from '../web-annotation-input';

const ARTICLE_ID = '0b7c3c1e-5a43-4b8e-9d1f-2c6a8e4f7a10';
const TAG_CLOUD = '6f1d2c3b-4a5e-4f60-8a7b-9c0d1e2f3a4b';
const TAG_RISK = '7a2e3d4c-5b6f-4071-9b8c-0d1e2f3a4b5c';
const TAG_UNKNOWN = '8b3f4e5d-6c70-4182-8c9d-1e2f3a4b5c6d';

const TEXT =
  'Rocket 🚀 launch: 𝔘nicode first. Cloud revenue grew 40% in Q3. ' +
  'Margins may compress as 👨‍👩‍👧 families cut spending. Regulators are watching.';

let nextId = 1;
const highlightId = () => `00000000-0000-4000-8000-${String(nextId++).padStart(12, '0')}`;

function highlightOf(
  words: string,
  claimClass: ClaimClass = 'evidence',
  extra: Partial<WebAnnotationHighlight> = {},
): WebAnnotationHighlight {
  const start = TEXT.indexOf(words);
  if (start === -1) throw new Error(`not in the text: ${words}`);
  return {
    id: highlightId(),
    selectors: describeTextRange(TEXT, start, start + words.length),
    claimClass,
    tags: [],
    note: '',
    paraphrase: '',
    createdAt: '2026-11-25T20:30:00.000Z',
    updatedAt: '2026-11-25T20:30:00.000Z',
    ...extra,
  };
}

function inputWith(
  highlights: WebAnnotationHighlight[],
  article: Partial<WebAnnotationInput['article']> = {},
): WebAnnotationInput {
  return {
    article: {
      id: ARTICLE_ID,
      title: 'Cloud: Q3 review',
      url: 'https://example.com/news/cloud-q3?ref=rss',
      text: TEXT,
      ...article,
    },
    highlights,
    tagNames: new Map([
      [TAG_CLOUD, 'Sector/Cloud'],
      [TAG_RISK, 'Risk/Consumer'],
    ]),
    generator: { name: 'Margin', version: '0.1.0' },
    exportedAt: '2026-11-26T09:15:00.000Z',
  };
}

function itemsOf(input: WebAnnotationInput): WebAnnotation[] {
  return webAnnotationCollection(input).first?.items ?? [];
}

/** Every key the anno.jsonld context defines (the spec's Appendix C), plus `@context`. */
const CONTEXT_TERMS = new Set(
  (
    '@context accessibility audience body bodyValue cached canonical conformsTo created creator ' +
    'email email_sha1 end endSelector exact first format generated generator homepage id items ' +
    'label language last modified motivation name nickname next partOf prefix prev ' +
    'processingLanguage purpose renderedVia rights refinedBy scope selector source sourceDate ' +
    'sourceDateEnd sourceDateStart start startIndex startSelector state styleClass stylesheet ' +
    'suffix target textDirection total type value via'
  ).split(' '),
);
const CONTEXT_CLASSES = new Set([
  'Annotation',
  'AnnotationCollection',
  'AnnotationPage',
  'TextualBody',
  'SpecificResource',
  'TextQuoteSelector',
  'TextPositionSelector',
  'Software',
]);
const MOTIVATIONS = new Set(
  (
    'assessing bookmarking classifying commenting describing editing highlighting identifying ' +
    'linking moderating questioning replying tagging'
  ).split(' '),
);

/** Walks the JSON: every key a context term, every type a class, every motivation a motivation. */
function checkJsonLd(node: unknown, problems: string[], path = '$'): void {
  if (Array.isArray(node)) {
    node.forEach((item, i) => checkJsonLd(item, problems, `${path}[${i}]`));
    return;
  }
  if (node === null || typeof node !== 'object') return;
  for (const [key, value] of Object.entries(node)) {
    if (!CONTEXT_TERMS.has(key)) problems.push(`${path}.${key} is not an anno.jsonld term`);
    if (key === 'type' && !CONTEXT_CLASSES.has(value as string)) {
      problems.push(`${path}.type ${String(value)} is not an anno.jsonld class`);
    }
    if ((key === 'motivation' || key === 'purpose') && !MOTIVATIONS.has(value as string)) {
      problems.push(`${path}.${key} ${String(value)} is not a motivation`);
    }
    if (['created', 'modified', 'generated'].includes(key) && !/Z$/.test(value as string)) {
      problems.push(`${path}.${key} is not in UTC`);
    }
    if (key === 'id' && !/^(?:urn:uuid:[0-9a-f-]{36}(?:#[\w-]+)?)$/.test(value as string)) {
      problems.push(`${path}.id ${String(value)} is not a urn:uuid IRI`);
    }
    checkJsonLd(value, problems, `${path}.${key}`);
  }
}

describe('webAnnotationCollection', () => {
  it('is an AnnotationCollection with one embedded AnnotationPage (spec §5)', () => {
    const input = inputWith([highlightOf('Cloud revenue grew 40%'), highlightOf('Regulators')]);
    const collection = webAnnotationCollection(input);
    expect(collection).toMatchObject({
      '@context': 'http://www.w3.org/ns/anno.jsonld',
      id: `urn:uuid:${ARTICLE_ID}#annotations`,
      type: 'AnnotationCollection',
      label: 'Cloud: Q3 review',
      total: 2,
      generator: { type: 'Software', name: 'Margin 0.1.0' },
      generated: '2026-11-26T09:15:00.000Z',
      last: `urn:uuid:${ARTICLE_ID}#annotations-page-1`,
      first: {
        id: `urn:uuid:${ARTICLE_ID}#annotations-page-1`,
        type: 'AnnotationPage',
        partOf: `urn:uuid:${ARTICLE_ID}#annotations`,
        startIndex: 0,
      },
    });
    expect(collection.first?.items).toHaveLength(2);
    // Embedded pages and annotations inherit the collection's context (§5.2).
    expect(collection.first).not.toHaveProperty('@context');
    expect(collection.first?.items[0]).not.toHaveProperty('@context');
  });

  it('describes each highlight as an Annotation with bodies and a selected target', () => {
    const highlight = highlightOf('Cloud revenue grew 40%', 'thesis', {
      tags: [TAG_CLOUD, TAG_UNKNOWN, TAG_RISK],
      note: 'Best quarter since 2021.\nCheck the FX effect.',
      paraphrase: 'Cloud sales rose by two fifths.',
      createdAt: '2026-11-25T21:30:00.000+01:00',
      updatedAt: '2026-11-26T08:00:00Z',
    });
    const [annotation] = itemsOf(inputWith([highlight]));
    expect(annotation).toEqual({
      id: `urn:uuid:${highlight.id}`,
      type: 'Annotation',
      motivation: 'highlighting',
      created: '2026-11-25T20:30:00.000Z',
      modified: '2026-11-26T08:00:00Z',
      generator: { type: 'Software', name: 'Margin 0.1.0' },
      generated: '2026-11-26T09:15:00.000Z',
      body: [
        { type: 'TextualBody', purpose: 'classifying', value: 'thesis' },
        { type: 'TextualBody', purpose: 'tagging', value: 'Sector/Cloud' },
        { type: 'TextualBody', purpose: 'tagging', value: 'Risk/Consumer' },
        {
          type: 'TextualBody',
          purpose: 'commenting',
          value: 'Best quarter since 2021.\nCheck the FX effect.',
          format: 'text/plain',
        },
        {
          type: 'TextualBody',
          purpose: 'describing',
          value: 'Cloud sales rose by two fifths.',
          format: 'text/plain',
        },
      ],
      target: {
        type: 'SpecificResource',
        source: 'https://example.com/news/cloud-q3?ref=rss',
        selector: [
          {
            type: 'TextQuoteSelector',
            exact: 'Cloud revenue grew 40%',
            prefix: highlight.selectors.quote.prefix,
            suffix: highlight.selectors.quote.suffix,
          },
          {
            type: 'TextPositionSelector',
            start: expect.any(Number),
            end: expect.any(Number),
          },
        ],
      },
    });
  });

  it('counts TextPositionSelector offsets in code points, emoji and astral letters included', () => {
    const words = 'Margins may compress';
    const highlight = highlightOf(words);
    const utf16Start = TEXT.indexOf(words);
    const [annotation] = itemsOf(inputWith([highlight]));
    const position = annotation!.target.selector[1];
    // Two astral characters before the words: two code units fewer than JavaScript counts.
    expect(position).toEqual({
      type: 'TextPositionSelector',
      start: utf16Start - 2,
      end: utf16Start - 2 + words.length,
    });
    expect(
      Array.from(TEXT)
        .slice(utf16Start - 2, utf16Start - 2 + words.length)
        .join(''),
    ).toBe(words);
  });

  it('converts a highlight that itself holds emoji, ZWJ sequence included', () => {
    const words = '👨‍👩‍👧 families';
    const [annotation] = itemsOf(inputWith([highlightOf(words)]));
    const position = annotation!.target.selector[1] as { start: number; end: number };
    expect(Array.from(TEXT).slice(position.start, position.end).join('')).toBe(words);
    expect(position.end - position.start).toBe(Array.from(words).length);
  });

  it('keeps only the quote selector when the stored position no longer holds the quote', () => {
    const drifted = highlightOf('Regulators');
    drifted.selectors.position = { start: 3, end: 13 };
    const splitting = highlightOf('launch');
    splitting.selectors.position = { start: 8, end: 14 }; // starts inside 🚀
    const [first, second] = itemsOf(inputWith([drifted, splitting]));
    for (const annotation of [first!, second!]) {
      expect(annotation.target.selector.map((s) => s.type)).toEqual(['TextQuoteSelector']);
    }
  });

  it('resolves tags to their codebook paths, skipping unknown ids and repeated names', () => {
    const highlight = highlightOf('Regulators', 'risk', {
      tags: [TAG_UNKNOWN, TAG_RISK, TAG_RISK],
    });
    const input = inputWith([highlight]);
    const [annotation] = itemsOf(input);
    expect(annotation!.body.filter((b) => b.purpose === 'tagging')).toEqual([
      { type: 'TextualBody', purpose: 'tagging', value: 'Risk/Consumer' },
    ]);
  });

  it('leaves out empty notes and paraphrases, and modified when never changed', () => {
    const highlight = highlightOf('Regulators', 'risk', { note: '  \n ', paraphrase: '' });
    const [annotation] = itemsOf(inputWith([highlight]));
    expect(annotation!.body).toEqual([
      { type: 'TextualBody', purpose: 'classifying', value: 'risk' },
    ]);
    expect(annotation).not.toHaveProperty('modified');
  });

  it('lists highlights in document order, then by id', () => {
    const later = highlightOf('Regulators');
    const early = highlightOf('Rocket');
    const sameStartA = highlightOf('Cloud revenue', 'evidence', {
      id: 'ffffffff-0000-4000-8000-000000000001',
    });
    const sameStartB = highlightOf('Cloud revenue grew', 'thesis', {
      id: '00000000-ffff-4000-8000-000000000001',
    });
    const ids = itemsOf(inputWith([later, sameStartA, early, sameStartB])).map((a) => a.id);
    expect(ids).toEqual([
      `urn:uuid:${early.id}`,
      `urn:uuid:${sameStartB.id}`,
      `urn:uuid:${sameStartA.id}`,
      `urn:uuid:${later.id}`,
    ]);
  });

  it("targets the article's urn:uuid when it has no usable web address", () => {
    const highlight = highlightOf('Regulators');
    for (const url of [null, '', 'file:///Users/ana/report.pdf', 'https://exa mple.com/x']) {
      const [annotation] = itemsOf(inputWith([highlight], { url }));
      expect(annotation!.target.source).toBe(`urn:uuid:${ARTICLE_ID}`);
    }
  });

  it('has no page when there are no highlights: a page holds at least one annotation', () => {
    const collection = webAnnotationCollection(inputWith([]));
    expect(collection.total).toBe(0);
    expect(collection).not.toHaveProperty('first');
    expect(collection).not.toHaveProperty('last');
  });

  it('uses only terms, classes and motivations of the anno.jsonld context', () => {
    const highlights = [
      highlightOf('Cloud revenue grew 40%', 'thesis', { tags: [TAG_CLOUD], note: 'n' }),
      highlightOf('Regulators', 'risk', { paraphrase: 'p', updatedAt: '2026-12-01T00:00:00Z' }),
      highlightOf('launch', 'evidence', { createdAt: '2026-11-25T12:00:00-05:00' }),
    ];
    const problems: string[] = [];
    checkJsonLd(JSON.parse(webAnnotationJson(inputWith(highlights))), problems);
    expect(problems).toEqual([]);
  });
});

describe('webAnnotationJson', () => {
  it('is deterministic: the same highlights in any order give the same bytes', () => {
    const highlights = [
      highlightOf('Cloud revenue grew 40%', 'thesis', { tags: [TAG_CLOUD] }),
      highlightOf('Regulators', 'risk'),
      highlightOf('Rocket', 'evidence', { note: 'launch' }),
    ];
    const json = webAnnotationJson(inputWith(highlights));
    expect(webAnnotationJson(inputWith([...highlights].reverse()))).toBe(json);
    expect(webAnnotationJson(inputWith([highlights[1]!, highlights[2]!, highlights[0]!]))).toBe(
      json,
    );
  });

  it('is the collection as 2-space indented JSON with a final newline', () => {
    const input = inputWith([highlightOf('Regulators')]);
    const json = webAnnotationJson(input);
    expect(json.endsWith('}\n')).toBe(true);
    expect(json.split('\n')[1]).toBe('  "@context": "http://www.w3.org/ns/anno.jsonld",');
    expect(JSON.parse(json)).toEqual(webAnnotationCollection(input));
  });
});
