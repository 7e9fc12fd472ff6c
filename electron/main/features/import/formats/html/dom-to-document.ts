import {
  DocumentBuilder,
  type BuiltDocument,
  type Inline,
  type TableCellInput,
} from '../../../../../../shared/text/document-builder';
import { isLayoutTable } from './is-layout-table';
import { resolveHref } from './resolve-href';

const TEXT_NODE = 3;
const ELEMENT_NODE = 1;
/** Deeper nesting is flattened to its text: never real structure, and recursion stays finite. */
const MAX_NESTING = 200;
const LINE_BREAK: Inline = { lineBreak: true };

/** Never content, even if an unsanitised tree reaches the walker. */
const DROPPED = new Set([
  ...['script', 'style', 'iframe', 'object', 'embed', 'form', 'svg', 'math', 'template'],
  ...['noscript', 'meta', 'base', 'link', 'head', 'title', 'button', 'select', 'textarea'],
  ...['input', 'canvas', 'audio', 'video', 'source'],
]);
/** Block containers: their text becomes paragraphs, their block children blocks of their own. */
const CONTAINERS = new Set([
  ...['p', 'div', 'section', 'article', 'main', 'header', 'footer', 'aside', 'nav', 'address'],
  ...['center', 'details', 'summary', 'dl', 'dt', 'dd', 'hgroup', 'figure', 'figcaption'],
  ...['body', 'html', 'hr', 'caption', 'thead', 'tbody', 'tfoot', 'tr', 'td', 'th'],
]);
const LISTS = new Map([
  ['ul', false],
  ['ol', true],
  ['menu', false],
]);
const PREFORMATTED = new Set(['pre', 'listing', 'xmp', 'plaintext']);
const HEADING = /^h([1-6])$/;

type Emit = (inlines: Inline[]) => void;

interface Context {
  /** Where the inline run collected so far goes when a block ends. */
  readonly emit: Emit;
  /** Inside a list item or heading: nested paragraphs become line breaks, not new blocks. */
  readonly merge: boolean;
  readonly quote: boolean;
  /** Inside a table cell: every block collapses into the cell's inline run. */
  readonly sink: Emit | null;
  /** Depth of the innermost list, -1 outside lists. */
  readonly listDepth: number;
  readonly ordered: boolean;
  readonly href: string | undefined;
  readonly nesting: number;
}

/**
 * Walks a sanitised DOM into Margin's block model. Inline content is gathered into one
 * run until a block boundary, so text that sits directly in a container beside block
 * children is kept as a paragraph of its own.
 */
class BlockWalker {
  private run: Inline[] = [];
  constructor(
    readonly builder: DocumentBuilder,
    private readonly baseUrl: string | undefined,
  ) {}

  private readonly paragraph: Emit = (inlines) => this.builder.paragraph(inlines);
  private readonly quote: Emit = (inlines) => this.builder.quote(inlines);

  topContext(): Context {
    return {
      emit: this.paragraph,
      merge: false,
      quote: false,
      sink: null,
      listDepth: -1,
      ordered: false,
      href: undefined,
      nesting: 0,
    };
  }

  /** The emitter for a new block in `context`: cells and quotes override the block's kind. */
  private target(context: Context, own: Emit): Emit {
    return context.sink ?? (context.quote ? this.quote : own);
  }

  flush(emit: Emit): void {
    if (this.run.length === 0) return;
    const inlines = this.run;
    this.run = [];
    emit(inlines);
  }

  walk(parent: Node, context: Context): void {
    for (let child = parent.firstChild; child !== null; child = child.nextSibling) {
      this.visit(child, context);
    }
  }

  private visit(node: Node, context: Context): void {
    if (node.nodeType === TEXT_NODE) {
      this.text(node.nodeValue ?? '', context);
      return;
    }
    if (node.nodeType !== ELEMENT_NODE) return;
    const element = node as Element;
    const name = element.localName;
    if (DROPPED.has(name)) return;
    if (context.nesting >= MAX_NESTING) {
      this.text(` ${element.textContent ?? ''} `, context);
      return;
    }
    const inner: Context = { ...context, nesting: context.nesting + 1 };
    const heading = HEADING.exec(name);
    if (heading) this.block(element, inner, (i) => this.builder.heading(Number(heading[1]), i));
    else if (CONTAINERS.has(name)) this.container(element, inner);
    else if (LISTS.has(name)) this.list(element, inner, LISTS.get(name)!);
    else if (name === 'li') this.listItem(element, inner);
    else if (name === 'blockquote') this.blockquote(element, inner);
    else if (PREFORMATTED.has(name)) this.preformatted(element, context);
    else if (name === 'table') this.table(element, inner);
    else if (name === 'br') this.run.push(LINE_BREAK);
    else if (name === 'img') this.image(element, context);
    else if (name === 'a')
      this.walk(element, { ...inner, href: this.link(element) ?? context.href });
    // Inline formatting and unknown elements: their text joins the current run.
    else this.walk(element, inner);
  }

