import type { MemoNode } from '../../shared/domain/memo-doc';
import type { ClaimReferenceAttrs } from '../../shared/memo/claim-reference';
import {
  citationParagraph,
  claimReferenceNode,
  insertIntoSection,
} from '../../shared/memo/memo-doc-ops';
import type { WorkbenchClient } from '../../renderer/src/lib/workbench-client';

/**
 * The seed memo: an investment memo on Microsoft written from the bundled German sample
 * article, with claims of each class (tagged, noted, paraphrased in English), one claim
 * cited twice, a table and a conviction change. docs/examples/ holds its exported report,
 * and the export e2e test checks that the app's Export writes exactly that file.
 */

/** The instant the example library is made at (a frozen clock: the report is reproducible). */
export const SEED_MEMO_CLOCK = '2026-11-24T09:30:00.000Z';

const CLAIMS = [
  {
    key: 'thesis',
    sentence:
      'Microsoft profitiert von den Entwicklungen und Innovationen, die OpenAI liefert, und kann seine Produkte mit einem klaren Wettbewerbsvorteil ausstatten.',
    claimClass: 'thesis',
    tags: ['Moat/AI partnership'],
    note: 'Core of the long case: OpenAI models ship inside Office 365 and Azure first.',
    paraphrase:
      "Microsoft benefits from OpenAI's innovations and can equip its products with a clear competitive advantage.",
  },
  {
    key: 'position',
    sentence:
      'Die Einführung neuer KI-gestützter Anwendungen wie ChatGPT und entsprechender Microsoft-Integration in Produkte wie Office 365 und Azure hat die Marktposition des Unternehmens deutlich gestärkt.',
    claimClass: 'evidence',
    tags: ['Moat/AI partnership'],
    note: '',
    paraphrase:
      "AI features in Office 365 and Azure have clearly strengthened the company's market position.",
  },
  {
    key: 'capex',
    sentence:
      'Microsoft stellt die technische Infrastruktur bereit und investiert erheblich in die Cloud- und Rechenzentren, die der Basis für diese Systeme bilden.',
    claimClass: 'evidence',
    tags: ['Capex'],
    note: 'Check against the capex guidance in the next 10-Q.',
    paraphrase:
      'Microsoft provides the infrastructure and invests heavily in cloud and data centres.',
  },
  {
    key: 'tension',
    sentence:
      'Ein wesentliches Problem besteht darin, dass OpenAI trotz der Partnerschaft mit Microsoft immer stärker als eigenständiger Akteur wahrgenommen wird.',
    claimClass: 'risk',
    tags: ['Risk/Partner'],
    note: '',
    paraphrase: 'OpenAI is increasingly seen as an independent player despite the partnership.',
  },
  {
    key: 'regulation',
    sentence:
      'Beide Unternehmen stehen unter Beobachtung von Regulierungsbehörden, die Transparenz, Datenschutz und den verantwortungsvollen Einsatz von KI-Technologien fordern.',
    claimClass: 'risk',
    tags: ['Risk/Regulation'],
    note: 'EU AI Act timing matters for the 2027 estimates.',
    paraphrase: 'Regulators are watching both companies over transparency and data protection.',
  },
] as const;

type ClaimKey = (typeof CLAIMS)[number]['key'];

const text = (value: string): MemoNode => ({ type: 'text', text: value });
const paragraph = (...content: MemoNode[]): MemoNode => ({ type: 'paragraph', content });
const cell = (type: 'tableHeader' | 'tableCell', value: string): MemoNode => ({
  type,
  attrs: { colspan: 1, rowspan: 1, colwidth: null },
  content: [paragraph(text(value))],
});
const row = (type: 'tableHeader' | 'tableCell', values: string[]): MemoNode => ({
  type: 'tableRow',
  content: values.map((value) => cell(type, value)),
});

