import type { ClaimClass } from '../../../shared/domain/highlight';

/** The three classes in key order (1, 2, 3), with their labels and second cues. */
export const claimClasses: ReadonlyArray<{
  value: ClaimClass;
  label: string;
  key: '1' | '2' | '3';
  /** The non-colour cue, said in words for screen readers and tooltips. */
  cue: string;
}> = [
  { value: 'thesis', label: 'Thesis', key: '1', cue: 'solid underline' },
  { value: 'risk', label: 'Risk', key: '2', cue: 'wavy underline' },
  { value: 'evidence', label: 'Evidence', key: '3', cue: 'dotted underline' },
];

export const classLabel = (value: ClaimClass) => claimClasses.find((c) => c.value === value)!.label;

export const classOfKey = (key: string): ClaimClass | null =>
  claimClasses.find((c) => c.key === key)?.value ?? null;
