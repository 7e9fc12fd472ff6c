import type {
  Definition,
  FootnoteDefinition,
  ListItem,
  Nodes,
  PhrasingContent,
  Root,
  RootContent,
} from 'mdast';
import { fromMarkdown } from 'mdast-util-from-markdown';
import { frontmatterFromMarkdown } from 'mdast-util-frontmatter';
import { gfmFromMarkdown } from 'mdast-util-gfm';
import { frontmatter } from 'micromark-extension-frontmatter';
import { gfm } from 'micromark-extension-gfm';
import { DocumentBuilder, type Inline } from '../../../../../shared/text/document-builder';
import type { ParsedDocument } from '../parsed-document';
import { frontMatterMetadata } from './markdown/front-matter-metadata';

/** Deeper nesting than this is flattened: it is never real structure, and recursion is finite. */
const MAX_NESTING = 32;

interface Context {
  readonly builder: DocumentBuilder;
  readonly definitions: ReadonlyMap<string, string>;
  readonly footnotes: FootnoteDefinition[];
}

/**
 * Converts Markdown (CommonMark + GFM, YAML front matter) into Margin's block model.
 * Raw HTML is kept as literal text, never interpreted; links survive only as absolute
 * http, https or mailto targets; images become their alt text.
 */
export function parseMarkdown(text: string): ParsedDocument {
  const tree = fromMarkdown(text.replace(/^\uFEFF/, ''), {
    extensions: [gfm(), frontmatter(['yaml', 'toml'])],
    mdastExtensions: [gfmFromMarkdown(), frontmatterFromMarkdown(['yaml', 'toml'])],
  });
  const first = tree.children[0];
  const metadata = first?.type === 'yaml' ? frontMatterMetadata(first.value) : {};

  const context: Context = {
    builder: new DocumentBuilder(),
    definitions: collectDefinitions(tree),
    footnotes: [],
  };
  blocks(tree.children, context, false, 0);
  footnotes(context);
  return { ...context.builder.build(), metadata };
}

function blocks(
  nodes: readonly RootContent[],
  context: Context,
  quoted: boolean,
  nesting: number,
): void {
  for (const node of nodes) block(node, context, quoted, nesting);
}

function block(node: RootContent, context: Context, quoted: boolean, nesting: number): void {
  const { builder } = context;
  const textBlock = (inlines: Inline[]) =>
    quoted ? builder.quote(inlines) : builder.paragraph(inlines);
  if (nesting > MAX_NESTING) {
    textBlock([{ text: plainText(node) }]);
    return;
  }
  switch (node.type) {
    case 'heading':
      if (quoted) builder.quote(inlines(node.children, context));
      else builder.heading(node.depth, inlines(node.children, context));
      return;
    case 'paragraph':
      textBlock(inlines(node.children, context));
      return;
    case 'blockquote':
      blocks(node.children, context, true, nesting + 1);
      return;
    case 'list':
      for (const item of node.children) {
        listItem(item, node.ordered === true, 0, context, nesting + 1);
      }
      return;
    case 'code':
      builder.preformatted(node.value);
      return;
    case 'html':
      textBlock(literalLines(node.value));
      return;
    case 'table':
      builder.table(
        node.children.map((row, rowIndex) =>
          row.children.map((cell) => ({
            inlines: inlines(cell.children, context),
            header: rowIndex === 0,
          })),
        ),
      );
      return;
    case 'footnoteDefinition':
      context.footnotes.push(node);
      return;
    // Front matter is metadata; definitions feed links; a rule carries no text.
    case 'yaml':
    case 'definition':
    case 'thematicBreak':
      return;
    default:
      if ('children' in node) blocks(node.children as RootContent[], context, quoted, nesting + 1);
      else textBlock(inlines([node as PhrasingContent], context));
  }
}

/**
 * A list item's paragraphs become one item (joined by line breaks); nested lists go one
 * level deeper; other blocks inside an item (code, quotes, tables) stand on their own.
 */
