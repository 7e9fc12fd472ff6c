/**
 * Markup that has turned note apps' imports into code execution (Joplin, Obsidian, Mark
 * Text, Typora): each trick sets `window.__pwned` or calls home if it ever runs.
 */
export const HOSTILE_MARKER = 'Die Quartalszahlen übertrafen die Erwartungen deutlich';

/** `via` names the import path, so each path yields its own article (not a duplicate). */
export function hostileHtml(home: string, via: string): string {
  return `<!doctype html><html lang="de"><head>
<meta http-equiv="refresh" content="0;url=javascript:window.__pwned='refresh'">
<base href="${home}/base/">
<link rel="stylesheet" href="${home}/evil.css">
<style>body { background: url(${home}/css-bg.png) }</style>
<title>Quartalsbericht mit Fallen (${via})</title>
</head><body><article>
<h1>Quartalsbericht mit Fallen (${via})</h1>
<p>${HOSTILE_MARKER}, sagte der Finanzvorstand am Dienstag in Frankfurt vor Analysten (${via}).</p>
<script>window.__pwned = 'script'</script>
<p><img src="${home}/remote.png" onerror="window.__pwned='onerror'" alt="Umsatzgrafik"> Der Umsatz stieg auf 4,2 Mrd. €.</p>
<p><a href="javascript:window.__pwned='link'">Klick</a> · <a href="java&#x09;script:window.__pwned='tab'">Tab</a> · <a href="jav&#x0A;ascript:window.__pwned='nl'">Zeile</a> · <a href="${home}/ok">Quelle</a></p>
<iframe src="${home}/frame"></iframe>
<iframe srcdoc="<script>parent.__pwned='srcdoc'</script>"></iframe>
<iframe src="data:text/html,<script>parent.__pwned='data'</script>"></iframe>
<svg onload="window.__pwned='svg'"><script>window.__pwned='svg-script'</script></svg>
<form action="${home}/steal"><input name="q"><button>Senden</button></form>
<div style="background-image:url(${home}/inline-bg.png)">Die Marge verbesserte sich um zwei Prozentpunkte auf 31 Prozent im dritten Quartal.</div>
<p onmouseover="window.__pwned='hover'">Der Ausblick für das Gesamtjahr wurde bestätigt; der Konzern erwartet weiteres Wachstum im Cloudgeschäft.</p>
<object data="${home}/x.swf"></object><embed src="${home}/x.swf">
</article></body></html>`;
}

export function hostileMarkdown(home: string): string {
  return `---
title: Notiz mit Fallen
---

# Notiz mit Fallen

${HOSTILE_MARKER}, auch laut Markdown-Notiz.

<script>window.__pwned = 'md-script'</script>

<img src="${home}/md.png" onerror="window.__pwned='md-img'">

[Klick](javascript:window.__pwned='md-link') und [Tab](java&#x09;script:window.__pwned='md-tab') und [Quelle](${home}/ok)

![Bild](${home}/md-image.png)
`;
}

/** An e-mail with the hostile page as its HTML body (brokers send research this way). */
export function hostileEml(home: string): string {
  const html = Buffer.from(hostileHtml(home, 'E-Mail'), 'utf8')
    .toString('base64')
    .replace(/.{76}/g, '$&\r\n');
  return [
    'From: "Research Desk" <research@bank.example>',
    'To: analyst@fund.example',
    'Subject: =?UTF-8?Q?Quartalsbericht_mit_Fallen_=E2=80=93_E-Mail?=',
    'Date: Tue, 24 Nov 2026 08:15:00 +0100',
    'MIME-Version: 1.0',
    'Content-Type: text/html; charset=utf-8',
    'Content-Transfer-Encoding: base64',
    '',
    html,
    '',
  ].join('\r\n');
}
