import type { Nodes, Root } from 'mdast';
import MarkdownIt from 'markdown-it';
import { remark } from 'remark';
import remarkFrontmatter from 'remark-frontmatter';
import remarkGfm from 'remark-gfm';
import { expect } from 'vitest';
import { parse as parseYaml } from 'yaml';

const parser = remark().use(remarkGfm).use(remarkFrontmatter);

/** The report as GitHub-flavoured remark reads it back. */
export function parseReport(markdown: string): Root {
  return parser.runSync(parser.parse(markdown)) as Root;
}

/** Every node of the tree, in document order. */
export function allNodes(tree: Nodes): Nodes[] {
  const nodes: Nodes[] = [];
  const stack: Nodes[] = [tree];
  while (stack.length > 0) {
    const node = stack.pop()!;
    nodes.push(node);
    if ('children' in node)
      for (let i = node.children.length - 1; i >= 0; i--) stack.push(node.children[i]!);
  }
  return nodes;
}

/** The text a node shows (like mdast-util-to-string). */
export function plainText(node: Nodes): string {
  if ('value' in node && node.type !== 'yaml') return node.value;
  if ('children' in node) return node.children.map((child) => plainText(child)).join('');
  return '';
}

/** Constructs a report never makes from memo text: each would mean user text became syntax. */
const FORBIDDEN = new Set(['html', 'image', 'imageReference', 'definition', 'linkReference']);

/**
 * What every memo report must be when read back: one front matter with exactly the memo's
 * values, no raw HTML or invented constructs, links only to http(s)/mailto, and footnotes
 * that match the citations one to one.
 */
export function expectReportInvariants(
  markdown: string,
  expected: { frontMatter: Record<string, unknown>; footnotes: number },
): Root {
  const tree = parseReport(markdown);
  const nodes = allNodes(tree);
  const yamlNodes = nodes.filter((node) => node.type === 'yaml');
  expect(yamlNodes).toHaveLength(1);
  expect(tree.children[0]?.type).toBe('yaml');
  const frontMatter = parseYaml((yamlNodes[0] as { value: string }).value) as Record<
    string,
    unknown
  >;
  expect(Object.keys(frontMatter)).toEqual(Object.keys(expected.frontMatter));
  expect(frontMatter).toEqual(expected.frontMatter);

  expect(nodes.filter((node) => FORBIDDEN.has(node.type)).map((node) => node.type)).toEqual([]);
  for (const node of nodes) {
    if (node.type === 'link') expect(node.url).toMatch(/^(?:https?:\/\/|mailto:)/i);
  }

  const definitions = nodes.flatMap((node) =>
    node.type === 'footnoteDefinition' ? [node.identifier] : [],
  );
  const references = new Set(
    nodes.flatMap((node) => (node.type === 'footnoteReference' ? [node.identifier] : [])),
  );
  expect(definitions).toHaveLength(expected.footnotes);
  expect(new Set(definitions).size).toBe(definitions.length);
  expect([...references].sort()).toEqual([...definitions].sort());
  // Footnote definitions only at the top level, at the very end.
  const firstDefinition = tree.children.findIndex((node) => node.type === 'footnoteDefinition');
  if (firstDefinition >= 0) {
    expect(
      tree.children.slice(firstDefinition).every((node) => node.type === 'footnoteDefinition'),
    ).toBe(true);
  }
  return tree;
}

const markdownIt = new MarkdownIt({ html: false, linkify: false });

const ALLOWED_TAGS = new Set([
  ...['p', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'ul', 'ol', 'li', 'blockquote', 'pre', 'code'],
  ...['em', 'strong', 's', 'a', 'table', 'thead', 'tbody', 'tr', 'th', 'td', 'hr', 'br'],
]);

function decodeEntities(text: string): string {
  return text
    .replace(/&#x([0-9a-f]+);?/gi, (_, hex: string) => String.fromCodePoint(parseInt(hex, 16)))
    .replace(/&#(\d+);?/g, (_, dec: string) => String.fromCodePoint(Number(dec)))
    .replace(/&colon;/gi, ':')
    .replace(/&(?:tab|newline);/gi, '')
    .replace(/&quot;/g, '"')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');
}

/**
 * The report rendered by a second, independent Markdown implementation (markdown-it, raw
 * HTML off): only ordinary tags, no event handler attributes, no script, and every link
 * target http, https or mailto even after entity decoding.
 */
export function expectInertHtml(markdown: string): void {
  const html = markdownIt.render(markdown);
  expect(html.toLowerCase()).not.toContain('<script');
  for (const [tag, name, attributes] of html.matchAll(/<\/?([a-zA-Z][\w-]*)([^>]*)>/g)) {
    expect(ALLOWED_TAGS.has(name!.toLowerCase()), tag).toBe(true);
    expect(attributes, tag).not.toMatch(/\bon[a-z]+\s*=/i);
    for (const [, href] of attributes!.matchAll(/\b(?:href|src)="([^"]*)"/g)) {
      // eslint-disable-next-line no-control-regex
      const decoded = decodeEntities(href!).replace(/[\u0000-\u0020]/g, '');
      expect(decoded, tag).toMatch(/^(?:https?:\/\/|mailto:)/i);
    }
  }
}
