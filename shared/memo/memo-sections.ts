import type { ClaimClass } from '../domain/highlight';

/**
 * The investment memo template's sections, in order. Each is a level-2 heading whose
 * `section` attribute names it, so citations and assembled claims find their place even
 * after the analyst renames the heading. "Sources" is not here: it is generated from the
 * citations and shown read-only below the text.
 */
export const MEMO_SECTIONS = [
  { id: 'summary', title: 'Summary and recommendation' },
  { id: 'thesis', title: 'Thesis' },
  { id: 'risks', title: 'Risks' },
  { id: 'evidence', title: 'Evidence' },
  { id: 'valuation', title: 'Valuation' },
  { id: 'catalysts', title: 'Catalysts' },
  { id: 'changeMind', title: 'What would change my mind' },
] as const;

export type MemoSectionId = (typeof MEMO_SECTIONS)[number]['id'];

export const MEMO_SECTION_IDS = MEMO_SECTIONS.map((s) => s.id) as [
  MemoSectionId,
  ...MemoSectionId[],
];

export function sectionTitle(id: MemoSectionId): string {
  return MEMO_SECTIONS.find((s) => s.id === id)!.title;
}

/** Where a claim goes by default: thesis → Thesis, risk → Risks, evidence → Evidence. */
export function sectionForClass(claimClass: ClaimClass): MemoSectionId {
  return claimClass === 'thesis' ? 'thesis' : claimClass === 'risk' ? 'risks' : 'evidence';
}

export function isMemoSectionId(value: unknown): value is MemoSectionId {
  return MEMO_SECTION_IDS.includes(value as MemoSectionId);
}

/**
 * Whether a block closes the section before it: the next section heading, or any level-2
 * heading the analyst added. One rule for the JSON edits in main and the editor's.
 */
export function endsSection(type: string, attrs: Readonly<Record<string, unknown>> | undefined) {
  return type === 'heading' && (attrs?.section != null || attrs?.level === 2);
}
