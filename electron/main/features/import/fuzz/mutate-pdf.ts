import type { FuzzRandom } from './fuzz-random';
import { PDF_FRAGMENTS } from './hostile-fragments';
import { MAX_CASE_BYTES } from './mutate-bytes';
import { nestingDepth } from './mutate-markup';
import type { MutationLimits } from './mutation-limits';

// PDF mutations work on the file as Latin-1 text, which maps every byte to one character
// and back: the syntax (objects, xref, dictionaries) is ASCII, streams pass through intact.

type PdfMutation = (pdf: string, random: FuzzRandom, limits: MutationLimits) => string;

const EXTREME_NUMBERS = [
  '0',
  '-1',
  '1',
  '2147483647',
  '-2147483648',
  '4294967296',
  '99999999999',
  '1e309',
  '3.4e38',
  'NaN',
  '-0',
  '.',
  '1.2.3',
];

/** Replaces one random match of `pattern` (global) through `replace`. */
function replaceOne(
  text: string,
  pattern: RegExp,
  random: FuzzRandom,
  replace: (match: RegExpExecArray) => string,
): string {
  const matches = [...text.matchAll(pattern)];
  if (matches.length === 0) return text;
  const match = random.pick(matches);
  return text.slice(0, match.index) + replace(match) + text.slice(match.index + match[0].length);
}

const objectNumbers = (pdf: string) => [...pdf.matchAll(/(\d+) \d+ obj\b/g)].map((m) => m[1]!);

const someNumber = (pdf: string, random: FuzzRandom) =>
  random.chance(0.6) && objectNumbers(pdf).length > 0
    ? random.pick(objectNumbers(pdf))
    : random.pick(EXTREME_NUMBERS);

/** Mutations that know the PDF syntax, by name. */
export const pdfMutations: Record<string, PdfMutation> = {
  objectNumber: (pdf, random) =>
    replaceOne(
      pdf,
      /(\d+) (\d+) obj\b/g,
      random,
      () => `${someNumber(pdf, random)} ${random.pick(['0', '1', '65535', '-1'])} obj`,
    ),
  reference: (pdf, random) =>
    replaceOne(pdf, /(\d+) (\d+) R\b/g, random, () => `${someNumber(pdf, random)} 0 R`),
  xrefOffset: (pdf, random) =>
    replaceOne(pdf, /\b(\d{10}) (\d{5}) ([nf])\b/g, random, (m) => {
      const offset = random.chance(0.5) ? random.int(pdf.length + 100) : random.int(1e10);
      return `${String(offset).padStart(10, '0').slice(-10)} ${m[2]} ${random.pick(['n', 'f', m[3]!])}`;
    }),
  startxref: (pdf, random) =>
    replaceOne(
      pdf,
      /startxref\s+(\d+)/g,
      random,
      () =>
        `startxref\n${random.chance(0.5) ? random.int(pdf.length) : random.pick(EXTREME_NUMBERS)}`,
    ),
  streamLength: (pdf, random) =>
    replaceOne(pdf, /\/Length (\d+)/g, random, (m) => {
      const length = Number(m[1]);
      const value = random.chance(0.5)
        ? String(Math.max(0, length + random.small(-64, 64)))
        : random.pick(EXTREME_NUMBERS);
      return `/Length ${value}`;
    }),
  dictionaryValue: (pdf, random) =>
    replaceOne(
      pdf,
      /\/(Count|Size|First|N|W|Index|Columns|Predictor|BitsPerComponent|Width|Height|Rotate|FontSize|Prev|MediaBox|Kids|Parent|Contents|Resources|Font)\s+(\[[^\]]*\]|\d+ \d+ R|-?[\d.]+)/g,
      random,
      (m) =>
        `/${m[1]} ${random.chance(0.5) ? random.pick(EXTREME_NUMBERS) : random.pick(['[]', '[0 0 R]', '<< >>', 'null', '(x)', `${someNumber(pdf, random)} 0 R`])}`,
    ),
  filterName: (pdf, random) =>
    replaceOne(
      pdf,
      /\/Filter\s*\/\w+/g,
      random,
      () =>
        `/Filter /${random.pick(['FlateDecode', 'LZWDecode', 'ASCII85Decode', 'ASCIIHexDecode', 'RunLengthDecode', 'CCITTFaxDecode', 'JBIG2Decode', 'DCTDecode', 'JPXDecode', 'Crypt', 'Bogus'])}`,
    ),
  insertFragment: (pdf, random) =>
    replaceOne(pdf, /<<|>>/g, random, (m) =>
      m[0] === '<<' ? `<< ${random.pick(PDF_FRAGMENTS)} ` : ` ${random.pick(PDF_FRAGMENTS)} >>`,
    ),
  /** Arrays or dictionaries nested thousands deep: the object parser recurses. */
  deepNesting: (pdf, random, limits) => {
    const depth = nestingDepth(random, limits);
    const [open, close] = random.pick([
      ['[', ']'],
      ['<< /A ', ' >>'],
    ] as const);
    return replaceOne(
      pdf,
      /\/(Kids|Contents|Annots|Resources)\s+/g,
      random,
      (m) => `${m[0]}${open.repeat(depth)}${close.repeat(random.chance(0.5) ? depth : 0)} `,
    );
  },
  duplicateObject: (pdf, random) =>
    replaceOne(pdf, /\d+ \d+ obj\b[\s\S]*?endobj/g, random, (m) =>
      m[0].repeat(random.small(2, 50)),
    ),
  dropKeyword: (pdf, random) =>
    replaceOne(pdf, /\b(endobj|endstream|stream|xref|trailer|obj|R)\b/g, random, () => ''),
  /** In uncompressed content streams: operators with absurd operands, unbalanced state. */
  contentOperator: (pdf, random) =>
    replaceOne(pdf, /\b(Tf|Td|TD|Tm|Tj|TJ|Tz|TL|cm|re|q|Q|BT|ET)\b/g, random, (m) =>
      random.pick([
        `${m[0]} ${'q '.repeat(random.small(1, 5000))}`,
        `${random.pick(EXTREME_NUMBERS)} ${random.pick(EXTREME_NUMBERS)} ${m[0]}`,
        `${m[0]} (${'\\'.repeat(random.small(1, 300))}) Tj`,
        `${m[0]} [${'(x) -99999 '.repeat(random.small(1, 2000))}] TJ`,
        `BT ${m[0]}`,
      ]),
    ),
};

const PDF_MUTATION_NAMES = Object.keys(pdfMutations);

/** Applies a few syntax-aware mutations to a PDF. */
export function mutatePdf(
  bytes: Uint8Array,
  random: FuzzRandom,
  limits: MutationLimits,
  count = random.small(1, 3),
): { bytes: Uint8Array; applied: string[] } {
  let pdf = Buffer.from(bytes).toString('latin1');
  const applied: string[] = [];
  for (let i = 0; i < count; i++) {
    const name = random.pick(PDF_MUTATION_NAMES);
    const next = pdfMutations[name]!(pdf, random, limits);
    if (next.length > MAX_CASE_BYTES) continue;
    pdf = next;
    applied.push(`pdf:${name}`);
  }
  return { bytes: new Uint8Array(Buffer.from(pdf, 'latin1')), applied };
}
