import { describe, expect, it } from 'vitest';
import { describeTextRange } from '../describe-text-range';
import { matchTextPosition } from '../text-position-selector';

const text =
  'Microsoft hat in den letzten Jahren massiv in OpenAI investiert. Die Allianz ermöglichte Microsoft, sich hervorzutun.';
const start = text.indexOf('massiv in OpenAI');
const { quote } = describeTextRange(text, start, start + 'massiv in OpenAI'.length);

describe('matchTextPosition', () => {
  it('holds where the quote and its context still are', () => {
    expect(matchTextPosition(text, quote, start)).toBe(true);
  });

  it('fails one character off, or when the context changed', () => {
    expect(matchTextPosition(text, quote, start + 1)).toBe(false);
    expect(matchTextPosition(text.replace('letzten', 'vergangenen'), quote, start)).toBe(false);
    expect(matchTextPosition(text.replace('investiert', 'eingestiegen'), quote, start)).toBe(false);
  });

  it('fails where another copy of the words moved into the stored offsets', () => {
    // The same words, shifted into place by an edit, but with different context.
    const other = `${'x'.repeat(start - 9)}Er setzt massiv in OpenAI ein.`;
    expect(other.indexOf('massiv in OpenAI')).toBe(start);
    expect(matchTextPosition(other, quote, start)).toBe(false);
  });

  it('fails at offsets outside the text', () => {
    expect(matchTextPosition(text, quote, text.length + 5)).toBe(false);
    expect(matchTextPosition(text, quote, -1)).toBe(false);
  });
});
