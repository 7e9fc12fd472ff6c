import { compareCodeUnits } from '../claims/compare-code-units';
import { codePointOffsets } from './code-point-offsets';
import { isCodePointBoundary } from './is-code-point-boundary';
import type { WebAnnotationHighlight, WebAnnotationInput } from './web-annotation-input';

/*
 * Highlights as a W3C Web Annotation collection (https://www.w3.org/TR/annotation-model/),
 * serialised as JSON-LD with the spec's own context, so Hypothesis-style tools and
 * reference managers can read an analyst's claims without knowing Margin.
 */

const ANNOTATION_CONTEXT = 'http://www.w3.org/ns/anno.jsonld';

/** The purposes Margin's bodies serve; the spec's names, so a consumer knows what each is. */
export type BodyPurpose = 'classifying' | 'tagging' | 'commenting' | 'describing';

export interface TextualBody {
  type: 'TextualBody';
  purpose: BodyPurpose;
  value: string;
  format?: 'text/plain';
}

export interface TextQuoteSelector {
  type: 'TextQuoteSelector';
  exact: string;
  prefix: string;
  suffix: string;
}

/** Offsets in Unicode code points, as the spec requires (§4.2.4, §4.2.5). */
export interface TextPositionSelector {
  type: 'TextPositionSelector';
  start: number;
  end: number;
}

export interface SoftwareAgent {
  type: 'Software';
  name: string;
}

export interface WebAnnotation {
  id: string;
  type: 'Annotation';
  motivation: 'highlighting';
  created: string;
  /** Only when the highlight changed after it was made. */
  modified?: string;
  generator: SoftwareAgent;
  generated: string;
  body: TextualBody[];
  target: {
    type: 'SpecificResource';
    source: string;
    selector: (TextQuoteSelector | TextPositionSelector)[];
  };
}

export interface AnnotationPage {
  id: string;
  type: 'AnnotationPage';
  partOf: string;
  startIndex: 0;
  items: WebAnnotation[];
}

export interface AnnotationCollection {
  '@context': typeof ANNOTATION_CONTEXT;
  id: string;
  type: 'AnnotationCollection';
  label: string;
  total: number;
  generator: SoftwareAgent;
  generated: string;
  /** Absent when there are no highlights: a page must hold at least one annotation. */
  first?: AnnotationPage;
  last?: string;
}

/** The spec wants UTC with "Z" (§3.3.1); stored times may carry another offset. */
function utcDateTime(iso: string): string {
  if (iso.endsWith('Z')) return iso;
  const ms = Date.parse(iso);
  return Number.isNaN(ms) ? iso : new Date(ms).toISOString();
}

const urn = (uuid: string) => `urn:uuid:${uuid.toLowerCase()}`;

