import { describe, expect, it } from 'vitest';
import { toArticleBlocks } from '../article-blocks';

const shapes = (text: string) =>
  toArticleBlocks(text).map((b) => [b.kind, text.slice(b.start, b.end)]);

describe('toArticleBlocks', () => {
  it('marks a headline paragraph as the level-1 heading', () => {
    expect(shapes('Azure wächst\n\nDer Umsatz stieg.\n\nMehr.')).toEqual([
      ['heading', 'Azure wächst'],
      ['paragraph', 'Der Umsatz stieg.'],
      ['paragraph', 'Mehr.'],
    ]);
  });

  it('splits a headline line off the paragraph it sat on', () => {
    expect(
      shapes('Azure wächst kräftig\nDer Umsatz mit Cloud-Diensten stieg um 33 Prozent.\n\nMehr.'),
    ).toEqual([
      ['heading', 'Azure wächst kräftig'],
      ['paragraph', 'Der Umsatz mit Cloud-Diensten stieg um 33 Prozent.'],
      ['paragraph', 'Mehr.'],
    ]);
  });

  it('keeps prose as paragraphs only', () => {
    expect(shapes('Die Fed\nsenkt die Zinsen.\n\nMehr.')).toEqual([
      ['paragraph', 'Die Fed\nsenkt die Zinsen.'],
      ['paragraph', 'Mehr.'],
    ]);
  });
});
