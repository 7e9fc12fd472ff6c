import type { ParseRequest } from '../parse-request';
import type { FuzzRandom } from './fuzz-random';
import type { FuzzSeed, SeedKind } from './fuzz-seeds';
import { HTML_FRAGMENTS } from './hostile-fragments';
import { mutateBytes, randomBytes } from './mutate-bytes';
import { mutateText, type MarkupDialect } from './mutate-markup';
import { mutatePdf } from './mutate-pdf';
import { mutateZip } from './mutate-zip';
import type { MutationLimits } from './mutation-limits';
import { encodeOddly } from './odd-encoding';

export const FUZZ_TARGET_NAMES = [
  'html',
  'markdown',
  'plain-text',
  'pdf',
  'docx',
  'eml',
  'paste',
] as const;
export type FuzzTargetName = (typeof FUZZ_TARGET_NAMES)[number];

/** One generated input: the request sent to the parser pool and how it was made. */
export interface FuzzCase {
  request: ParseRequest;
  seedName: string;
  mutations: string[];
}

/** One importer under fuzzing: where its seeds come from and how a case is made. */
export interface FuzzTarget {
  name: FuzzTargetName;
  seedKinds: readonly SeedKind[];
  makeCase(
    random: FuzzRandom,
    seeds: readonly FuzzSeed[],
    limits: MutationLimits,
  ): Promise<FuzzCase>;
}

const strictUtf8 = new TextDecoder('utf-8', { fatal: true });

/** A seed as text: UTF-8 when it is valid UTF-8, else Latin-1 (one character per byte). */
function seedText(bytes: Uint8Array): string {
  try {
    return strictUtf8.decode(bytes);
  } catch {
    return Buffer.from(bytes).toString('latin1');
  }
}

const latin1Bytes = (text: string) => new Uint8Array(Buffer.from(text, 'latin1'));

/** Addresses a URL import may report: real, odd, or not http at all. */
const PAGE_URLS = [
  undefined,
  'https://finanzblatt.example/artikel/mueller?utm_source=x#top',
  'http://[::1]:8080/a/../b',
  'javascript:alert(1)',
  'file:///etc/passwd',
  'not a url',
  'https://xn--mller-kva.example/ü',
  `https://a.example/${'a'.repeat(10_000)}`,
];
const PASSWORDS = [undefined, '', 'geheim', 'falsch', '\u0000', 'ü'.repeat(300)];

/**
 * The common plan for a case: sometimes random bytes or an empty file, sometimes the seed
 * unchanged; mostly a structure-aware mutation, often followed by byte-level damage.
 */
async function planCase(
  random: FuzzRandom,
  seeds: readonly FuzzSeed[],
  structured: (
    seed: FuzzSeed,
    other: FuzzSeed,
  ) => Promise<{ bytes: Uint8Array; applied: string[] }>,
  /** How often byte damage follows: compressed formats rarely survive it past the container. */
  byteDamage = 0.35,
): Promise<{ bytes: Uint8Array; seedName: string; mutations: string[] }> {
  const roll = random.float();
  if (roll < 0.04)
    return { bytes: randomBytes(random), seedName: 'random', mutations: ['random-bytes'] };
  if (roll < 0.05)
    return { bytes: new Uint8Array(random.int(3)), seedName: 'empty', mutations: ['empty'] };
  const seed = random.pick(seeds);
  if (roll < 0.07) return { bytes: seed.bytes, seedName: seed.name, mutations: [] };
  const other = random.pick(seeds);
  let bytes = seed.bytes;
  const mutations: string[] = [];
  if (roll < 0.8) {
    const result = await structured(seed, other);
    bytes = result.bytes;
    mutations.push(...result.applied);
  }
  if (roll >= 0.8 || random.chance(byteDamage)) {
    const result = mutateBytes(bytes, random, other.bytes);
    bytes = result.bytes;
    mutations.push(...result.applied);
  }
  return { bytes, seedName: seed.name, mutations };
}

/** A text format: token-level mutations in its dialect, then an odd encoding or charset. */
function textTarget(
  name: FuzzTargetName,
  format: 'html' | 'md' | 'txt',
  dialect: MarkupDialect,
  seedKinds: readonly SeedKind[],
): FuzzTarget {
  return {
    name,
    seedKinds,
    async makeCase(random, seeds, limits) {
      let declaredCharset: string | null = null;
      const planned = await planCase(random, seeds, async (seed) => {
        const text = seedText(seed.bytes);
        const mutated = mutateText(text, random, dialect, limits);
        const encoded = encodeOddly(mutated.text, random, true);
        declaredCharset = encoded.declaredCharset;
        return { bytes: encoded.bytes, applied: [...mutated.applied, ...encoded.applied] };
      });
      const url = format === 'html' ? random.pick(PAGE_URLS) : undefined;
      return {
        request: { kind: 'bytes', format, bytes: planned.bytes, declaredCharset, url },
        seedName: planned.seedName,
        mutations: url ? [...planned.mutations, `url:${url.slice(0, 60)}`] : planned.mutations,
      };
    },
  };
}

