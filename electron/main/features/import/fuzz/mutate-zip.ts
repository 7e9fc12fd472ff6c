import { buffer } from 'node:stream/consumers';
import yauzl from 'yauzl';
import { ZipFile } from 'yazl';
import type { FuzzRandom } from './fuzz-random';
import { EXTERNAL_RELATIONSHIPS, XML_ENTITY_BOMB } from './hostile-fragments';
import { mutateBytes } from './mutate-bytes';
import { mutateText } from './mutate-markup';
import type { MutationLimits } from './mutation-limits';

interface ZipMember {
  name: string;
  data: Buffer;
}

/** The parts mammoth reads first; mutating them reaches past the zip into the Word model. */
const WORD_PARTS = [
  'word/document.xml',
  'word/_rels/document.xml.rels',
  '[Content_Types].xml',
  '_rels/.rels',
  'docProps/core.xml',
  'word/numbering.xml',
  'word/styles.xml',
];
const RELATIONSHIPS = 'word/_rels/document.xml.rels';

/** Seeds bigger than this once inflated (the zip bombs) are only damaged in their headers. */
const MAX_INFLATED_BYTES = 32 * 1024 * 1024;
const MAX_MEMBERS = 2_500;

/** Every member of a (seed) zip, inflated; null when it is not a small, readable zip. */
async function readMembers(bytes: Uint8Array): Promise<ZipMember[] | null> {
  try {
    const zip = await yauzl.fromBufferPromise(Buffer.from(bytes), { lazyEntries: true });
    const members: ZipMember[] = [];
    let inflated = 0;
    try {
      if (zip.entryCount > MAX_MEMBERS) return null;
      for await (const entry of zip.eachEntry()) {
        inflated += entry.uncompressedSize;
        if (inflated > MAX_INFLATED_BYTES) return null;
        if (entry.fileName.endsWith('/')) continue;
        const data = await buffer(await zip.openReadStreamPromise(entry));
        members.push({ name: entry.fileName, data });
      }
    } finally {
      zip.close();
    }
    return members;
  } catch {
    return null;
  }
}

/** Zips the members again with yazl, each stored or deflated at random. */
async function writeMembers(
  members: readonly ZipMember[],
  random: FuzzRandom,
): Promise<Uint8Array> {
  const zip = new ZipFile();
  for (const member of members)
    zip.addBuffer(member.data, member.name, { compress: random.chance(0.7) });
  zip.end();
  return new Uint8Array(await buffer(zip.outputStream));
}

const pickMember = (members: readonly ZipMember[], random: FuzzRandom) => {
  const word = members.filter((m) => WORD_PARTS.includes(m.name));
  return random.chance(0.8) && word.length > 0 ? random.pick(word) : random.pick(members);
};

type MemberMutation = (
  members: ZipMember[],
  random: FuzzRandom,
  other: Uint8Array,
  limits: MutationLimits,
) => string;

/** Mutations of the package's content, re-zipped with valid headers, by name. */
const memberMutations: Record<string, MemberMutation> = {
  content(members, random, other, limits) {
    const member = pickMember(members, random);
    if (/\.(xml|rels)$/.test(member.name) && random.chance(0.8)) {
      const { text, applied } = mutateText(member.data.toString('utf8'), random, 'xml', limits);
      member.data = Buffer.from(text, 'utf8');
      return `${member.name}:${applied.join('+')}`;
    }
    const { bytes, applied } = mutateBytes(member.data, random, other);
    member.data = Buffer.from(bytes);
    return `${member.name}:${applied.join('+')}`;
  },
  entityBomb(members, random) {
    const member = pickMember(members, random);
    const xml = member.data.toString('utf8');
    const afterDeclaration = xml.startsWith('<?xml') ? xml.indexOf('?>') + 2 : 0;
    const bombed = xml.slice(0, afterDeclaration) + XML_ENTITY_BOMB + xml.slice(afterDeclaration);
    member.data = Buffer.from(bombed.replace(/<w:t([ >])/, '<w:t$1&d;&e;'), 'utf8');
    return member.name;
  },
  externalRelationship(members, random) {
    let rels = members.find((m) => m.name === RELATIONSHIPS);
    if (!rels) {
      rels = {
        name: RELATIONSHIPS,
        data: Buffer.from(
          '<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"></Relationships>',
        ),
      };
      members.push(rels);
    }
    const added = random.pick(EXTERNAL_RELATIONSHIPS);
    rels.data = Buffer.from(
      rels.data.toString('utf8').replace('</Relationships>', `${added}</Relationships>`),
    );
    return 'added';
  },
  /** Two members of the same name: the zip checker and mammoth may read different ones. */
  shadowMember(members, random, _other, limits) {
    const member = pickMember(members, random);
    const { text } = mutateText(member.data.toString('utf8'), random, 'xml', limits);
    members.splice(random.int(members.length + 1), 0, {
      name: member.name,
      data: Buffer.from(text),
    });
    return member.name;
  },
  dropMember(members, random) {
    const [dropped] = members.splice(members.indexOf(pickMember(members, random)), 1);
    return dropped?.name ?? '';
  },
  manyMembers(members, random, _other, limits) {
    const count = random.small(1, limits.maxZipMembers);
    for (let i = 0; i < count; i++)
      members.push({ name: `word/media/junk${i}.xml`, data: Buffer.from('<x/>') });
    return String(count);
  },
};

