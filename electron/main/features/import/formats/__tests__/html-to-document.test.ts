import { describe, expect, it } from 'vitest';
import type { ArticleBlock } from '../../../../../../shared/domain/article';
import { htmlFragmentToDocument } from '../html-to-document';
import type { ParsedDocument } from '../../parsed-document';

/** Each block as [kind, text] (plus level/depth where it has one), for compact expectations. */
function outline(doc: ParsedDocument): Array<[string, string] | [string, string, number]> {
  return doc.blocks.map((block: ArticleBlock) => {
    const text = doc.text.slice(block.start, block.end);
    if (block.kind === 'heading') return [block.kind, text, block.level];
    if (block.kind === 'listItem') return [block.ordered ? 'ol' : 'ul', text, block.depth];
    return [block.kind, text];
  });
}

const convert = (html: string, baseUrl?: string) => htmlFragmentToDocument(html, { baseUrl });

describe('htmlFragmentToDocument', () => {
  it('maps headings and paragraphs, flattening inline formatting', () => {
    const doc = convert(
      '<h1>Title</h1><h3>Sub <em>head</em></h3><p>Some <b>bold</b>, <i>italic</i> and <code>code</code>.</p><h7>not a heading</h7>',
    );
    expect(outline(doc)).toEqual([
      ['heading', 'Title', 1],
      ['heading', 'Sub head', 3],
      ['paragraph', 'Some bold, italic and code.'],
      ['paragraph', 'not a heading'],
    ]);
  });

  it('keeps text that sits directly in a container beside block children', () => {
    const doc = convert(
      '<div>Lead text <span>inline</span><p>Inner paragraph</p>tail text<div>nested</div></div>',
    );
    expect(outline(doc)).toEqual([
      ['paragraph', 'Lead text inline'],
      ['paragraph', 'Inner paragraph'],
      ['paragraph', 'tail text'],
      ['paragraph', 'nested'],
    ]);
  });

  it('turns nested lists into list items with depth, and loose items into one item each', () => {
    const doc = convert(`
      <ol><li>First<ul><li>Nested A</li><li>Nested B<ol><li>Deep</li></ol></li></ul>after nested</li>
      <li><p>Loose para one</p><p>Loose para two</p></li></ol>
      <li>Orphan item</li>`);
    expect(outline(doc)).toEqual([
      ['ol', 'First', 0],
      ['ul', 'Nested A', 1],
      ['ul', 'Nested B', 1],
      ['ol', 'Deep', 2],
      ['ol', 'after nested', 0],
      ['ol', 'Loose para one\nLoose para two', 0],
      ['ul', 'Orphan item', 0],
    ]);
  });

  it('turns blockquotes into quote blocks, whatever they contain', () => {
    const doc = convert(
      '<blockquote><p>One</p>Bare text<h2>Quoted heading</h2><ul><li>Quoted item</li></ul></blockquote><p>After</p>',
    );
    expect(outline(doc)).toEqual([
      ['quote', 'One'],
      ['quote', 'Bare text'],
      ['quote', 'Quoted heading'],
      ['quote', 'Quoted item'],
      ['paragraph', 'After'],
    ]);
  });

  it('keeps preformatted text with its spacing, and <br> as a line break', () => {
    const doc = convert(
      '<pre>  let x = 1;\n    return x;<br>done</pre><p>line one<br>line two</p>',
    );
    expect(outline(doc)).toEqual([
      ['preformatted', '  let x = 1;\n    return x;\ndone'],
      ['paragraph', 'line one\nline two'],
    ]);
  });

  it('turns a data table into a table block with header cells, and its caption into a paragraph', () => {
    const doc = convert(`<table><caption>Results</caption>
      <thead><tr><th>Metric</th><th>2026</th></tr></thead>
      <tbody><tr><th>Revenue</th><td><p>4.2</p><p>bn</p></td></tr><tr><td>Margin</td><td>14 %</td></tr>
      <tr><td></td><td> </td></tr></tbody></table>`);
    expect(outline(doc)).toEqual([
      ['paragraph', 'Results'],
      ['table', 'Metric\t2026\nRevenue\t4.2 bn\nMargin\t14 %'],
    ]);
    const table = doc.blocks[1];
    expect(table?.kind === 'table' && table.rows.map((r) => r.cells.map((c) => c.header))).toEqual([
      [true, true],
      [true, false],
      [false, false],
    ]);
  });

  it('reads a layout table (nested tables, headings in cells) as ordinary blocks', () => {
    const doc = convert(
      '<table><tr><td><h2>Story</h2><p>First paragraph.</p><table><tr><td>a</td><td>b</td></tr></table></td></tr></table>',
    );
    expect(outline(doc)).toEqual([
      ['heading', 'Story', 2],
      ['paragraph', 'First paragraph.'],
      ['table', 'a\tb'],
    ]);
  });

  it('keeps image alt text as a marked stand-in, and figure captions as paragraphs', () => {
    const doc =
      convert(`<p>Before <img src="https://cdn.example/a.png" alt="Revenue chart"> after</p>
      <img src="x.png" alt=""><img src="y.png">
      <figure><img src="z.png" alt="Photo of the CEO"><figcaption>The CEO at the results call</figcaption></figure>
      <figure><img src="w.png" alt="Factory floor"></figure>`);
    expect(outline(doc)).toEqual([
      ['paragraph', 'Before [Image: Revenue chart] after'],
      ['paragraph', 'The CEO at the results call'],
      ['paragraph', '[Image: Factory floor]'],
    ]);
  });

  it('resolves links against the base, keeps only http(s) and mailto, and skips in-page anchors', () => {
    const doc = convert(
      '<p><a href="../report.pdf">report</a>, <a href="//cdn.example/x">cdn</a>, <a href="#fn1">1</a>, <a href="mailto:ir@example.com">mail</a>, <a href="tel:+4912345">call</a>, <a>no href</a></p>',
      'https://news.example/2026/03/story.html',
    );
    expect(doc.text).toBe('report, cdn, 1, mail, call, no href');
    expect(doc.links.map((link) => [doc.text.slice(link.start, link.end), link.href])).toEqual([
      ['report', 'https://news.example/2026/report.pdf'],
      ['cdn', 'https://cdn.example/x'],
      ['mail', 'mailto:ir@example.com'],
    ]);
  });

  it('drops non-content elements with everything inside them', () => {
    const doc =
      convert(`<p>Kept</p><script>var s = 'script';</script><style>p { color: red }</style>
      <iframe srcdoc="<p>frame</p>">iframe</iframe><object>object</object><embed src="e.swf">
      <form>form text<input value="input"><textarea>textarea</textarea><select><option>option</option></select></form>
      <svg><text>svg</text></svg><math><mi>math</mi></math><template>template</template>
      <noscript>noscript</noscript><video>video</video><audio>audio</audio><button>button</button>
      <p>Also kept</p>`);
    expect(doc.text).toBe('Kept\n\nAlso kept');
  });

  it('drops hidden elements, such as e-mail preheaders', () => {
    const doc = convert(`<div style="display:none; max-height:0">Preheader teaser</div>
      <p hidden>hidden attribute</p><span style="mso-hide: all">outlook only</span>
      <p style="visibility: hidden">invisible</p><p style="color: grey">Visible text</p>`);
    expect(doc.text).toBe('Visible text');
  });

  it('returns the <title> as metadata, and nothing else', () => {
    expect(
      convert('<html><head><title> Broker  note </title></head><body><p>x</p></body></html>')
        .metadata,
    ).toEqual({
      title: 'Broker note',
    });
    expect(convert('<p>no title</p>').metadata).toEqual({});
    expect(convert('').text).toBe('');
  });

  it('survives markup nested a thousand and more levels deep, keeping its text', () => {
    const depth = 1500;
    const doc = convert(`${'<div>'.repeat(depth)}deep text${'</div>'.repeat(depth)}<p>after</p>`);
    expect(doc.text).toBe('deep text\n\nafter');
  });

  it('reads mammoth-style DOCX output', () => {
    const doc = convert(
      '<h1>Initiation: BUY</h1><p><strong>Price target</strong> €42</p><ul><li>Thesis one</li><li>Thesis two</li></ul><table><tr><td><p>EPS</p></td><td><p>3.10</p></td></tr></table>',
    );
    expect(outline(doc)).toEqual([
      ['heading', 'Initiation: BUY', 1],
      ['paragraph', 'Price target €42'],
      ['ul', 'Thesis one', 0],
      ['ul', 'Thesis two', 0],
      ['table', 'EPS\t3.10'],
    ]);
  });
});
