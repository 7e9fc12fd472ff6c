import { describe, expect, it } from 'vitest';
import { MemoDoc, type MemoNode } from '../../domain/memo-doc';
import { AssembledSections } from '../../domain/memo';
import { assembleFromClaims, type AssemblyLink } from '../assemble-from-claims';
import { assertMemoDocStructure } from '../memo-doc-structure';
import { citationParagraph, citedHighlightIds, insertIntoSection } from '../memo-doc-ops';
import { memoPlainText } from '../memo-plain-text';
import { memoTemplateDoc } from '../memo-template';
import { claimAttrs, roundTrip, uuid } from './fixtures';
import type { ClaimReferenceAttrs } from '../claim-reference';

const thesis = (n: number) => claimAttrs(n, { claimClass: 'thesis', quote: `T${n}` });
const risk = (n: number) => claimAttrs(n, { claimClass: 'risk', quote: `R${n}` });
const evidence = (n: number) => claimAttrs(n, { claimClass: 'evidence', quote: `E${n}` });
const link = (from: number, to: number, kind: AssemblyLink['kind'] = 'supports'): AssemblyLink => ({
  fromId: uuid(from),
  toId: uuid(to),
  kind,
});

/** A section's nodes as readable lines (what the analyst sees). */
const lines = (nodes: MemoNode[]) => memoPlainText({ type: 'doc', content: nodes }).split('\n');

function intoTemplate(sections: ReturnType<typeof assembleFromClaims>): MemoDoc {
  let doc = memoTemplateDoc();
  doc = insertIntoSection(doc, 'thesis', sections.thesis);
  doc = insertIntoSection(doc, 'risks', sections.risks);
  return insertIntoSection(doc, 'evidence', sections.evidence);
}

describe('assembleFromClaims', () => {
  // Reading order: E1 T2 R3 E4 T5 E6 R7 E8
  const claims: ClaimReferenceAttrs[] = [
    evidence(1),
    thesis(2),
    risk(3),
    evidence(4),
    thesis(5),
    evidence(6),
    risk(7),
    evidence(8),
  ];
  const links = [
    link(6, 2), // supports T2, after E1 in reading order
    link(3, 2, 'contradicts'),
    link(1, 2),
    link(4, 5),
    link(99, 5), // not in the set
    link(7, 98, 'contradicts'), // not in the set
  ];

  it('lists under each thesis what supports it, then what contradicts it, in reading order', () => {
    const result = assembleFromClaims(claims, links);
    expect(lines(result.thesis)).toEqual([
      '“T2”',
      'Supported by “E1”',
      'Supported by “E6”',
      'Contradicted by “R3”',
      '“T5”',
      'Supported by “E4”',
    ]);
    expect(result.thesis[0]).toEqual(citationParagraph(thesis(2)));
    expect(result.thesis[1]!.type).toBe('bulletList');
    expect(result.thesis[1]!.content).toHaveLength(3);
  });

  it('keeps every risk in Risks and only the unplaced evidence in Evidence', () => {
    const result = assembleFromClaims(claims, links);
    expect(lines(result.risks)).toEqual(['“R3”', '“R7”']);
    expect(lines(result.evidence)).toEqual(['“E8”']);
    expect(result.risks).toEqual([
      {
        type: 'bulletList',
        content: [
          { type: 'listItem', content: [citationParagraph(risk(3))] },
          { type: 'listItem', content: [citationParagraph(risk(7))] },
        ],
      },
    ]);
    expect(result.claims).toBe(8);
  });

  it('places evidence under every thesis it supports', () => {
    const result = assembleFromClaims(
      [thesis(1), thesis(2), evidence(3)],
      [link(3, 1), link(3, 2)],
    );
    expect(lines(result.thesis)).toEqual([
      '“T1”',
      'Supported by “E3”',
      '“T2”',
      'Supported by “E3”',
    ]);
    expect(result.evidence).toEqual([]);
    expect(result.claims).toBe(3);
  });

  it('gives empty sections as empty arrays', () => {
    expect(assembleFromClaims([], [])).toEqual({ thesis: [], risks: [], evidence: [], claims: 0 });
    const onlyEvidence = assembleFromClaims([evidence(1)], []);
    expect(onlyEvidence.thesis).toEqual([]);
    expect(onlyEvidence.risks).toEqual([]);
    expect(lines(onlyEvidence.evidence)).toEqual(['“E1”']);
  });

  it('places a claim listed twice once, and a link given twice once', () => {
    const result = assembleFromClaims(
      [thesis(1), evidence(2), evidence(2)],
      [link(2, 1), link(2, 1), link(2, 1, 'contradicts')],
    );
    expect(lines(result.thesis)).toEqual(['“T1”', 'Supported by “E2”']);
    expect(result.claims).toBe(2);
  });

  it('ignores links between theses and links pointing away from a thesis', () => {
    const result = assembleFromClaims(
      [thesis(1), thesis(2), evidence(3)],
      [link(2, 1), link(1, 3)],
    );
    expect(lines(result.thesis)).toEqual(['“T1”', '“T2”']);
    expect(lines(result.evidence)).toEqual(['“E3”']);
  });

  it('fits the stored-memo schema, the editor schema and the assembly contract', () => {
    const result = assembleFromClaims(claims, links);
    expect(AssembledSections.safeParse(result).success).toBe(true);
    const doc = intoTemplate(result);
    const parsed = MemoDoc.safeParse(doc);
    expect(parsed.error).toBeUndefined();
    expect(() => assertMemoDocStructure(doc)).not.toThrow();
    expect(JSON.stringify(roundTrip(doc))).toBe(JSON.stringify(doc));
    expect(new Set(citedHighlightIds(doc))).toEqual(new Set(claims.map((c) => c.highlightId)));
  });
});