const pdfTarget: FuzzTarget = {
  name: 'pdf',
  seedKinds: ['pdf'],
  async makeCase(random, seeds, limits) {
    const planned = await planCase(
      random,
      seeds,
      async (seed) => mutatePdf(seed.bytes, random, limits),
      0.2,
    );
    const password = random.pick(PASSWORDS);
    return {
      request: { kind: 'bytes', format: 'pdf', bytes: planned.bytes, password },
      seedName: planned.seedName,
      mutations: password === undefined ? planned.mutations : [...planned.mutations, 'password'],
    };
  },
};

const docxTarget: FuzzTarget = {
  name: 'docx',
  seedKinds: ['docx'],
  async makeCase(random, seeds, limits) {
    const planned = await planCase(
      random,
      seeds,
      (seed, other) => mutateZip(seed.bytes, random, other.bytes, limits),
      0.1,
    );
    return {
      request: { kind: 'bytes', format: 'docx', bytes: planned.bytes },
      seedName: planned.seedName,
      mutations: planned.mutations,
    };
  },
};

/** A message whose multiparts nest `depth` deep, each level with a text part. */
function nestedMultipart(depth: number): string {
  let body = 'Content-Type: text/plain; charset=utf-8\r\n\r\nInnerster Text.\r\n';
  for (let level = depth; level > 0; level--) {
    const boundary = `b${level}`;
    body =
      `Content-Type: multipart/mixed; boundary="${boundary}"\r\n\r\n` +
      `--${boundary}\r\nContent-Type: text/plain\r\n\r\nEbene ${level}\r\n--${boundary}\r\n${body}--${boundary}--\r\n`;
  }
  return `From: a@example.com\r\nSubject: verschachtelt\r\nMIME-Version: 1.0\r\n${body}`;
}

const emlTarget: FuzzTarget = {
  name: 'eml',
  seedKinds: ['eml'],
  async makeCase(random, seeds, limits) {
    const planned = await planCase(random, seeds, async (seed) => {
      if (random.chance(0.1)) {
        const depth = random.small(1, 400);
        return {
          bytes: latin1Bytes(nestedMultipart(depth)),
          applied: [`eml:nested-multipart(${depth})`],
        };
      }
      // Messages are 7-bit or 8-bit text: Latin-1 keeps every byte; bodies get HTML mutations.
      const text = Buffer.from(seed.bytes).toString('latin1');
      const mutated = mutateText(text, random, random.chance(0.7) ? 'eml' : 'html', limits);
      return { bytes: latin1Bytes(mutated.text), applied: mutated.applied };
    });
    return {
      request: { kind: 'bytes', format: 'eml', bytes: planned.bytes },
      seedName: planned.seedName,
      mutations: planned.mutations,
    };
  },
};

/** Pasted text with clipboard HTML: both strings come straight from another program. */
const pasteTarget: FuzzTarget = {
  name: 'paste',
  seedKinds: ['text', 'html'],
  async makeCase(random, seeds, limits) {
    const textSeeds = seeds.filter((seed) => seed.kind === 'text');
    const htmlSeeds = seeds.filter((seed) => seed.kind === 'html');
    const textSeed = random.pick(textSeeds.length > 0 ? textSeeds : seeds);
    const mutations: string[] = [];
    let text = seedText(textSeed.bytes);
    if (random.chance(0.7)) {
      const mutated = mutateText(text, random, 'text', limits);
      text = mutated.text;
      mutations.push(...mutated.applied);
    }
    let html: string | undefined;
    const roll = random.float();
    let seedName = textSeed.name;
    if (roll < 0.15) html = random.pick([undefined, '', '   \n']);
    else if (roll < 0.3) html = random.pick(HTML_FRAGMENTS);
    else {
      const htmlSeed = random.pick(htmlSeeds.length > 0 ? htmlSeeds : seeds);
      seedName = `${textSeed.name} + ${htmlSeed.name}`;
      const mutated = mutateText(seedText(htmlSeed.bytes), random, 'html', limits);
      html = mutated.text;
      mutations.push(...mutated.applied);
    }
    // Over the article limit now and then: the worker must refuse it with a typed error.
    if (random.chance(0.005)) {
      text = text.repeat(Math.ceil(5_100_000 / Math.max(1, text.length)));
      mutations.push('oversize-text');
    }
    return { request: { kind: 'paste', text, html }, seedName, mutations };
  },
};

/** Every importer the app has, each with its own seeds and mutations. */
export const FUZZ_TARGETS: Record<FuzzTargetName, FuzzTarget> = {
  html: textTarget('html', 'html', 'html', ['html']),
  markdown: textTarget('markdown', 'md', 'markdown', ['markdown']),
  'plain-text': textTarget('plain-text', 'txt', 'text', ['text']),
  pdf: pdfTarget,
  docx: docxTarget,
  eml: emlTarget,
  paste: pasteTarget,
};
