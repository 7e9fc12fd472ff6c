import { diffWordsWithSpace } from 'diff';
import { countWords } from '../text/count-words';

/** A run of the compared text: unchanged, added in the newer revision, or removed from it. */
export interface DiffSegment {
  kind: 'same' | 'added' | 'removed';
  text: string;
}

/** Stands for `hidden` unchanged characters left out by `collapseUnchanged`. */
export interface DiffGap {
  kind: 'gap';
  text: '…';
  hidden: number;
}

export type CollapsedDiffSegment = DiffSegment | DiffGap;

export interface RevisionDiff {
  segments: DiffSegment[];
  /** Words added and removed. */
  added: number;
  removed: number;
}

/**
 * Past this, a diff of two very different long texts is given up (Myers is quadratic in
 * the edits) and shown as "all removed, all added": slower would freeze the window.
 */
const DIFF_TIMEOUT_MS = 1_500;

function mergeSegments(segments: Iterable<DiffSegment>): DiffSegment[] {
  const merged: DiffSegment[] = [];
  for (const segment of segments) {
    if (segment.text.length === 0) continue;
    const last = merged.at(-1);
    if (last && last.kind === segment.kind) last.text += segment.text;
    else merged.push({ ...segment });
  }
  return merged;
}

const wordsOf = (segments: readonly DiffSegment[], kind: DiffSegment['kind']) =>
  // One count over all runs (a line break keeps runs apart): a segmenter per run costs more.
  countWords(
    segments
      .filter((s) => s.kind === kind)
      .map((s) => s.text)
      .join('\n'),
    'und',
  );

/**
 * Compares two revisions' plain text word by word, whitespace kept, so the unchanged and
 * removed runs rebuild `before` and the unchanged and added runs rebuild `after`. Past
 * `timeoutMs` it gives up and reports everything as removed and added.
 */
export function diffRevisionText(
  before: string,
  after: string,
  { timeoutMs = DIFF_TIMEOUT_MS }: { timeoutMs?: number } = {},
): RevisionDiff {
  const changes = diffWordsWithSpace(before, after, { timeout: timeoutMs });
  const segments = mergeSegments(
    changes
      ? changes.map((c) => ({
          kind: c.added ? 'added' : c.removed ? 'removed' : 'same',
          text: c.value,
        }))
      : [
          { kind: 'removed', text: before },
          { kind: 'added', text: after },
        ],
  );
  return { segments, added: wordsOf(segments, 'added'), removed: wordsOf(segments, 'removed') };
}

/** Where to cut the kept head of a long run: at a space or line break, not inside a word. */
function headEnd(text: string, context: number): number {
  const newline = text.indexOf('\n');
  if (newline !== -1 && newline <= context) return newline;
  const space = text.lastIndexOf(' ', context);
  return space > 0 ? space : context;
}

/** Where the kept tail of a long run starts. */
function tailStart(text: string, context: number): number {
  const from = text.length - context;
  const newline = text.lastIndexOf('\n');
  if (newline !== -1 && newline >= from) return newline + 1;
  const space = text.indexOf(' ', from);
  return space !== -1 && space < text.length - 1 ? space + 1 : from;
}

/** Moves an index off the low half of a surrogate pair. */
const safeCut = (text: string, at: number) =>
  /[\uDC00-\uDFFF]/.test(text.charAt(at)) && at > 0 ? at - 1 : at;

/**
 * Shortens long unchanged runs so a big memo's diff is readable: next to each change, up to
 * `context` characters are kept (cut at a word or line boundary), and the rest becomes a gap
 * marker saying how many characters it hides. The run before the first change keeps only
 * its tail, the one after the last change only its head; with no change at all, the whole
 * text is one gap. Runs whose hidden part would be shorter than `context` stay whole.
 */
export function collapseUnchanged(
  segments: readonly DiffSegment[],
  context = 30,
): CollapsedDiffSegment[] {
  const result: CollapsedDiffSegment[] = [];
  for (const [i, segment] of segments.entries()) {
    if (segment.kind !== 'same') {
      result.push(segment);
      continue;
    }
    const text = segment.text;
    const keepHead = i > 0;
    const keepTail = i < segments.length - 1;
    const head = keepHead ? safeCut(text, headEnd(text, context)) : 0;
    const tail = keepTail ? safeCut(text, tailStart(text, context)) : text.length;
    const hidden = tail - head;
    if (hidden < Math.max(context, 1)) {
      result.push(segment);
      continue;
    }
    if (head > 0) result.push({ kind: 'same', text: text.slice(0, head) });
    result.push({ kind: 'gap', text: '…', hidden });
    if (tail < text.length) result.push({ kind: 'same', text: text.slice(tail) });
  }
  return result;
}