function listItem(
  item: ListItem,
  ordered: boolean,
  depth: number,
  context: Context,
  nesting: number,
): void {
  // A task item keeps its box as text, the way it was typed.
  let pending: Inline[] =
    typeof item.checked === 'boolean' ? [{ text: item.checked ? '[x] ' : '[ ] ' }] : [];
  let paragraphs = 0;
  const flush = () => {
    context.builder.listItem(pending, { ordered, depth });
    pending = [];
    paragraphs = 0;
  };
  for (const child of item.children) {
    if (child.type === 'paragraph') {
      if (paragraphs++ > 0) pending.push({ lineBreak: true });
      pending.push(...inlines(child.children, context));
    } else if (child.type === 'list' && nesting <= MAX_NESTING) {
      flush();
      for (const nested of child.children) {
        listItem(nested, child.ordered === true, depth + 1, context, nesting + 1);
      }
    } else {
      flush();
      block(child, context, false, nesting + 1);
    }
  }
  flush();
}

function inlines(nodes: readonly PhrasingContent[], context: Context, href?: string): Inline[] {
  const out: Inline[] = [];
  for (const node of nodes) {
    switch (node.type) {
      case 'text':
      case 'inlineCode':
      case 'html': // raw HTML stays visible as the characters the author typed
        out.push({ text: node.value, href });
        break;
      case 'break':
        out.push({ lineBreak: true });
        break;
      case 'image':
        out.push({ text: node.alt ?? '', href });
        break;
      case 'imageReference':
        out.push({ text: node.alt ?? '', href });
        break;
      case 'link':
        out.push(...inlines(node.children, context, href ?? absoluteHref(node.url)));
        break;
      case 'linkReference': {
        const target = context.definitions.get(normalizeIdentifier(node.identifier));
        const linkHref = href ?? (target === undefined ? undefined : absoluteHref(target));
        out.push(...inlines(node.children, context, linkHref));
        break;
      }
      case 'footnoteReference':
        out.push({ text: `[${node.label ?? node.identifier}]`, href });
        break;
      default:
        if ('children' in node) out.push(...inlines(node.children, context, href));
    }
  }
  return out;
}

/** Footnotes go last, as `[1] text` paragraphs, the way they read on paper. */
function footnotes(context: Context): void {
  for (const note of context.footnotes) {
    const content: Inline[] = [{ text: `[${note.label ?? note.identifier}] ` }];
    for (const child of note.children) {
      if (content.length > 1) content.push({ lineBreak: true });
      content.push({ text: plainText(child) });
    }
    context.builder.paragraph(content);
  }
}

const LINK_PROTOCOLS = new Set(['http:', 'https:', 'mailto:']);

/** A Markdown file has no address, so only absolute targets can be links. */
function absoluteHref(url: string): string | undefined {
  try {
    const parsed = new URL(url);
    return LINK_PROTOCOLS.has(parsed.protocol) ? parsed.href : undefined;
  } catch {
    return undefined;
  }
}

function literalLines(raw: string): Inline[] {
  return raw
    .split(/\r?\n/)
    .flatMap((line, index): Inline[] =>
      index === 0 ? [{ text: line }] : [{ lineBreak: true }, { text: line }],
    );
}

/** All the text under a node, depth-first without recursion (nesting can be thousands deep). */
function plainText(node: Nodes): string {
  const parts: string[] = [];
  const stack: Nodes[] = [node];
  while (stack.length > 0) {
    const next = stack.pop()!;
    if (next.type === 'image' || next.type === 'imageReference') parts.push(next.alt ?? '');
    else if ('value' in next && next.type !== 'yaml') parts.push(next.value);
    else if ('children' in next) stack.push(...[...(next.children as Nodes[])].reverse());
  }
  return parts.join(' ');
}

function collectDefinitions(tree: Root): Map<string, string> {
  const found = new Map<string, string>();
  const visit = (nodes: readonly RootContent[], nesting: number) => {
    if (nesting > MAX_NESTING) return;
    for (const node of nodes) {
      if (node.type === 'definition') {
        const key = normalizeIdentifier((node as Definition).identifier);
        if (!found.has(key)) found.set(key, node.url);
      } else if ('children' in node) {
        visit(node.children as RootContent[], nesting + 1);
      }
    }
  };
  visit(tree.children, 0);
  return found;
}

function normalizeIdentifier(identifier: string): string {
  return identifier.replace(/\s+/g, ' ').trim().toLowerCase();
}
