import type { ClaimClass } from '../domain/highlight';

// The order of the class sections in every report (the claims board groups the same way).
const CLASS_ORDER: readonly ClaimClass[] = ['thesis', 'risk', 'evidence'];

/** The claims of each class, in the order given, classes without claims left out. */
export function claimsByClass<T extends { claimClass: ClaimClass }>(
  claims: readonly T[],
): { claimClass: ClaimClass; claims: T[] }[] {
  return CLASS_ORDER.map((claimClass) => ({
    claimClass,
    claims: claims.filter((claim) => claim.claimClass === claimClass),
  })).filter((group) => group.claims.length > 0);
}
