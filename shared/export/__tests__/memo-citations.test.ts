import { describe, expect, it } from 'vitest';
import type { ClaimReferenceAttrs } from '../../memo/claim-reference';
import { claimFromSnapshot } from '../claim-from-snapshot';
import { MemoCitations } from '../memo-citations';
import type { ReportClaim, ReportSource } from '../report-input';
import { sourceFromSnapshot } from '../source-from-snapshot';

const uuid = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;

const snapshot = (n: number, fields: Partial<ClaimReferenceAttrs> = {}): ClaimReferenceAttrs => ({
  highlightId: uuid(n),
  articleId: uuid(100),
  quote: `Quote ${n} as cited`,
  claimClass: 'risk',
  paraphrase: '',
  source: 'Handelsblatt',
  articleTitle: 'Microsoft-Aktie unter Druck',
  publishedAt: '2026-11-20',
  locator: '¶4',
  ...fields,
});

describe('citation snapshots', () => {
  it('describe a deleted claim and a deleted article', () => {
    expect(claimFromSnapshot(snapshot(1))).toEqual({
      highlightId: uuid(1),
      articleId: uuid(100),
      quote: 'Quote 1 as cited',
      claimClass: 'risk',
      paraphrase: '',
      locator: '¶4',
      state: 'deleted',
      tags: [],
      note: '',
    });
    expect(sourceFromSnapshot(snapshot(1))).toEqual({
      articleId: uuid(100),
      title: 'Microsoft-Aktie unter Druck',
      publisher: 'Handelsblatt',
      author: null,
      publishedAt: '2026-11-20',
      url: null,
      fileName: null,
      language: 'und',
      inLibrary: false,
    });
    expect(sourceFromSnapshot(snapshot(1, { articleTitle: null, source: ' ' }))).toMatchObject({
      title: 'Untitled article',
      publisher: null,
    });
  });
});

describe('MemoCitations', () => {
  const current: ReportClaim = {
    ...claimFromSnapshot(snapshot(1)),
    quote: 'Quote 1 as edited',
    state: 'ok',
  };
  const article: ReportSource = {
    ...sourceFromSnapshot(snapshot(1)),
    language: 'de',
    inLibrary: true,
  };

  it("quotes the library's current words and the article's language", () => {
    const citations = new MemoCitations(
      new Map([[uuid(1), current]]),
      new Map([[uuid(100), article]]),
    );
    expect(citations.cite(snapshot(1))).toMatchObject({
      quote: 'Quote 1 as edited',
      language: 'de',
    });
  });

  it('numbers claims by first citation and reuses a footnote', () => {
    const citations = new MemoCitations(new Map(), new Map());
    expect(citations.cite(snapshot(2)).reference.identifier).toBe('1');
    expect(citations.cite(snapshot(1)).reference.identifier).toBe('2');
    // A later snapshot of the same deleted claim shows the same words as the first.
    const again = citations.cite(snapshot(2, { quote: 'other words' }));
    expect(again).toMatchObject({ quote: 'Quote 2 as cited', language: 'und' });
    expect(again.reference.identifier).toBe('1');
    expect(citations.referenceById(uuid(1))?.identifier).toBe('2');
    expect(citations.referenceById(uuid(3))).toBeNull();
    expect(citations.definitions()).toHaveLength(2);
    expect(citations.citedSources()).toHaveLength(1);
  });
});
