import { describe, expect, it } from 'vitest';
import { stripHeavyMarkup } from '../html/strip-heavy-markup';

describe('stripHeavyMarkup', () => {
  it('cuts comments, scripts, styles, SVG, navigation and friends, keeping the text around them', () => {
    const html = [
      '<p>a</p><!-- comment <p>x</p> -->',
      '<script>if (a < b) { document.write("</p>") }</script>',
      '<style media="print">p { color: red }</style>',
      '<svg viewBox="0 0 1 1"><svg><text>inner</text></svg><text>outer</text></svg>',
      '<math><mi>x</mi></math><noscript><img src="x"></noscript>',
      '<template><p>t</p></template><iframe src="x">fallback</iframe>',
      '<nav><ul><li><a href="/">Home</a></li></ul><nav>inner</nav></nav>',
      '<footer><footer>Impressum</footer>© 2026</footer><select><option>de</option></select>',
      '<button><span>Teilen</span></button><textarea>a <p> b</textarea>',
      '<p>b</p>',
    ].join('');
    expect(stripHeavyMarkup(html)).toBe('<p>a</p><p>b</p>');
  });

  it('keeps JSON-LD whole, even when its text looks like markup', () => {
    const jsonLd =
      '<script type="application/ld+json">{"body": "<b>x<\\/b> <!-- y <svg>", "n": 1}</script>';
    const html = `${jsonLd}<p>after</p><script>drop()</script>`;
    expect(stripHeavyMarkup(html)).toBe(`${jsonLd}<p>after</p>`);
  });

  it('treats <!--> and <!---> as complete comments, and --!> as an end', () => {
    expect(stripHeavyMarkup('<p>a</p><!--><p>b</p><!---><p>c</p><!-- x --!><p>d</p>')).toBe(
      '<p>a</p><p>b</p><p>c</p><p>d</p>',
    );
  });

  it('keeps what follows a self-closed <svg/>', () => {
    expect(stripHeavyMarkup('<svg class="icon"/><p>text</p>')).toBe(
      '<svg class="icon"/><p>text</p>',
    );
  });

  it('leaves the rest untouched when something never ends', () => {
    expect(stripHeavyMarkup('<p>a</p><script>x<p>b</p>')).toBe('<p>a</p><script>x<p>b</p>');
    expect(stripHeavyMarkup('<p>a</p><!-- open <p>b</p>')).toBe('<p>a</p><!-- open <p>b</p>');
    expect(stripHeavyMarkup('<p>a</p><style x')).toBe('<p>a</p><style x');
  });

  it('does not touch look-alike tags or text', () => {
    const html = '<scripts>a</scripts><p>x &lt;script&gt; y</p><svgx>b</svgx>';
    expect(stripHeavyMarkup(html)).toBe(html);
  });

  it('runs in linear time on hostile input', () => {
    const hostile = [
      '<script'.repeat(100_000),
      '<!--'.repeat(100_000),
      '<svg>'.repeat(50_000),
      '<style>'.repeat(50_000),
    ];
    for (const html of hostile) {
      const started = performance.now();
      stripHeavyMarkup(html);
      expect(performance.now() - started).toBeLessThan(1000);
    }
  });
});
