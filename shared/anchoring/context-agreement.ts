/**
 * Words inserted next to a quote push its context away rather than replace it: the rest of
 * the context is looked for up to this far beyond the insertion.
 */
const MAX_GAP_CHARS = 96;
/** The piece of context looked for beyond a gap; shorter pieces recur by chance. */
const GAP_PIECE_CHARS = 8;
/**
 * What a gap costs, in characters of agreement: 2, plus one per 8 characters skipped. A
 * few inserted words cost little; skipping most of a paragraph to find the context again
 * costs most of it (in a repeated passage, the next copy's context is a paragraph away).
 */
const gapCost = (gap: number) => 2 + gap / 8;

/** One DP row, reused: contexts are at most a few dozen characters. */
let row = new Int32Array(128);

/** The character of `text` at `k` steps away from `boundary` (k ≥ 0). */
const away = (text: string, boundary: number, k: number, backwards: boolean) =>
  backwards ? text.charCodeAt(boundary - 1 - k) : text.charCodeAt(boundary + k);
/** The character of `context` at `k` steps away from the quote. */
const ctx = (context: string, k: number, backwards: boolean) =>
  context.charCodeAt(backwards ? context.length - 1 - k : k);

/**
 * Edit distance between `context` and the text running away from `boundary`, where the
 * text side may end anywhere (so what follows the context does not count).
 */
function editDistance(text: string, boundary: number, context: string, backwards: boolean) {
  const m = context.length;
  // Up to m inserted characters can still be aligned; more than that costs m anyway.
  const n = Math.min(backwards ? boundary : text.length - boundary, 2 * m);
  if (row.length <= n) row = new Int32Array(2 * n + 2);
  for (let j = 0; j <= n; j++) row[j] = j;
  for (let i = 1; i <= m; i++) {
    const p = ctx(context, i - 1, backwards);
    let diagonal = row[0]!;
    row[0] = i;
    for (let j = 1; j <= n; j++) {
      const up = row[j]!;
      const t = away(text, boundary, j - 1, backwards);
      row[j] = Math.min(up + 1, row[j - 1]! + 1, diagonal + (p === t ? 0 : 1));
      diagonal = up;
    }
  }
  let best = m;
  for (let j = 0; j <= n; j++) if (row[j]! < best) best = row[j]!;
  return best;
}

/**
 * Agreeing characters when words were inserted into the context: the part next to the
 * quote agrees verbatim, then after a gap the rest picks up again.
 */
function agreementAcrossGap(
  text: string,
  boundary: number,
  context: string,
  backwards: boolean,
  exact: string,
): number {
  const m = context.length;
  let lead = 0;
  while (lead < m && away(text, boundary, lead, backwards) === ctx(context, lead, backwards)) {
    lead++;
  }
  if (m - lead < GAP_PIECE_CHARS) return lead;
  const resume = backwards ? boundary - lead : boundary + lead;
  let gap: number;
  if (backwards) {
    const piece = context.slice(m - lead - GAP_PIECE_CHARS, m - lead);
    const from = Math.max(0, resume - MAX_GAP_CHARS - GAP_PIECE_CHARS);
    const at = text.slice(from, resume).lastIndexOf(piece);
    if (at === -1) return lead;
    gap = resume - (from + at + GAP_PIECE_CHARS);
  } else {
    const piece = context.slice(lead, lead + GAP_PIECE_CHARS);
    gap = text.slice(resume, resume + MAX_GAP_CHARS + GAP_PIECE_CHARS).indexOf(piece);
    if (gap === -1) return lead;
  }
  // Context found again past another copy of the quote is that copy's context.
  const skipped = backwards ? text.slice(resume - gap, resume) : text.slice(resume, resume + gap);
  if (skipped.includes(exact)) return lead;
  let run = 0;
  while (
    lead + run < m &&
    away(text, boundary, lead + gap + run, backwards) === ctx(context, lead + run, backwards)
  ) {
    run++;
  }
  return Math.max(lead, lead + run - gapCost(gap));
}

/** How many characters of one side's context agree with the text beside the candidate. */
function agreeingSide(
  text: string,
  boundary: number,
  context: string,
  backwards: boolean,
  exact: string,
) {
  const m = context.length;
  if (m === 0) return 0;
  const verbatim = backwards
    ? boundary >= m && text.startsWith(context, boundary - m)
    : text.startsWith(context, boundary);
  if (verbatim) return m;
  const acrossGap = agreementAcrossGap(text, boundary, context, backwards, exact);
  // Short of verbatim, edits leave at most m - 1 agreeing.
  if (acrossGap >= m - 1) return acrossGap;
  return Math.max(acrossGap, m - editDistance(text, boundary, context, backwards));
}

/**
 * How many characters of a quote's stored prefix and suffix agree with the text around a
 * candidate match [start, end): per side, the better of its length minus its edit distance
 * to the text beside the candidate, and its agreement across one inserted gap. All strings
 * are folded (see matching-text).
 */
export function contextAgreement(
  text: string,
  start: number,
  end: number,
  quote: { exact: string; prefix: string; suffix: string },
): number {
  return (
    agreeingSide(text, start, quote.prefix, true, quote.exact) +
    agreeingSide(text, end, quote.suffix, false, quote.exact)
  );
}
