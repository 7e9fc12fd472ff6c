import type { Root } from 'mdast';
import { describe, expect, it } from 'vitest';
import { gfmMarkdown } from '../gfm-markdown';

const linkDoc = (url: string, text: string): Root => ({
  type: 'root',
  children: [
    {
      type: 'paragraph',
      children: [{ type: 'link', url, children: [{ type: 'text', value: text }] }],
    },
  ],
});

describe('links in reports', () => {
  it('writes a link whose text is its address as an autolink', () => {
    expect(gfmMarkdown(linkDoc('https://example.com/a', 'https://example.com/a'))).toBe(
      '<https://example.com/a>\n',
    );
    expect(gfmMarkdown(linkDoc('mailto:ir@example.com', 'ir@example.com'))).toBe(
      '<ir@example.com>\n',
    );
  });

  it('never lets a mailto: link become an autolink to its text', () => {
    // As `<javascript:alert(1)>` this would be a link to javascript:alert(1).
    expect(gfmMarkdown(linkDoc('mailto:javascript:alert(1)', 'javascript:alert(1)'))).toBe(
      '[javascript:alert(1)](mailto:javascript:alert\\(1\\))\n',
    );
    expect(gfmMarkdown(linkDoc('mailto:![x](y)', '![x](y)'))).not.toMatch(/^</);
  });
});
