import { existsSync } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import { extname, join } from 'node:path';
import {
  makeHostileDocx,
  makeMinimalDocx,
  makeResearchDocx,
  makeZipBombDocx,
} from '../__tests__/fixtures/make-docx';
import { makeHostileEml, makeResearchEml, makeTextOnlyEml } from '../__tests__/fixtures/make-eml';
import {
  makeEncryptedPdf,
  makeLigaturePdf,
  makeLongReportPdf,
  makeMixedPdf,
  makeScannedPdf,
  makeSimplePdf,
  makeTwoColumnPdf,
  renderPdf,
} from '../__tests__/fixtures/make-pdf';

/** A document the mutations start from; the name goes into failure reports. */
export interface FuzzSeed {
  name: string;
  bytes: Uint8Array;
  /** Set by `loadSeeds`: a target that mixes kinds (paste) tells them apart by it. */
  kind?: SeedKind;
}

export type SeedKind = 'html' | 'markdown' | 'text' | 'pdf' | 'docx' | 'eml';

const repoRoot = join(import.meta.dirname, '../../../../..');
const utf8 = (name: string, text: string): FuzzSeed => ({
  name,
  bytes: new Uint8Array(Buffer.from(text, 'utf8')),
});

/** Hostile files another suite keeps, by extension; used when the folder is there. */
const HOSTILE_DIR = join(repoRoot, 'e2e/fixtures/hostile/files');
const HOSTILE_KINDS: Record<string, SeedKind> = {
  '.html': 'html',
  '.htm': 'html',
  '.md': 'markdown',
  '.markdown': 'markdown',
  '.txt': 'text',
  '.pdf': 'pdf',
  '.docx': 'docx',
  '.eml': 'eml',
};

const ARTICLE_PAGE = `<!doctype html><html lang="de"><head><meta charset="utf-8">
<title>Müller AG: Umsatz steigt</title><meta name="author" content="Jana Köhler">
<meta property="og:site_name" content="Finanzblatt"><meta property="article:published_time" content="2024-03-15T08:00:00Z">
<link rel="canonical" href="https://finanzblatt.example/mueller"></head><body><nav><a href="/">Start</a></nav>
<article><h1>Müller AG: Umsatz steigt</h1><p>Die Müller AG steigerte den Umsatz um zwölf Prozent auf 4,2 Mrd. €.
Getragen wurde das Wachstum vom <a href="/industrie">Industriegeschäft</a>.</p><h2>Risiken</h2>
<ul><li>Energiepreise</li><li>Bautätigkeit</li></ul><blockquote>„Wir sehen keine Sonderbelastungen.“</blockquote>
<table><tr><th>Kennzahl</th><th>2024</th></tr><tr><td>Umsatz</td><td>4,2</td></tr></table><pre>code  block</pre></article>
<footer>© Finanzblatt</footer></body></html>`;

const RESEARCH_MARKDOWN = `---
title: "Siemens Energy: Auftragsbestand trägt die Marge"
authors:
  - Jana Köhler
date: 2024-03-15T08:30:00+01:00
lang: de-DE
url: https://notes.example.com/siemens-energy
---
# Siemens Energy – Kurzeinschätzung

Der Auftragsbestand liegt bei **123 Mrd. €**, siehe [Bericht](https://example.com/b.pdf) und [Notiz][n].

1. Netzgeschäft wächst
   - Grid: „Rekordauftrag“
2. Windsparte bleibt das Risiko
- [x] Modell aktualisiert

> „Keine Sonderbelastungen“, sagte der CFO.[^1]

| Kennzahl | 2023 | 2024e |
| --- | ---: | ---: |
| Umsatz | 31,1 | 34,5 |

\`\`\`python
margin = ebita / revenue
\`\`\`

<div>raw <b>html</b></div> ![Chart](https://example.com/c.png)

[n]: https://notes.example.com/n
[^1]: Telefonkonferenz am 14. März.
`;

async function htmlSeeds(maxBytes: number): Promise<FuzzSeed[]> {
  const corpus = join(repoRoot, 'e2e/fixtures/news-html');
  const seeds = [utf8('synthetic/article.html', ARTICLE_PAGE)];
  for (const page of (await readdir(corpus, { withFileTypes: true })).filter((e) =>
    e.isDirectory(),
  )) {
    const bytes = await readFile(join(corpus, page.name, 'source.html')).catch(() => null);
    if (bytes && bytes.length <= maxBytes)
      seeds.push({ name: `news-html/${page.name}`, bytes: new Uint8Array(bytes) });
  }
  return seeds;
}

