import type { MemoNode } from '../domain/memo-doc';
import type { ClaimReferenceAttrs } from './claim-reference';
import { citationParagraph, claimReferenceNode } from './memo-doc-ops';

/** A relation between two claims: the evidence or risk `fromId` bears on the thesis `toId`. */
export interface AssemblyLink {
  fromId: string;
  toId: string;
  kind: 'supports' | 'contradicts';
}

/** What "Assemble from claims" inserts into the Thesis, Risks and Evidence sections. */
export interface AssembledClaims {
  thesis: MemoNode[];
  risks: MemoNode[];
  evidence: MemoNode[];
  /** Distinct claims placed. */
  claims: number;
}

const bulletList = (items: MemoNode[][]): MemoNode => ({
  type: 'bulletList',
  content: items.map((content) => ({ type: 'listItem', content })),
});

const linkedItem = (kind: AssemblyLink['kind'], claim: ClaimReferenceAttrs): MemoNode[] => [
  {
    type: 'paragraph',
    content: [
      { type: 'text', text: kind === 'supports' ? 'Supported by ' : 'Contradicted by ' },
      claimReferenceNode(claim),
    ],
  },
];

/**
 * A first draft of the argument from the claims: each thesis with the claims that support
 * or contradict it listed under it (supporting first, each in reading order), every risk in
 * Risks (a risk contradicting a thesis is in both places: risks always belong in Risks),
 * and the evidence not already under a thesis in Evidence. `claims` is in reading order;
 * links whose ends are not a claim of the set, or do not point from a non-thesis claim to a
 * thesis, are ignored. An empty section is an empty array.
 */
export function assembleFromClaims(
  claims: readonly ClaimReferenceAttrs[],
  links: readonly AssemblyLink[],
): AssembledClaims {
  // The first copy of a claim wins, so a claim listed twice is placed once.
  const byId = new Map<string, { claim: ClaimReferenceAttrs; order: number }>();
  for (const claim of claims) {
    if (!byId.has(claim.highlightId)) byId.set(claim.highlightId, { claim, order: byId.size });
  }

  const linked = new Map<string, Map<string, AssemblyLink['kind']>>();
  for (const link of links) {
    const from = byId.get(link.fromId)?.claim;
    const to = byId.get(link.toId)?.claim;
    if (!from || !to || to.claimClass !== 'thesis' || from.claimClass === 'thesis') continue;
    const under = linked.get(to.highlightId) ?? new Map<string, AssemblyLink['kind']>();
    // The same pair linked twice is listed once; "supports" wins over "contradicts".
    if (under.get(from.highlightId) !== 'supports') under.set(from.highlightId, link.kind);
    linked.set(to.highlightId, under);
  }

  const placed = new Set<string>();
  const underThesis = new Set<string>();
  const thesis: MemoNode[] = [];
  const risks: MemoNode[][] = [];
  const evidence: MemoNode[][] = [];
  for (const { claim } of byId.values()) {
    if (claim.claimClass === 'risk') {
      risks.push([citationParagraph(claim)]);
      placed.add(claim.highlightId);
    }
    if (claim.claimClass !== 'thesis') continue;
    thesis.push(citationParagraph(claim));
    placed.add(claim.highlightId);
    const under = [...(linked.get(claim.highlightId) ?? [])]
      .map(([id, kind]) => ({ kind, ...byId.get(id)! }))
      .sort((a, b) => (a.kind === b.kind ? a.order - b.order : a.kind === 'supports' ? -1 : 1));
    if (under.length === 0) continue;
    for (const { claim: item } of under) {
      underThesis.add(item.highlightId);
      placed.add(item.highlightId);
    }
    thesis.push(bulletList(under.map(({ kind, claim: item }) => linkedItem(kind, item))));
  }
  for (const { claim } of byId.values()) {
    if (claim.claimClass === 'evidence' && !underThesis.has(claim.highlightId)) {
      evidence.push([citationParagraph(claim)]);
      placed.add(claim.highlightId);
    }
  }

  return {
    thesis,
    risks: risks.length > 0 ? [bulletList(risks)] : [],
    evidence: evidence.length > 0 ? [bulletList(evidence)] : [],
    claims: placed.size,
  };
}
