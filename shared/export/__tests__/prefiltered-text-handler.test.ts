import fc from 'fast-check';
import type { PhrasingContent, Root, RootContent } from 'mdast';
import { toMarkdown } from 'mdast-util-to-markdown';
import { describe, expect, it } from 'vitest';
import { gfmMarkdown } from '../gfm-markdown';
import { REPORT_MARKDOWN_OPTIONS } from '../report-markdown-options';
import { safeAutolinkHandler } from '../safe-autolink-handler';
import { HOSTILE_FRAGMENTS } from './support/hostile-memo';

/** The same options with the library's own text handler: the reference output. */
const plain = (tree: Root) =>
  toMarkdown(tree, { ...REPORT_MARKDOWN_OPTIONS, handlers: { link: safeAutolinkHandler } });

const MARKDOWN_CHARACTERS = [...'*_`~#>-+=|[]()!<&\\:.\n \t0123456789ahx@^"\''];

/** Strings rich in what Markdown reacts to: its punctuation, hostile fragments, any Unicode. */
const text = fc
  .array(
    fc.oneof(
      fc.constantFrom(...MARKDOWN_CHARACTERS),
      fc.constantFrom(...HOSTILE_FRAGMENTS),
      fc.string({ unit: 'grapheme', maxLength: 6 }),
    ),
    { maxLength: 14 },
  )
  .map((parts) => parts.join(''))
  .filter((value) => value.length > 0);

/** Text next to other inline nodes, so the characters around a text node vary too. */
const phrasing: fc.Arbitrary<PhrasingContent[]> = fc.array(
  fc.oneof(
    text.map((value): PhrasingContent => ({ type: 'text', value })),
    text.map((value): PhrasingContent => ({ type: 'strong', children: [{ type: 'text', value }] })),
    text.map((value): PhrasingContent => ({
      type: 'emphasis',
      children: [{ type: 'text', value }],
    })),
    text.map((value): PhrasingContent => ({ type: 'inlineCode', value })),
    text.map((value): PhrasingContent => ({
      type: 'link',
      url: 'https://example.com/a',
      children: [{ type: 'text', value }],
    })),
    fc.constant<PhrasingContent>({ type: 'footnoteReference', identifier: '1', label: '1' }),
  ),
  { minLength: 1, maxLength: 6 },
);

/** The same phrasing in each place a report puts text: paragraph, heading, list, quote, table. */
function treeOf(children: PhrasingContent[]): Root {
  const blocks: RootContent[] = [
    { type: 'paragraph', children },
    { type: 'heading', depth: 2, children },
    { type: 'list', children: [{ type: 'listItem', children: [{ type: 'paragraph', children }] }] },
    { type: 'blockquote', children: [{ type: 'paragraph', children }] },
    {
      type: 'table',
      children: [
        { type: 'tableRow', children: [{ type: 'tableCell', children }] },
        { type: 'tableRow', children: [{ type: 'tableCell', children }] },
      ],
    },
    {
      type: 'footnoteDefinition',
      identifier: '1',
      label: '1',
      children: [{ type: 'paragraph', children }],
    },
  ];
  return { type: 'root', children: blocks };
}

describe('prefilteredTextHandler', () => {
  it('writes exactly what the library’s own text handler writes', () => {
    fc.assert(
      fc.property(phrasing, (children) => {
        const tree = treeOf(children);
        expect(gfmMarkdown(tree)).toBe(plain(tree));
      }),
      { numRuns: Number(process.env.FUZZ_RUNS ?? 300) },
    );
  });

  it('escapes what would otherwise become a construct', () => {
    const tree = treeOf([
      { type: 'text', value: '<script>alert(1)</script> *x* [a](javascript:b)' },
    ]);
    const markdown = gfmMarkdown(tree);
    expect(markdown).toBe(plain(tree));
    expect(markdown).toContain('\\<script>');
    expect(markdown).toContain('\\*x\\*');
  });
});
