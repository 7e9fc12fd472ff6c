import { describe, expect, it } from 'vitest';
import { articleMarkdown } from '../article-markdown';
import { articleInput, fullTextOf } from './support/article-builder';

const render = (...args: Parameters<typeof articleInput>) =>
  fullTextOf(articleMarkdown(articleInput(...args)));

describe('articleMarkdown full text', () => {
  it('bolds the union of overlapping claims, each reference after the run its claim ends in', () => {
    const markdown = render(
      [{ kind: 'paragraph', text: 'One two three four. Five six.' }],
      ['One two three', 'two', 'three four.', 'Five six.', 'Five six.'],
    );
    expect(markdown).toBe('**One two three four.**[^1][^2][^3] **Five six.**[^4][^5]');
  });

  it('bolds a claim across blocks in each block, its reference after the last part', () => {
    const markdown = render(
      [
        { kind: 'paragraph', text: 'First sentence. Second one.' },
        { kind: 'listItem', ordered: false, depth: 0, text: 'An item, then more.' },
      ],
      ['Second one.\nAn item,', 'First sentence.'],
    );
    expect(markdown).toBe(
      '**First sentence.**[^1] **Second one.**\n\n- **An item,**[^2] then more.',
    );
  });

  it('keeps whitespace outside the bold, so the marks close', () => {
    const markdown = render([{ kind: 'paragraph', text: 'Say  this  now.' }], ['  this  ']);
    expect(markdown).toBe('Say  **this**[^1]  now.');
  });

  it('moves a reference that would fall inside a link to the end of the link', () => {
    const markdown = render(
      [{ kind: 'paragraph', text: 'Read the annual report today.' }],
      ['Read the annual'],
      [{ words: 'annual report', href: 'https://example.com/ar' }],
    );
    expect(markdown).toBe('**Read the** [**annual** report](https://example.com/ar)[^1] today.');
  });

  it('puts a link wholly in bold inside the bold', () => {
    const markdown = render(
      [{ kind: 'paragraph', text: 'Read the annual report today.' }],
      ['the annual report today.'],
      [{ words: 'annual', href: 'https://example.com/ar' }],
    );
    expect(markdown).toBe('Read **the [annual](https://example.com/ar) report today.**[^1]');
  });

  it('keeps only http, https and mailto links', () => {
    const markdown = render(
      [{ kind: 'paragraph', text: 'a b c d' }],
      [],
      [
        { words: 'a', href: 'https://example.com/' },
        { words: 'b', href: 'javascript:alert(1)' },
        { words: 'c', href: 'mailto:ir@example.com' },
        { words: 'd', href: 'data:text/html,x' },
      ],
    );
    expect(markdown).toBe('[a](https://example.com/) b [c](mailto:ir@example.com) d');
  });

  it('nests headings under "## Full text", never deeper than six', () => {
    const markdown = render(
      [1, 2, 3, 4, 5, 6].map((level) => ({
        kind: 'heading' as const,
        level,
        text: `Level ${level}`,
      })),
      [],
    );
    expect(markdown.split('\n\n')).toEqual([
      '### Level 1',
      '#### Level 2',
      '##### Level 3',
      '###### Level 4',
      '###### Level 5',
      '###### Level 6',
    ]);
  });

  it('nests list items by depth, one level at a time, and splits ordered from unordered', () => {
    const item = (ordered: boolean, depth: number, text: string) =>
      ({ kind: 'listItem', ordered, depth, text }) as const;
    const markdown = render(
      [
        item(true, 0, 'one'),
        item(true, 0, 'two'),
        item(false, 3, 'deep'),
        item(false, 1, 'sibling'),
        item(true, 1, 'ordered child'),
        item(false, 0, 'bullet'),
      ],
      [],
    );
    expect(markdown).toBe(
      ['1. one', '2. two', '   - deep', '   - sibling', '   1. ordered child', '', '- bullet'].join(
        '\n',
      ),
    );
  });

  it('turns consecutive quotes into one quotation, line breaks into hard breaks', () => {
    const markdown = render(
      [
        { kind: 'quote', text: 'First line\nsecond line' },
        { kind: 'quote', text: 'Next paragraph' },
      ],
      ['Next paragraph'],
    );
    expect(markdown).toBe('> First line\\\n> second line\n>\n> **Next paragraph**[^1]');
  });

  it('keeps preformatted text as code, its claims referenced below it', () => {
    const markdown = render([{ kind: 'preformatted', text: 'x = 1\n```\ny = 2' }], ['y = 2']);
    expect(markdown).toBe('````\nx = 1\n```\ny = 2\n````\n\nHighlighted in the block above: [^1]');
  });

  it('writes a table with its first row as header, pipes escaped, short rows padded', () => {
    const markdown = render(
      [{ kind: 'table', rows: [['Segment', 'FY'], ['Cloud | AI'], ['PC', '5']] }],
      ['AI'],
    );
    expect(markdown).toBe(
      [
        '| Segment             | FY |',
        '| ------------------- | -- |',
        '| Cloud \\| **AI**[^1] |    |',
        '| PC                  | 5  |',
      ].join('\n'),
    );
  });

  it('leaves out anchors of claims it was not given, and claims on blank text only', () => {
    const input = articleInput([{ kind: 'paragraph', text: 'Words here.' }], ['Words', ' ']);
    input.fullText!.anchors.push({ highlightId: 'stranger', start: 6, end: 10 });
    const markdown = articleMarkdown(input);
    expect(fullTextOf(markdown)).toBe('**Words**[^1] here.');
    expect(markdown.match(/^\[\^\d+\]:/gm)).toEqual(['[^1]:']);
  });
});

