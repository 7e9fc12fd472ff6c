import type { Conviction } from '../../../../shared/domain/memo';

export const CONVICTIONS: ReadonlyArray<{ value: Conviction; label: string }> = [
  { value: 'high', label: 'High' },
  { value: 'medium', label: 'Medium' },
  { value: 'low', label: 'Low' },
];
