/** One rendered run of the article: a text node and where it starts in the canonical text. */
export interface IndexedRun {
  start: number;
  end: number;
  node: Text;
}

/**
 * The reader's text nodes in document order, each with its canonical offset (`data-at`,
 * written by ArticleBody). Built once per rendered article; every selection and highlight
 * maps through it by binary search.
 */
export class TextIndex {
  private constructor(readonly runs: readonly IndexedRun[]) {}

  static of(root: ParentNode): TextIndex {
    const runs: IndexedRun[] = [];
    for (const element of root.querySelectorAll<HTMLElement>('[data-at]')) {
      const node = element.firstChild;
      if (!(node instanceof Text)) continue;
      const start = Number(element.dataset.at);
      runs.push({ start, end: start + node.length, node });
    }
    return new TextIndex(runs);
  }

  /** The last run starting at or before `offset`, or -1. */
  private runIndexAt(offset: number): number {
    let low = 0;
    let high = this.runs.length - 1;
    let found = -1;
    while (low <= high) {
      const mid = (low + high) >>> 1;
      if (this.runs[mid]!.start <= offset) {
        found = mid;
        low = mid + 1;
      } else {
        high = mid - 1;
      }
    }
    return found;
  }

  /**
   * DOM ranges covering `start..end`, one per text node, so that text between runs (a
   * page marker, a list bullet) is never painted as part of a highlight.
   */
  rangesFor(start: number, end: number): Range[] {
    const ranges: Range[] = [];
    for (let i = Math.max(this.runIndexAt(start), 0); i < this.runs.length; i++) {
      const run = this.runs[i]!;
      if (run.start >= end) break;
      const from = Math.max(start, run.start);
      const to = Math.min(end, run.end);
      if (to <= from) continue;
      const range = new Range();
      range.setStart(run.node, from - run.start);
      range.setEnd(run.node, to - run.start);
      ranges.push(range);
    }
    return ranges;
  }

  /**
   * The canonical offset of a DOM point. A point outside the runs (between blocks, in an
   * element) snaps forward for a range's start and backward for its end.
   */
  offsetOf(node: Node, offset: number, edge: 'start' | 'end'): number | null {
    const parent = node instanceof Text ? node.parentElement : null;
    if (parent?.dataset.at !== undefined && parent.firstChild === node) {
      return Number(parent.dataset.at) + offset;
    }
    const point = new Range();
    point.setStart(node, offset);
    // First run at or after the point, by binary search in document order.
    let low = 0;
    let high = this.runs.length;
    while (low < high) {
      const mid = (low + high) >>> 1;
      if (point.comparePoint(this.runs[mid]!.node, 0) < 0) low = mid + 1;
      else high = mid;
    }
    if (edge === 'start') return this.runs[low]?.start ?? null;
    return this.runs[low - 1]?.end ?? null;
  }

  /** The canonical range of a DOM range, or null when it covers no article text. */
  offsetsOf(range: Range): { start: number; end: number } | null {
    const start = this.offsetOf(range.startContainer, range.startOffset, 'start');
    const end = this.offsetOf(range.endContainer, range.endOffset, 'end');
    if (start === null || end === null || end <= start) return null;
    return { start, end };
  }
}
