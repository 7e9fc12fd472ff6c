import type { PhrasingContent } from 'mdast';
import { describe, expect, it } from 'vitest';
import { gfmMarkdown } from '../gfm-markdown';
import { nestMarks, type MarkWrap } from '../nest-marks';

const bold: MarkWrap = { key: 'bold', wrap: (children) => ({ type: 'strong', children }) };
const italic: MarkWrap = { key: 'italic', wrap: (children) => ({ type: 'emphasis', children }) };
const run = (value: string, ...marks: MarkWrap[]) => ({
  marks,
  content: [{ type: 'text', value } as PhrasingContent],
});
const markdown = (children: PhrasingContent[]) =>
  gfmMarkdown({ type: 'root', children: [{ type: 'paragraph', children }] });

describe('nestMarks', () => {
  it('opens the mark that lasts longest as the outer span', () => {
    expect(nestMarks([run('a ', italic, bold), run('b', bold), run(' c')])).toEqual([
      {
        type: 'strong',
        children: [
          { type: 'emphasis', children: [{ type: 'text', value: 'a' }] },
          { type: 'text', value: ' b' },
        ],
      },
      { type: 'text', value: ' c' },
    ]);
    expect(markdown(nestMarks([run('a ', bold), run('b', bold, italic), run(' c', bold)]))).toBe(
      '**a *b* c**\n',
    );
  });

  it('moves whitespace at a span edge outside the span', () => {
    expect(markdown(nestMarks([run('x '), run(' bold ', bold), run('y')]))).toBe('x  **bold** y\n');
    expect(markdown(nestMarks([run('x'), run('   ', bold), run('y')]))).toBe('x   y\n');
  });
});