  private text(text: string, context: Context): void {
    this.run.push(context.href === undefined ? { text } : { text, href: context.href });
  }

  private link(element: Element): string | undefined {
    const raw = element.getAttribute('href');
    return raw === null ? undefined : (resolveHref(raw, this.baseUrl) ?? undefined);
  }

  /** A block of one kind (a heading): its own run, nested paragraphs as line breaks. */
  private block(element: Element, context: Context, own: Emit): void {
    if (context.merge) {
      this.container(element, context);
      return;
    }
    this.flush(context.emit);
    const emit = this.target(context, own);
    this.walk(element, { ...context, emit, merge: true });
    this.flush(emit);
  }

  private container(element: Element, context: Context): void {
    if (context.merge || context.sink !== null) {
      this.run.push(LINE_BREAK);
      this.walk(element, context);
      this.run.push(LINE_BREAK);
      return;
    }
    this.flush(context.emit);
    this.walk(element, context);
    this.flush(context.emit);
  }

  private list(element: Element, context: Context, ordered: boolean): void {
    this.flush(context.emit);
    const depth = context.listDepth + 1;
    const emit = this.target(context, (i) => this.builder.listItem(i, { ordered, depth }));
    this.walk(element, { ...context, emit, merge: false, listDepth: depth, ordered });
    this.flush(emit);
  }

  private listItem(element: Element, context: Context): void {
    this.flush(context.emit);
    const list = { ordered: context.ordered, depth: Math.max(0, context.listDepth) };
    const emit = this.target(context, (i) => this.builder.listItem(i, list));
    this.walk(element, { ...context, emit, merge: true });
    this.flush(emit);
  }

  private blockquote(element: Element, context: Context): void {
    this.flush(context.emit);
    const emit = context.sink ?? this.quote;
    this.walk(element, { ...context, emit, merge: false, quote: true });
    this.flush(emit);
  }

  private preformatted(element: Element, context: Context): void {
    const raw = rawText(element);
    if (context.sink !== null) {
      this.run.push(LINE_BREAK, { text: raw }, LINE_BREAK);
      return;
    }
    this.flush(context.emit);
    this.builder.preformatted(raw);
  }

  private image(element: Element, context: Context): void {
    const alt = element.getAttribute('alt')?.trim();
    if (!alt || hasCaption(element)) return;
    // Marked as a stand-in so it never reads as the author's own sentence.
    this.text(` [Image: ${alt}] `, context);
  }

  private table(element: Element, context: Context): void {
    if (context.sink !== null || isLayoutTable(element)) {
      this.container(element, context);
      return;
    }
    this.flush(context.emit);
    const table = element as HTMLTableElement;
    if (table.caption) {
      this.walk(table.caption, { ...context, merge: true });
      this.flush(this.target(context, this.paragraph));
    }
    const rows: TableCellInput[][] = [];
    for (const row of Array.from(table.rows)) {
      const inHead = row.parentElement?.localName === 'thead';
      rows.push(
        Array.from(row.cells).map((cell) => ({
          inlines: this.cell(cell, context),
          header: inHead || cell.localName === 'th',
        })),
      );
    }
    this.builder.table(rows);
  }

  private cell(cell: Element, context: Context): Inline[] {
    const collected: Inline[] = [];
    const sink: Emit = (inlines) => collected.push(...inlines, LINE_BREAK);
    this.walk(cell, { ...context, emit: sink, sink, merge: true, nesting: context.nesting + 1 });
    this.flush(sink);
    return collected;
  }
}

/** Text of a `<pre>` with `<br>` as newlines; spacing is kept exactly. */
function rawText(element: Element): string {
  let out = '';
  const visit = (node: Node, depth: number): void => {
    for (let child = node.firstChild; child !== null; child = child.nextSibling) {
      if (child.nodeType === TEXT_NODE) out += child.nodeValue ?? '';
      else if (child.nodeType !== ELEMENT_NODE) continue;
      else if ((child as Element).localName === 'br') out += '\n';
      else if (depth >= MAX_NESTING) out += child.textContent ?? '';
      else visit(child, depth + 1);
    }
  };
  visit(element, 0);
  return out;
}

/** An image inside a captioned figure: the caption already says what it shows. */
function hasCaption(image: Element): boolean {
  let figure = image.parentElement;
  while (figure !== null && figure.localName !== 'figure') figure = figure.parentElement;
  // getElementsByTagName, not querySelector: jsdom's selector engine is slow.
  const captions = figure === null ? [] : Array.from(figure.getElementsByTagName('figcaption'));
  return captions.some((caption) => (caption.textContent ?? '').trim() !== '');
}

/**
 * Converts a sanitised DOM subtree into canonical text and blocks, appended to `builder`
 * (a caller may have put blocks of its own in first).
 */
export function domToDocument(
  root: Node,
  baseUrl: string | undefined,
  builder = new DocumentBuilder(),
): BuiltDocument {
  const walker = new BlockWalker(builder, baseUrl);
  const context = walker.topContext();
  walker.walk(root, context);
  walker.flush(context.emit);
  return walker.builder.build();
}
