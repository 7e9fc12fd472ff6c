import { describe, expect, it } from 'vitest';
import type { ArticleBlock } from '../../../../../../shared/domain/article';
import type { ParsedDocument } from '../../parsed-document';
import { parseHtml } from '../parse-html';

const textOf = (doc: ParsedDocument, block: ArticleBlock) => doc.text.slice(block.start, block.end);
const blocksOf = <K extends ArticleBlock['kind']>(doc: ParsedDocument, kind: K) =>
  doc.blocks.filter((b): b is Extract<ArticleBlock, { kind: K }> => b.kind === kind);

const GERMAN_PAGE = `<!doctype html>
<html lang="de-DE"><head><meta charset="utf-8">
<title>Quartalszahlen: Umsatz steigt um 12 % – Straße frei für die Dividende | Finanzblatt</title>
<meta property="og:site_name" content="Finanzblatt">
<meta name="author" content="Von Jürgen Weiß">
<meta property="article:published_time" content="2026-03-05T23:30:00+01:00">
</head><body>
<header><nav><a href="/">Start</a> <a href="/maerkte">Märkte</a></nav></header>
<main><article>
<h1>Quartalszahlen: Umsatz steigt um 12 % – Straße frei für die Dividende</h1>
<p>Der Vorstand sprach von einem „außergewöhnlich starken Quartal“ – der Umsatz stieg auf 4,2 Mrd. €, die Marge um zwei Punkte. Die Aktionäre dürfen sich auf eine höhere Ausschüttung freuen, heißt es aus Unternehmenskreisen.</p>
<p>Finanzvorständin Groß betonte, die Straße habe „die Stärke des Geschäfts unterschätzt“. Der Ausblick für das Gesamtjahr wurde angehoben; Analysten erwarten nun einen Gewinn je Aktie von 3,10 € statt bisher 2,85 €.</p>
<table>
<caption>Kennzahlen im Überblick</caption>
<thead><tr><th>Kennzahl</th><th>Q1 2026</th><th>Q1 2025</th></tr></thead>
<tbody>
<tr><td>Umsatz</td><td>4,2 Mrd. €</td><td>3,75 Mrd. €</td></tr>
<tr><td>EBIT-Marge</td><td>14,1 %</td><td>12,0 %</td></tr>
</tbody></table>
<p>Die wichtigsten Treiber des Wachstums im Überblick, wie sie das Management in der Telefonkonferenz mit Analysten beschrieben hat:</p>
<ul>
<li>Software – wiederkehrende Erlöse
  <ul><li>Cloud-Abonnements: +31 %</li><li>Wartungsverträge: +4 %</li></ul>
</li>
<li>Hardware: stabil bei 1,1 Mrd. €</li>
</ul>
<p>Die Börse reagierte verhalten: Die Aktie schloss 0,8 % im Plus. Händler verwiesen auf die bereits hohen Erwartungen, die in den vergangenen Wochen in den Kurs eingepreist worden seien.</p>
</article></main>
<footer><p>© Finanzblatt</p></footer>
</body></html>`;

const FRENCH_PAGE = `<!doctype html>
<html lang="fr"><head><meta charset="utf-8">
<title>Le cœur du marché : l’œuvre des banques centrales</title>
<meta property="og:site_name" content="Le Quotidien Financier">
<meta name="author" content="Par Élise Lœwenbruck">
</head><body>
<div id="content"><div class="article-body">
<h1>Le cœur du marché : l’œuvre des banques centrales</h1>
<p>« Nous ferons tout ce qui est nécessaire », a déclaré la présidente, dont le discours a fait bondir l’euro de 1,2 % – un mouvement rare en une séance. Les investisseurs y voient le cœur de la stratégie monétaire.</p>
<p>Selon les économistes interrogés, l’œuvre des banques centrales reste inachevée : l’inflation sous-jacente dépasse toujours 3 %, et le coût de la vie pèse sur les ménages, qui dépensent 45 € de plus par mois qu’il y a un an.</p>
<blockquote><p>« La politique monétaire n’est pas une science exacte, c’est un art de la mesure. »</p><p>— Un ancien gouverneur</p></blockquote>
<p>Les marchés obligataires ont salué ces propos : le rendement à dix ans a reculé de quinze points de base, son plus fort repli depuis le printemps, tandis que les valeurs bancaires reculaient légèrement.</p>
</div></div>
</body></html>`;

describe('parseHtml on German and French pages', () => {
  it('keeps German typography exactly and the table, nested list and paragraphs', async () => {
    const doc = await parseHtml(GERMAN_PAGE, { url: 'https://finanzblatt.example/maerkte/q1' });
    for (const exact of [
      '„außergewöhnlich starken Quartal“',
      '– der Umsatz',
      '4,2 Mrd. €',
      'Straße',
    ]) {
      expect(doc.text).toContain(exact);
    }
    expect(doc.text).toContain('Finanzvorständin Groß betonte');

    const [table] = blocksOf(doc, 'table');
    expect(table).toBeDefined();
    const cells = table!.rows.map((row) =>
      row.cells.map((cell) => doc.text.slice(cell.start, cell.end)),
    );
    expect(cells).toEqual([
      ['Kennzahl', 'Q1 2026', 'Q1 2025'],
      ['Umsatz', '4,2 Mrd. €', '3,75 Mrd. €'],
      ['EBIT-Marge', '14,1 %', '12,0 %'],
    ]);
    expect(table!.rows[0]!.cells.every((cell) => cell.header)).toBe(true);
    expect(table!.rows[1]!.cells.some((cell) => cell.header)).toBe(false);
    expect(blocksOf(doc, 'paragraph').map((b) => textOf(doc, b))).toContain(
      'Kennzahlen im Überblick',
    );

    const items = blocksOf(doc, 'listItem').map((b) => [textOf(doc, b), b.depth, b.ordered]);
    expect(items).toEqual([
      ['Software – wiederkehrende Erlöse', 0, false],
      ['Cloud-Abonnements: +31 %', 1, false],
      ['Wartungsverträge: +4 %', 1, false],
      ['Hardware: stabil bei 1,1 Mrd. €', 0, false],
    ]);

    expect(doc.metadata).toMatchObject({
      title: 'Quartalszahlen: Umsatz steigt um 12 % – Straße frei für die Dividende',
      author: 'Jürgen Weiß',
      source: 'Finanzblatt',
      publishedAt: '2026-03-05',
      language: 'de',
    });
  });

  it('keeps French typography exactly and the blockquote as quotes', async () => {
    const doc = await parseHtml(FRENCH_PAGE, { url: 'https://quotidien.example/a/1' });
    for (const exact of [
      '« Nous ferons tout ce qui est nécessaire »',
      'cœur',
      'l’œuvre',
      '1,2 % – un',
      '45 €',
    ]) {
      expect(doc.text).toContain(exact);
    }
    const quotes = blocksOf(doc, 'quote').map((b) => textOf(doc, b));
    expect(quotes).toEqual([
      '« La politique monétaire n’est pas une science exacte, c’est un art de la mesure. »',
      '— Un ancien gouverneur',
    ]);
    expect(doc.metadata).toMatchObject({
      title: 'Le cœur du marché : l’œuvre des banques centrales',
      author: 'Élise Lœwenbruck',
      language: 'fr',
    });
  });
});
