import type { TrackedText } from './tracked-text';

/** An edit drawn by a property test; offsets are taken modulo the current text length. */
export type EditSpec =
  | { kind: 'insert'; at: number; words: number; source: number }
  | { kind: 'delete'; at: number; length: number }
  | { kind: 'whitespace'; at: number; expand: boolean };

type Range = { start: number; end: number };

/**
 * Applies `edit` to the tracked text unless it would touch the words of a protected range
 * (original offsets): words inserted (taken from `newWords`, another article: a copy of a
 * highlighted passage with its own context would be a second right place for it), a span
 * deleted, or a run of whitespace collapsed to one space or expanded to a paragraph break.
 * Returns whether it did.
 */
export function editOutside(
  tracked: TrackedText,
  protectedRanges: readonly Range[],
  edit: EditSpec,
  newWords: string,
): boolean {
  const current = protectedRanges.map((r) => tracked.map(r.start, r.end));
  const free = (from: number, to: number) =>
    current.every((r) =>
      from === to ? from <= r.start || from >= r.end : to <= r.start || from >= r.end,
    );
  const text = tracked.text;
  const at = edit.at % (text.length + 1);
  switch (edit.kind) {
    case 'insert': {
      if (!free(at, at)) return false;
      const words = newWords
        .slice(edit.source % newWords.length)
        .split(/\s+/)
        .filter(Boolean);
      const inserted = words.slice(1, 1 + edit.words).join(' ');
      if (inserted.length === 0) return false;
      tracked.insert(at, ` ${inserted} `);
      return true;
    }
    case 'delete': {
      const to = Math.min(text.length, at + edit.length);
      if (to === at || !free(at, to)) return false;
      tracked.delete(at, to);
      return true;
    }
    case 'whitespace': {
      const run = /\s+/g;
      run.lastIndex = at;
      const found = run.exec(text);
      if (found === null) return false;
      const from = found.index;
      const to = from + found[0].length;
      if (!free(from, to)) return false;
      tracked.apply([{ from, to, insert: edit.expand ? `${found[0]} \n\n ` : ' ' }]);
      return true;
    }
  }
}