async function textFiles(dir: string, extension: string, maxBytes: number): Promise<FuzzSeed[]> {
  const entries = await readdir(join(repoRoot, dir)).catch(() => []);
  const seeds: FuzzSeed[] = [];
  for (const name of entries.filter((n) => n.endsWith(extension)).sort()) {
    const bytes = await readFile(join(repoRoot, dir, name));
    if (bytes.length <= maxBytes)
      seeds.push({ name: `${dir}/${name}`, bytes: new Uint8Array(bytes) });
  }
  return seeds;
}

async function pdfSeeds(): Promise<FuzzSeed[]> {
  // Uncompressed, so mutations reach the content stream operators as well.
  const plain = await renderPdf(
    (doc) =>
      doc.font('Helvetica').fontSize(11).text('Die Marge stieg auf 18,3 %. The margin widened.'),
    { compress: false, info: { Title: 'Unkomprimiert', Author: 'Fuzz' } },
  );
  const named: Array<[string, Promise<Uint8Array>]> = [
    ['simple', makeSimplePdf()],
    ['two-column', makeTwoColumnPdf()],
    ['scanned', makeScannedPdf(1)],
    ['mixed', makeMixedPdf()],
    ['encrypted', makeEncryptedPdf('geheim')],
    ['ligature', makeLigaturePdf()],
    ['long-report', makeLongReportPdf(3).then((r) => r.bytes)],
    ['uncompressed', Promise.resolve(plain)],
  ];
  return Promise.all(
    named.map(async ([name, bytes]) => ({ name: `pdf/${name}`, bytes: await bytes })),
  );
}

async function docxSeeds(): Promise<FuzzSeed[]> {
  const body =
    '<w:p><w:pPr><w:pStyle w:val="Heading1"/></w:pPr><w:r><w:t>Titel</w:t></w:r></w:p>' +
    '<w:tbl><w:tr><w:tc><w:p><w:r><w:t>Zelle</w:t></w:r></w:p></w:tc></w:tr></w:tbl>' +
    '<w:p><w:r><w:t xml:space="preserve">Absatz mit </w:t></w:r><w:r><w:rPr><w:b/></w:rPr><w:t>Fett</w:t></w:r></w:p>';
  return [
    { name: 'docx/research', bytes: await makeResearchDocx() },
    { name: 'docx/hostile', bytes: await makeHostileDocx() },
    { name: 'docx/minimal', bytes: makeMinimalDocx(body) },
    { name: 'docx/zip-bomb-2mib', bytes: makeZipBombDocx(2) },
  ];
}

function emlSeeds(): FuzzSeed[] {
  return [
    { name: 'eml/research', bytes: makeResearchEml() },
    { name: 'eml/text-only-base64', bytes: makeTextOnlyEml('utf-8/base64') },
    { name: 'eml/text-only-qp', bytes: makeTextOnlyEml('iso-8859-1/qp') },
    { name: 'eml/hostile', bytes: makeHostileEml() },
  ];
}

async function hostileSeeds(kind: SeedKind, maxBytes: number): Promise<FuzzSeed[]> {
  if (!existsSync(HOSTILE_DIR)) return [];
  const names = (await readdir(HOSTILE_DIR)).filter(
    (n) => HOSTILE_KINDS[extname(n).toLowerCase()] === kind,
  );
  const seeds: FuzzSeed[] = [];
  for (const name of names.sort()) {
    const bytes = await readFile(join(HOSTILE_DIR, name)).catch(() => null);
    if (bytes && bytes.length <= maxBytes)
      seeds.push({ name: `hostile/${name}`, bytes: new Uint8Array(bytes) });
  }
  return seeds;
}

/**
 * The corpus for one kind of document: real files from the repository (news pages, the
 * sample article, the docs), documents built by the test fixtures, and the hostile files
 * when that folder exists. `maxBytes` leaves out big pages where speed matters.
 */
export async function loadSeeds(
  kind: SeedKind,
  options: { maxBytes: number; skip?: RegExp | undefined },
): Promise<FuzzSeed[]> {
  const own = await (async (): Promise<FuzzSeed[]> => {
    switch (kind) {
      case 'html':
        return htmlSeeds(options.maxBytes);
      case 'markdown':
        return [
          utf8('synthetic/research.md', RESEARCH_MARKDOWN),
          ...(await textFiles('.', '.md', options.maxBytes)),
          ...(await textFiles('docs/adr', '.md', options.maxBytes)),
        ];
      case 'text':
        return [
          ...(await textFiles('seeds', '.txt', options.maxBytes)),
          utf8(
            'synthetic/lines.txt',
            'Überschrift\n\nErster Absatz,\numbrochen.\n\n\tZweiter Absatz.\r\n',
          ),
        ];
      case 'pdf':
        return pdfSeeds();
      case 'docx':
        return docxSeeds();
      case 'eml':
        return emlSeeds();
    }
  })();
  const all = [...own, ...(await hostileSeeds(kind, options.maxBytes))];
  return all.filter((seed) => !options.skip?.test(seed.name)).map((seed) => ({ ...seed, kind }));
}
