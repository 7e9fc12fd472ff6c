import type { ClaimClass } from '../domain/highlight';

const LABELS: Record<ClaimClass, string> = { thesis: 'Thesis', risk: 'Risk', evidence: 'Evidence' };

/** "Thesis", "Risk", "Evidence": how reports name a claim's class. */
export function claimClassLabel(claimClass: ClaimClass): string {
  return LABELS[claimClass];
}