describe('articleMarkdown claims', () => {
  const specs = [
    { kind: 'paragraph' as const, text: 'Alpha beta. Gamma delta. Epsilon.' },
    { kind: 'paragraph' as const, text: 'Zeta eta.', page: 4 },
  ];

  it('groups claims by class in document order, orphans last, empty classes left out', () => {
    const input = articleInput(specs, [
      { quote: 'Gamma delta.', claim: { claimClass: 'risk', locator: '¶1' } },
      { quote: 'Zeta eta.', claim: { claimClass: 'risk', locator: 'p. 4' } },
      { quote: 'Alpha beta.', claim: { claimClass: 'risk', locator: '¶1' } },
      { quote: 'Epsilon.', claim: { claimClass: 'thesis' } },
    ]);
    input.claims[3] = { ...input.claims[3]!, start: null, state: 'orphaned' };
    input.claims.unshift({
      ...input.claims[0]!,
      highlightId: 'gone',
      quote: 'Old words.',
      start: null,
      state: 'orphaned',
      locator: '¶9',
    });
    input.fullText = null;
    const markdown = articleMarkdown(input);
    const body = markdown.slice(markdown.indexOf('## Claims'));
    expect(body).toBe(
      [
        '## Claims',
        '',
        '### Thesis (1)',
        '',
        '> Epsilon.',
        '',
        '- Locator: not found in the current text',
        '',
        '### Risk (4)',
        '',
        '> Alpha beta.',
        '',
        '- Locator: ¶1',
        '',
        '> Gamma delta.',
        '',
        '- Locator: ¶1',
        '',
        '> Zeta eta.',
        '',
        '- Locator: p. 4',
        '',
        '> Old words.',
        '',
        '- Locator: ¶9, not found in the current text',
        '',
      ].join('\n'),
    );
    expect(markdown).not.toContain('## Full text');
    expect(markdown).not.toContain('[^');
  });

  it('keeps a note’s paragraphs and line breaks', () => {
    const input = articleInput(specs, [
      {
        quote: 'Alpha beta.',
        claim: { note: 'Line one\n  line two\n\n\nParagraph two', tags: ['A/B', 'C'] },
      },
    ]);
    input.fullText = null;
    expect(articleMarkdown(input)).toContain(
      '- Tags: A/B, C\n- Note: Line one\\\n  line two\n\n  Paragraph two\n',
    );
  });

  it('says so when there are no claims', () => {
    const input = articleInput(specs, []);
    expect(articleMarkdown(input)).toContain(
      '## Claims\n\nNo claims are highlighted in this article.\n',
    );
  });
});

describe('articleMarkdown determinism', () => {
  const input = () =>
    articleInput(
      [
        { kind: 'heading', level: 2, text: 'Heading' },
        { kind: 'paragraph', text: 'One two three. Four five six.' },
        { kind: 'listItem', ordered: false, depth: 0, text: 'Seven eight.' },
      ],
      ['two three. Four', 'One two', 'Four five six.\nSeven', 'Heading'],
    );

  it('gives the same bytes for the same input, however its anchors are ordered', () => {
    const first = articleMarkdown(input());
    expect(articleMarkdown(input())).toBe(first);
    const reversed = input();
    reversed.fullText!.anchors.reverse();
    expect(articleMarkdown(reversed)).toBe(first);
    expect(articleMarkdown(JSON.parse(JSON.stringify(input())))).toBe(first);
  });

  it('does not change its input', () => {
    const given = input();
    const copy = structuredClone(given);
    articleMarkdown(given);
    expect(given).toEqual(copy);
  });
});
