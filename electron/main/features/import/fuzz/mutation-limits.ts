/**
 * How far the extreme mutations go. The soak goes to depths and sizes that take seconds
 * to parse (where stack overflows and quadratic paths live); the quick run, part of the
 * unit tests, stays at sizes that parse in milliseconds.
 */
export interface MutationLimits {
  /** Deepest nesting of elements, lists, quotes, arrays or dictionaries. */
  maxNesting: number;
  /** Longest single token (attribute, word, line) in characters. */
  maxTokenChars: number;
  /** Most members added to a zip (Margin refuses more than 2,000). */
  maxZipMembers: number;
  /** Seed files bigger than this are left out (large news pages take ~1 s each). */
  maxSeedBytes: number;
  /** Seeds left out by name. */
  skipSeeds?: RegExp | undefined;
}

export const SOAK_LIMITS: MutationLimits = {
  maxNesting: 100_000,
  maxTokenChars: 2_000_000,
  maxZipMembers: 2_100,
  maxSeedBytes: 8 * 1024 * 1024,
};

export const QUICK_LIMITS: MutationLimits = {
  maxNesting: 400,
  maxTokenChars: 100_000,
  maxZipMembers: 300,
  maxSeedBytes: 64 * 1024,
  // Hostile pages that take seconds to import as they are (600 nested <div><span> ≈ 7 s
  // through Readability): the soak keeps them, the unit-test run cannot afford them.
  skipSeeds: /deep-nesting/,
};
