// @vitest-environment jsdom
import { beforeEach, describe, expect, it } from 'vitest';
import { TextIndex } from '../text-index';

// The reader's markup as ArticleBody renders it: each run carries its canonical offset;
// a page marker between blocks is not article text. Canonical text: "Hello world\n\nNext".
function renderBody(): HTMLElement {
  const body = document.createElement('div');
  body.innerHTML =
    '<p><span data-at="0">Hello </span><a data-at="6" href="#">world</a></p>' +
    '<span class="reader-page">p. 2</span>' +
    '<p><span data-at="13">Next</span></p>';
  document.body.replaceChildren(body);
  return body;
}

const textOf = (range: Range) => range.toString();

describe('TextIndex', () => {
  let body: HTMLElement;
  let index: TextIndex;
  beforeEach(() => {
    body = renderBody();
    index = TextIndex.of(body);
  });

  it('lists the runs in document order with their offsets', () => {
    expect(index.runs.map((r) => [r.start, r.end])).toEqual([
      [0, 6],
      [6, 11],
      [13, 17],
    ]);
  });

  it('maps a selection across a link and a block break to canonical offsets', () => {
    const range = new Range();
    range.setStart(index.runs[0]!.node, 2); // "llo"
    range.setEnd(index.runs[2]!.node, 2); // "Ne"
    expect(index.offsetsOf(range)).toEqual({ start: 2, end: 15 });
  });

  it('snaps points outside the runs: a start forward, an end backward', () => {
    const marker = body.querySelector('.reader-page')!;
    const range = new Range();
    range.setStart(marker.firstChild!, 1); // inside "p. 2": not article text
    range.setEnd(body, body.childNodes.length);
    expect(index.offsetsOf(range)).toEqual({ start: 13, end: 17 });
    const before = new Range();
    before.setStart(body, 0);
    before.setEnd(marker.firstChild!, 2);
    expect(index.offsetsOf(before)).toEqual({ start: 0, end: 11 });
  });

  it('covers a span with one range per text node, never painting the page marker', () => {
    const ranges = index.rangesFor(3, 15);
    expect(ranges.map(textOf)).toEqual(['lo ', 'world', 'Ne']);
    expect(index.rangesFor(11, 13)).toEqual([]); // the block break between paragraphs
  });
});
