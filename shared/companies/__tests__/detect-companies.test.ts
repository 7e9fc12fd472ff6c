import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DetectedCompany, type WatchlistEntry } from '../../domain/company';
import { companyCatalog } from '../company-catalog';
import { detectCompanies } from '../detect-companies';

const ROOT = join(import.meta.dirname, '../../..');
const SEED = join(ROOT, 'seeds/microsoft-openai-de.txt');
const CORPUS = join(ROOT, 'e2e/fixtures/news-html');

const names = (text: string, watchlist?: readonly WatchlistEntry[]) =>
  detectCompanies(text, { watchlist }).map((c) => c.name);
const tickers = (text: string) => detectCompanies(text).map((c) => c.ticker);

/** What a reader sees of a page, roughly: tags become spaces so cells do not glue together. */
function pageText(html: string): string {
  const entities: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', nbsp: ' ' };
  return html
    .replace(/<(script|style|noscript|template|svg)\b[\s\S]*?<\/\1\s*>/gi, ' ')
    .replace(/<!--[\s\S]*?-->/g, ' ')
    .replace(/<[^>]*>/g, ' ')
    .replace(/&#x([0-9a-f]+);/gi, (_, hex: string) => String.fromCodePoint(parseInt(hex, 16)))
    .replace(/&#(\d+);/g, (_, dec: string) => String.fromCodePoint(Number(dec)))
    .replace(/&([a-z]+);/gi, (entity, name: string) => entities[name.toLowerCase()] ?? entity)
    .replace(/\s+/g, ' ');
}

describe('the company catalog', () => {
  const all = [...companyCatalog.listed, ...companyCatalog.private];

  it('holds at least 150 listed and 25 private companies', () => {
    expect(companyCatalog.listed.length).toBeGreaterThanOrEqual(150);
    expect(companyCatalog.private.length).toBeGreaterThanOrEqual(25);
    expect(companyCatalog.listed.every((c) => c.ticker !== null && c.exchange !== null)).toBe(true);
    expect(companyCatalog.private.every((c) => c.ticker === null && c.exchange === null)).toBe(
      true,
    );
  });

  it('names every company once and gives no two companies the same unambiguous alias', () => {
    const seen = new Map<string, string>();
    for (const company of all) {
      for (const alias of new Set([company.name, ...company.aliases])) {
        if ((company.ambiguousAliases ?? []).includes(alias)) continue;
        expect(seen.get(alias), `${alias} (${company.name})`).toBeUndefined();
        seen.set(alias, company.name);
      }
    }
  });
});

describe('detectCompanies on the seed article', () => {
  const text = readFileSync(SEED, 'utf8');

  it('finds exactly Microsoft, Alphabet (as Google), Amazon, Meta and OpenAI', () => {
    const found = detectCompanies(text);
    expect(DetectedCompany.array().parse(found)).toEqual(found);
    expect(
      found.map(({ name, ticker, exchange, kind }) => ({ name, ticker, exchange, kind })),
    ).toEqual([
      { name: 'Microsoft', ticker: 'MSFT', exchange: 'NASDAQ', kind: 'listed' },
      { name: 'OpenAI', ticker: null, exchange: null, kind: 'private' },
      { name: 'Alphabet', ticker: 'GOOGL', exchange: 'NASDAQ', kind: 'listed' },
      { name: 'Amazon', ticker: 'AMZN', exchange: 'NASDAQ', kind: 'listed' },
      { name: 'Meta', ticker: 'META', exchange: 'NASDAQ', kind: 'listed' },
    ]);
  });

  it('counts compounds and genitives ("Microsoft-Aktie", "Microsofts") as mentions', () => {
    const microsoft = detectCompanies(text).find((c) => c.ticker === 'MSFT');
    // 13 plain, "Microsoft-Integration", "Microsoft-Aktien", "Microsoft-Aktie", "Microsofts".
    expect(microsoft?.mentions).toBe(17);
  });
});

describe('detectCompanies precision: everyday words stay words', () => {
  it.each([
    'Die Metadaten liegen im Metall-Schrank.',
    'A meta-analysis of twelve studies.',
    'Eine Meta-Analyse von 20 Studien zeigt den Effekt.',
    'Apple pie recipe: peel 2 apples and bake.',
    'Zutaten: 2 Äpfel, Zimt. Dazu ein Apple pie mit Sahne.',
    'Cut the apple into slices.',
    'Apple crumble with cinnamon is a classic dessert.',
    'The Amazon rainforest lost more trees than analysts expected.',
    'Boats travel up the Amazon for days.',
    'The Shell script exports stock prices every night.',
    'Her Visa application was approved by the company.',
    'Investors once consulted the Oracle of Delphi.',
    'Our Target audience is analysts and investors.',
    'Das Alphabet hat 26 Buchstaben.',
    'Ein Bayer aus Rosenheim kaufte eine Orange.',
    'Die Linde vor dem Haus blüht, der Block gegenüber wird abgerissen.',
    'Diese Allianz ermöglichte dem Konzern neues Wachstum.',
    'Il a mangé une orange au carrefour, pour un total de trois euros.',
    'Au Carrefour des Lumières, la planète Mars brillait. Total : 12 euros.',
    'Nikola Tesla and Leonardo da Vinci were inventors.',
    'Julia La Roche wrote the column.',
    'Prices rose 3% to $1,000; the $US 5 million deal closed.',
    'A look at Nasdaq: AI stocks rallied.',
  ])('finds nothing in %j', (text) => {
    expect(names(text)).toEqual([]);
  });

  it('keeps a vetoed mention out even when the company is named elsewhere', () => {
    const found = detectCompanies('Apple Inc. reported earnings. Later we ate Apple pie.');
    expect(found).toEqual([
      { name: 'Apple', ticker: 'AAPL', exchange: 'NASDAQ', kind: 'listed', mentions: 1 },
    ]);
  });
});

describe('detectCompanies recall: names, tickers and context', () => {
  it.each([
    ['Microsoft (NASDAQ: MSFT) said', 'MSFT'],
    ['Shares of (NYSE:KO) rose.', 'KO'],
    ['SAP (Xetra: SAP) stieg.', 'SAP'],
    ['Siemens (ETR: SIE) fiel.', 'SIE'],
    ['LVMH (EPA: MC) a publié', 'MC'],
    ['BP (LON: BP) said', 'BP'],
    ['Apple, Nasdaq: AAPL, said', 'AAPL'],
    ['Watch $AAPL today', 'AAPL'],
    ['Bullish on $sap', 'SAP'],
    ['TSMC (NYSE: TSM) beat estimates', '2330'],
    ['Apple Inc. reported', 'AAPL'],
    ['Die Apple-Aktie fiel.', 'AAPL'],
    ['Anleger verkauften die Meta-Aktie.', 'META'],
    ['Microsofts Cloud wächst.', 'MSFT'],
    ["Microsoft's cloud and Microsoft’s AI", 'MSFT'],
    ['Die Google-Mutter meldet Zahlen.', 'GOOGL'],
    ['LVMH dominiert den Luxusmarkt.', 'MC'],
    ['le groupe TotalEnergies investit', 'TTE'],
    ['Le géant Total a publié son chiffre d’affaires.', 'TTE'],
    ["L'action Orange a progressé.", 'ORA'],
    ['Die Allianz SE erhöht die Dividende.', 'ALV'],
    ['Apple shares fell after the earnings call.', 'AAPL'],
    ['Der Tech-Konzern Amazon wächst.', 'AMZN'],
    ['NVIDIA REPORTS RECORD QUARTER', 'NVDA'],
  ])('finds %j', (text, ticker) => {
    expect(tickers(text)).toEqual([ticker]);
  });

  it('prefers the longest name: "Siemens Energy" and "Siemens" are two companies', () => {
    expect(detectCompanies('Siemens Energy und Siemens legten zu; Siemens Energy führte.')).toEqual(
      [
        { name: 'Siemens Energy', ticker: 'ENR', exchange: 'XETRA', kind: 'listed', mentions: 2 },
        { name: 'Siemens', ticker: 'SIE', exchange: 'XETRA', kind: 'listed', mentions: 1 },
      ],
    );
  });

  it('accepts an ambiguous name in a list with other companies', () => {
    expect(names('Rivalen wie Google, Amazon und Meta.')).toEqual(['Alphabet', 'Amazon', 'Meta']);
    expect(names('Wir nutzen Google, Amazon und Meta')).toEqual(['Alphabet', 'Amazon', 'Meta']);
  });

  it('accepts every mention once the company is named unambiguously', () => {
    const found = detectCompanies('Meta bought a startup. Facebook users noticed. Meta said no.');
    expect(found).toEqual([
      { name: 'Meta', ticker: 'META', exchange: 'NASDAQ', kind: 'listed', mentions: 3 },
    ]);
  });

  it('counts a listing right after the name as the same mention', () => {
    const [microsoft] = detectCompanies('Microsoft (NASDAQ: MSFT) und Microsoft Corp.');
    expect(microsoft?.mentions).toBe(2);
  });

  it('reports unknown tickers by ticker', () => {
    expect(detectCompanies('Wir mögen $ZZTOP und (NYSE: QQQX).')).toEqual([
      { name: 'ZZTOP', ticker: 'ZZTOP', exchange: null, kind: 'listed', mentions: 1 },
      { name: 'QQQX', ticker: 'QQQX', exchange: 'NYSE', kind: 'listed', mentions: 1 },
    ]);
  });

  it('orders by mentions, then by first appearance', () => {
    expect(names('BASF, Bayer AG, BMW. BMW und BASF. BMW.')).toEqual(['BMW', 'BASF', 'Bayer']);
  });

  it('detects watchlist entries by name, alias, ticker and listing', () => {
    const watchlist: WatchlistEntry[] = [
      { name: 'Hensoldt', ticker: 'HAG', aliases: ['Hensoldt AG'] },
      { name: 'Siemens Healthineers AG', ticker: 'SHL', aliases: ['Healthineers'] },
    ];
    const text =
      'Hensoldt AG (ETR: HAG) und Hensoldt wachsen; Siemens Healthineers und Healthineers auch.';
    expect(detectCompanies(text, { watchlist })).toEqual([
      { name: 'Hensoldt', ticker: 'HAG', exchange: 'XETRA', kind: 'watchlist', mentions: 2 },
      {
        name: 'Siemens Healthineers AG',
        ticker: 'SHL',
        exchange: 'XETRA',
        kind: 'watchlist',
        mentions: 2,
      },
    ]);
    // The same array reuses its compiled lexicon; a watchlisted common word stays ambiguous.
    const apple: WatchlistEntry[] = [{ name: 'Apple', ticker: 'AAPL', aliases: [] }];
    expect(names('Apple pie, please.', apple)).toEqual([]);
    expect(detectCompanies('Apple shares rose.', { watchlist: apple })).toEqual([
      { name: 'Apple', ticker: 'AAPL', exchange: 'NASDAQ', kind: 'watchlist', mentions: 1 },
    ]);
  });
});

/**
 * Readability's news pages, judged by reading their text (tags stripped, so navigation and
 * share buttons count too). `expected`: what a careful reader would list from the catalog;
 * `mustFind`: the asserted subset; `tolerated`: real but debatable mentions.
 */
interface PageExpectation {
  readonly expected: readonly string[];
  readonly mustFind: readonly string[];
  readonly tolerated?: readonly string[];
}

/** Share and login buttons ("Share on Facebook", "Google+") name these on most pages. */
const SOCIAL_BUTTONS = ['Meta', 'Alphabet'];

const PAGES: Record<string, PageExpectation> = {
  theverge: {
    // Apple's Vision Pro; "Google Pay", "Meta Quest Pro"; "a used Ford Focus" is a car.
    expected: ['Apple', 'Alphabet', 'Meta'],
    mustFind: ['Apple', 'Alphabet'],
    tolerated: ['Ford'],
  },
  engadget: {
    expected: [
      'Microsoft',
      'Sony',
      'AMD',
      'Intel',
      'Nvidia',
      'Alphabet',
      'Samsung Electronics',
      'Netflix',
    ],
    mustFind: [
      'Microsoft',
      'Sony',
      'AMD',
      'Intel',
      'Nvidia',
      'Alphabet',
      'Samsung Electronics',
      'Netflix',
    ],
  },
  heise: {
    // "Ex-HP-Chefin"; "Firmware-Update für Amazon Fire TV" has no business context.
    expected: ['Apple', 'Alphabet', 'HP', 'Amazon'],
    mustFind: ['Apple', 'Alphabet', 'HP'],
  },
  'ars-1': { expected: [], mustFind: [] },
  cnn: {
    expected: ['Microsoft', 'Citigroup', 'General Motors'],
    mustFind: ['Microsoft', 'Citigroup'],
  },
  msn: {
    expected: ['Apple', 'Nintendo', 'Intel', 'Microsoft', 'Samsung Electronics', 'Huawei', 'Tesla'],
    mustFind: ['Apple', 'Nintendo', 'Intel', 'Microsoft', 'Samsung Electronics', 'Huawei', 'Tesla'],
  },
  'nytimes-1': { expected: ['Amazon'], mustFind: [] },
  'nytimes-2': {
    // Yahoo's sale to Verizon, Alibaba stake, "if only Yahoo had bought Google or Facebook".
    expected: [
      'Verizon',
      'Alibaba',
      'Alphabet',
      'Meta',
      'Goldman Sachs',
      'JPMorgan Chase',
      'Deutsche Bank',
      'Boeing',
      'Dell Technologies',
      'Abbott Laboratories',
      'Amazon',
    ],
    mustFind: [
      'Verizon',
      'Alibaba',
      'Goldman Sachs',
      'JPMorgan Chase',
      'Deutsche Bank',
      'Boeing',
      'Dell Technologies',
      'Abbott Laboratories',
    ],
  },
  'seattletimes-1': {
    expected: ['Amazon', 'Walmart', 'Costco', 'Boeing', 'Microsoft'],
    mustFind: ['Amazon', 'Walmart', 'Costco', 'Boeing', 'Microsoft'],
  },
  'bbc-1': {
    expected: ['Apple', 'Tesla', 'Bank of America'],
    mustFind: ['Apple', 'Tesla'],
  },
  'lemonde-1': { expected: ['Sony'], mustFind: ['Sony'] },
  // "Top recherche en live avec Orange": the company, but nothing around it says so.
  'liberation-1': { expected: ['Airbus', 'Orange'], mustFind: ['Airbus'] },
  // Tony Abbott is a prime minister, not Abbott Laboratories.
  'herald-sun-1': { expected: ['IKEA'], mustFind: ['IKEA'] },
  // Julia La Roche is a Yahoo Finance writer, not Roche.
  'yahoo-1': { expected: ['Sony', 'Uber'], mustFind: ['Sony'] },
  'wapo-2': { expected: ['Tesla'], mustFind: ['Tesla'] },
  'quanta-1': { expected: ['Netflix', 'Alphabet'], mustFind: ['Netflix', 'Alphabet'] },
};

describe('detectCompanies on the news-html corpus', () => {
  const pages = readdirSync(CORPUS)
    .filter((name) => statSync(join(CORPUS, name)).isDirectory())
    .sort();

  it('finds the obvious companies and nothing that is not a company', () => {
    let found = 0;
    let correct = 0;
    let expected = 0;
    let recalled = 0;
    const falsePositives: string[] = [];
    const misses: string[] = [];
    for (const page of pages) {
      const html = readFileSync(join(CORPUS, page, 'source.html'), 'utf8');
      const detected = names(pageText(html));
      const want = PAGES[page] ?? { expected: [], mustFind: [] };
      const allowed = new Set([...want.expected, ...(want.tolerated ?? []), ...SOCIAL_BUTTONS]);

      found += detected.length;
      for (const name of detected) {
        if (allowed.has(name)) correct++;
        else falsePositives.push(`${page}: ${name}`);
      }
      expected += want.expected.length;
      for (const name of want.expected) {
        if (detected.includes(name)) recalled++;
        else misses.push(`${page}: ${name}`);
      }
      expect(detected, page).toEqual(expect.arrayContaining([...want.mustFind]));
    }

    const percent = (a: number, b: number) => `${a}/${b} (${Math.round((100 * a) / b)}%)`;
    console.log(
      `companies: precision ${percent(correct, found)}, recall ${percent(recalled, expected)}` +
        `; missed: ${misses.join(', ') || 'none'}`,
    );
    expect(falsePositives).toEqual([]);
  });

  it('scans 150,000 characters in a few milliseconds', () => {
    const seed = readFileSync(SEED, 'utf8');
    const verge = pageText(readFileSync(join(CORPUS, 'theverge/source.html'), 'utf8'));
    const long = `${seed}\n${verge}\n`.repeat(20).slice(0, 150_000);
    for (let i = 0; i < 3; i++) detectCompanies(long); // warm up: the catalog index is built once
    const times = Array.from({ length: 15 }, () => {
      const started = performance.now();
      detectCompanies(long);
      return performance.now() - started;
    }).sort((a, b) => a - b);
    const ms = (t: number | undefined) => `${(t ?? 0).toFixed(1)} ms`;
    console.log(
      `companies: ${long.length} characters in ${ms(times[0])} (best), ${ms(times[7])} (median)`,
    );
    expect(names(long).slice(0, 3)).toEqual(['Apple', 'Microsoft', 'OpenAI']);
  });
});