const MEMBER_MUTATION_NAMES = Object.keys(memberMutations);

/** Offsets of every record with `signature` (little-endian), searched from the start. */
function recordOffsets(bytes: Uint8Array, signature: number): number[] {
  const view = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const offsets: number[] = [];
  for (let at = 0; at + 4 <= view.length; at++) {
    if (view.readUInt32LE(at) === signature) offsets.push(at);
  }
  return offsets;
}

/** Field offsets (from the signature) and widths inside each record type. */
type HeaderField = readonly [offset: number, width: 2 | 4];
const CENTRAL_FIELDS: readonly HeaderField[] = [
  [10, 2],
  [16, 4],
  [20, 4],
  [24, 4],
  [28, 2],
  [30, 2],
  [32, 2],
  [34, 2],
  [42, 4],
];
const LOCAL_FIELDS: readonly HeaderField[] = [
  [8, 2],
  [14, 4],
  [18, 4],
  [22, 4],
  [26, 2],
  [28, 2],
];
const END_FIELDS: readonly HeaderField[] = [
  [4, 2],
  [8, 2],
  [10, 2],
  [12, 4],
  [16, 4],
  [20, 2],
];
const FIELD_VALUES = [0, 1, 0xff, 0xffff, 0xffffffff, 0x7fffffff];

/**
 * Sets one header field (a size, offset, count, name length or method) of the central
 * directory, a local header or the end record to an extreme or random value.
 */
function corruptHeader(
  bytes: Uint8Array,
  random: FuzzRandom,
): { bytes: Uint8Array; applied: string } {
  const kinds = [
    ['central', 0x02014b50, CENTRAL_FIELDS],
    ['local', 0x04034b50, LOCAL_FIELDS],
    ['end', 0x06054b50, END_FIELDS],
  ] as const;
  const [kind, signature, fields] = random.pick(kinds);
  const offsets = recordOffsets(bytes, signature);
  if (offsets.length === 0) return { bytes, applied: `zip:corrupt-${kind}:none` };
  const out = Buffer.from(bytes);
  const record = random.pick(offsets);
  const [at, width] = random.pick(fields);
  if (record + at + width > out.length) return { bytes, applied: `zip:corrupt-${kind}:short` };
  const value = random.chance(0.5) ? random.pick(FIELD_VALUES) : random.int(2 ** (8 * width));
  if (width === 2) out.writeUInt16LE(value & 0xffff, record + at);
  else out.writeUInt32LE(value >>> 0, record + at);
  return { bytes: new Uint8Array(out), applied: `zip:corrupt-${kind}@${at}=${value}` };
}

/**
 * Structure-aware zip mutations: change the package's parts and zip it again (valid
 * headers, hostile content), or corrupt the headers of the zip itself.
 */
export async function mutateZip(
  bytes: Uint8Array,
  random: FuzzRandom,
  other: Uint8Array,
  limits: MutationLimits,
): Promise<{ bytes: Uint8Array; applied: string[] }> {
  const members = random.chance(0.9) ? await readMembers(bytes) : null;
  const applied: string[] = [];
  let out = bytes;
  if (members && members.length > 0) {
    for (let i = random.small(1, 3); i > 0 && members.length > 0; i--) {
      const name = random.pick(MEMBER_MUTATION_NAMES);
      applied.push(`zip:${name}(${memberMutations[name]!(members, random, other, limits)})`);
    }
    out = await writeMembers(members, random);
  }
  if (applied.length === 0 || random.chance(0.1)) {
    const corrupted = corruptHeader(out, random);
    out = corrupted.bytes;
    applied.push(corrupted.applied);
  }
  return { bytes: out, applied };
}