/** The article's address when it has a usable one; otherwise its id, which never changes. */
function sourceIri(article: WebAnnotationInput['article']): string {
  const url = article.url?.trim() ?? '';
  return /^https?:\/\/[^\s<>"{}|\\^`]+$/i.test(url) ? url : urn(article.id);
}

function bodies(highlight: WebAnnotationHighlight, tagNames: ReadonlyMap<string, string>) {
  const body: TextualBody[] = [
    { type: 'TextualBody', purpose: 'classifying', value: highlight.claimClass },
  ];
  const names = highlight.tags.flatMap((id) => tagNames.get(id) ?? []);
  for (const name of new Set(names)) {
    body.push({ type: 'TextualBody', purpose: 'tagging', value: name });
  }
  if (highlight.note.trim() !== '') {
    body.push({
      type: 'TextualBody',
      purpose: 'commenting',
      value: highlight.note,
      format: 'text/plain',
    });
  }
  // A paraphrase restates what the passage says (often a translation): describing, not commenting.
  if (highlight.paraphrase.trim() !== '') {
    body.push({
      type: 'TextualBody',
      purpose: 'describing',
      value: highlight.paraphrase,
      format: 'text/plain',
    });
  }
  return body;
}

/**
 * Whether the stored offsets still hold the quote in this text. A highlight that drifted
 * (or an orphan) keeps only its quote selector: wrong offsets would point a consumer at
 * other words, while the quote lets it search.
 */
function positionHolds(text: string, highlight: WebAnnotationHighlight): boolean {
  const { start, end } = highlight.selectors.position;
  return (
    isCodePointBoundary(text, start) &&
    isCodePointBoundary(text, end) &&
    text.slice(start, end) === highlight.selectors.quote.exact
  );
}

/**
 * The article's highlights as one AnnotationCollection with a single embedded page, in
 * document order (start, then id). Deterministic: the same input gives the same object.
 *
 * Motivation: every annotation is `highlighting` (§3.3.5: the reason it was made: the
 * analyst marked a passage). What the passage is and what the analyst thinks of it are
 * the bodies' purposes: `classifying` (thesis/risk/evidence), `tagging`, `commenting` (the
 * note), `describing` (the paraphrase). So adding a note later does not turn a highlight
 * into another kind of annotation, and every body says itself why it is there.
 *
 * Positions: Margin stores UTF-16 offsets (ADR 0006); the spec counts code points ("MUST
 * be in terms of unicode code points … not in terms of code units"), so they are
 * converted against the article text.
 */
export function webAnnotationCollection(input: WebAnnotationInput): AnnotationCollection {
  const { article, tagNames, exportedAt } = input;
  const collectionId = `${urn(article.id)}#annotations`;
  const pageId = `${collectionId}-page-1`;
  const source = sourceIri(article);
  const generator: SoftwareAgent = {
    type: 'Software',
    name: `${input.generator.name} ${input.generator.version}`,
  };
  const generated = utcDateTime(exportedAt);

  const highlights = [...input.highlights].sort(
    (a, b) =>
      a.selectors.position.start - b.selectors.position.start || compareCodeUnits(a.id, b.id),
  );
  const placed = highlights.filter((h) => positionHolds(article.text, h));
  const offsets = codePointOffsets(
    article.text,
    placed.flatMap((h) => [h.selectors.position.start, h.selectors.position.end]),
  );
  const positions = new Map(
    placed.map((h, i): [string, TextPositionSelector] => [
      h.id,
      { type: 'TextPositionSelector', start: offsets[2 * i]!, end: offsets[2 * i + 1]! },
    ]),
  );

  const items = highlights.map((highlight): WebAnnotation => {
    const { exact, prefix, suffix } = highlight.selectors.quote;
    const position = positions.get(highlight.id);
    const created = utcDateTime(highlight.createdAt);
    const modified = utcDateTime(highlight.updatedAt);
    return {
      id: urn(highlight.id),
      type: 'Annotation',
      motivation: 'highlighting',
      created,
      ...(Date.parse(modified) !== Date.parse(created) ? { modified } : {}),
      generator,
      generated,
      body: bodies(highlight, tagNames),
      target: {
        type: 'SpecificResource',
        source,
        selector: [
          { type: 'TextQuoteSelector', exact, prefix, suffix },
          ...(position ? [position] : []),
        ],
      },
    };
  });

  return {
    '@context': ANNOTATION_CONTEXT,
    id: collectionId,
    type: 'AnnotationCollection',
    label: article.title,
    total: items.length,
    generator,
    generated,
    ...(items.length > 0
      ? {
          first: {
            id: pageId,
            type: 'AnnotationPage',
            partOf: collectionId,
            startIndex: 0,
            items,
          },
          last: pageId,
        }
      : {}),
  };
}

/**
 * The `.jsonld` file's text: 2-space indent and a final newline, so the same highlights
 * always give the same bytes (and diff cleanly). Its media type is
 * `application/ld+json;profile="http://www.w3.org/ns/anno.jsonld"`.
 */
export function webAnnotationJson(input: WebAnnotationInput): string {
  return `${JSON.stringify(webAnnotationCollection(input), null, 2)}\n`;
}
