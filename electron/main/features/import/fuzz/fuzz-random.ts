/** A seeded source of choices: every fuzz case is rebuilt exactly from its seed. */
export interface FuzzRandom {
  /** A float in [0, 1). */
  float(): number;
  /** A whole number in [0, below). */
  int(below: number): number;
  /** A whole number in [min, max], skewed towards small values (most mutations are small). */
  small(min: number, max: number): number;
  chance(probability: number): boolean;
  pick<T>(items: readonly T[]): T;
  bytes(length: number): Uint8Array;
}

/** mulberry32 (as in bench/random.ts): small, fast and good enough to pick mutations. */
export function fuzzRandom(seed: number): FuzzRandom {
  let state = seed >>> 0;
  const float = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (below: number) => Math.floor(float() * Math.max(1, below));
  return {
    float,
    int,
    small: (min, max) => min + Math.floor(float() * float() * (max - min + 1)),
    chance: (probability) => float() < probability,
    pick: <T>(items: readonly T[]) => {
      if (items.length === 0) throw new Error('pick from an empty list');
      return items[int(items.length)]!;
    },
    bytes: (length) => Uint8Array.from({ length }, () => int(256)),
  };
}

/**
 * The seed of one case, from the run's seed, the target and the case's index: any case
 * can be replayed alone, without generating the ones before it.
 */
export function caseSeed(runSeed: number, target: string, index: number): number {
  let hash = 0x811c9dc5 ^ (runSeed >>> 0);
  for (const char of `${target}#${index}`) hash = Math.imul(hash ^ char.charCodeAt(0), 0x01000193);
  return Math.imul(hash ^ (hash >>> 16), 0x45d9f3b) >>> 0;
}
