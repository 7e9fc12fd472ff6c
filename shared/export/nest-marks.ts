import type { PhrasingContent } from 'mdast';
import { mergeTexts } from './source-description';

/** A mark as Markdown wraps it (strong, emphasis, delete, link); `key` tells two marks apart. */
export interface MarkWrap {
  key: string;
  wrap: (children: PhrasingContent[]) => PhrasingContent;
}

/** A piece of inline content and the marks on it, outermost first when they tie. */
export interface MarkedRun {
  marks: readonly MarkWrap[];
  content: PhrasingContent[];
}

/**
 * Inline content with marks as nested Markdown: tiptap marks each text node separately,
 * Markdown nests spans. Each span opens the mark that lasts longest from there, so
 * "**bold *and italic***" comes out as one strong span rather than two. Whitespace at a
 * span's edge moves outside it: `**bold **` would not close in CommonMark.
 */
export function nestMarks(runs: readonly MarkedRun[]): PhrasingContent[] {
  const out: PhrasingContent[] = [];
  let i = 0;
  while (i < runs.length) {
    const run = runs[i]!;
    if (run.marks.length === 0) {
      out.push(...run.content);
      i++;
      continue;
    }
    let best = run.marks[0]!;
    let bestEnd = i + 1;
    for (const mark of run.marks) {
      let end = i + 1;
      while (end < runs.length && runs[end]!.marks.some((m) => m.key === mark.key)) end++;
      if (end > bestEnd) [best, bestEnd] = [mark, end];
    }
    const inner = runs
      .slice(i, bestEnd)
      .map((r) => ({ marks: r.marks.filter((m) => m.key !== best.key), content: r.content }));
    out.push(...wrapTrimmed(best, nestMarks(inner)));
    i = bestEnd;
  }
  return mergeTexts(out);
}

/** The span with the whitespace at its edges outside it; nothing for a span of whitespace. */
function wrapTrimmed(mark: MarkWrap, children: PhrasingContent[]): PhrasingContent[] {
  const inner = mergeTexts(children);
  const first = inner[0];
  const last = inner.at(-1);
  let before = '';
  let after = '';
  if (first?.type === 'text') {
    before = /^\s*/.exec(first.value)![0];
    first.value = first.value.slice(before.length);
  }
  if (last?.type === 'text') {
    after = /\s*$/.exec(last.value)![0];
    last.value = last.value.slice(0, last.value.length - after.length);
  }
  const kept = inner.filter((node) => node.type !== 'text' || node.value !== '');
  const text = (value: string): PhrasingContent[] => (value ? [{ type: 'text', value }] : []);
  if (kept.length === 0) return text(before + after);
  return [...text(before), mark.wrap(kept), ...text(after)];
}