/** Builds the seed memo in the library behind `api`; returns its id. */
export async function buildSeedMemo(api: WorkbenchClient): Promise<{ memoId: string }> {
  const { article } = await api.samples.import({ sampleId: 'microsoft-openai-de' });
  const { text: body } = await api.articles.get({ id: article.id });
  const cite = new Map<ClaimKey, ClaimReferenceAttrs>();
  const ids = new Map<ClaimKey, string>();
  for (const claim of CLAIMS) {
    const start = body.indexOf(claim.sentence);
    if (start < 0) throw new Error(`the sample article no longer holds: ${claim.sentence}`);
    const { ids: tags } = await api.codebook.ensure({ paths: [...claim.tags] });
    const { highlight } = await api.highlights.create({
      articleId: article.id,
      start,
      end: start + claim.sentence.length,
      claimClass: claim.claimClass,
      tags,
      note: claim.note,
      paraphrase: claim.paraphrase,
    });
    ids.set(claim.key, highlight.id);
    cite.set(claim.key, await api.memos.citation({ highlightId: highlight.id }));
  }
  const ref = (key: ClaimKey) => claimReferenceNode(cite.get(key)!);

  const memo = await api.memos.create({
    title: 'Microsoft: the OpenAI partnership is still an edge',
    company: 'Microsoft Corp.',
    ticker: 'MSFT',
    author: 'A. Analyst',
  });
  let doc = memo.doc;
  doc = insertIntoSection(doc, 'summary', [
    paragraph(
      text('We start at '),
      { type: 'text', text: 'Buy', marks: [{ type: 'bold' }] },
      text(
        ': the partnership gives Microsoft first access to frontier models, and the market prices the friction with OpenAI as if it were a break-up.',
      ),
    ),
  ]);
  doc = insertIntoSection(doc, 'thesis', [
    citationParagraph(cite.get('thesis')!),
    paragraph(
      text('The AI features already show in the franchise: '),
      ref('position'),
      text(' Copilot pricing is the lever we model.'),
    ),
  ]);
  doc = insertIntoSection(doc, 'risks', [
    {
      type: 'bulletList',
      content: [
        { type: 'listItem', content: [paragraph(text('Partner drift: '), ref('tension'))] },
        { type: 'listItem', content: [paragraph(text('Regulation: '), ref('regulation'))] },
      ],
    },
  ]);
  doc = insertIntoSection(doc, 'evidence', [
    citationParagraph(cite.get('capex')!),
    paragraph(
      text('The market position claim again, as the base of the estimates: '),
      ref('position'),
    ),
  ]);
  doc = insertIntoSection(doc, 'valuation', [
    {
      type: 'table',
      content: [
        row('tableHeader', ['Scenario', 'EPS FY27 (USD)', 'Multiple', 'Value (USD)']),
        row('tableCell', ['Bear', '14.10', '28x', '395']),
        row('tableCell', ['Base', '15.60', '33x', '515']),
        row('tableCell', ['Bull', '17.20', '36x', '620']),
      ],
    },
  ]);
  doc = insertIntoSection(doc, 'catalysts', [
    paragraph(
      text('Contract terms with OpenAI at the next restructuring; see the '),
      {
        type: 'text',
        text: 'investor relations page',
        marks: [{ type: 'link', attrs: { href: 'https://www.microsoft.com/en-us/investor' } }],
      },
      text('.'),
    ),
  ]);
  doc = insertIntoSection(doc, 'changeMind', [
    paragraph(text('OpenAI moving its main workloads to another cloud.')),
  ]);
  const saved = await api.memos.save({
    id: memo.id,
    baseVersion: memo.version,
    title: memo.title,
    doc,
  });
  await api.memos.updateHeader({
    id: memo.id,
    baseVersion: saved.version,
    title: memo.title,
    header: {
      ...memo.header,
      recommendation: 'Buy',
      priceTarget: { amount: 515, currency: 'USD' },
      horizon: '12 months',
      conviction: 'high',
      date: SEED_MEMO_CLOCK.slice(0, 10),
    },
    reason: 'Initiation: the base case values the shares at USD 515.',
    claimIds: [ids.get('thesis')!, ids.get('position')!],
  });
  return { memoId: memo.id };
}
