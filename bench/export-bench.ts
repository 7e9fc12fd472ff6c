import type { Memo } from '../shared/domain/memo';
import type { MemoNode } from '../shared/domain/memo-doc';
import { memoMarkdown, type MemoReportInput } from '../shared/export/memo-markdown';
import type { ReportClaim, ReportSource } from '../shared/export/report-input';
import { claimReferenceNode, insertIntoSection } from '../shared/memo/memo-doc-ops';
import { memoTemplateDoc } from '../shared/memo/memo-template';
import { MEMO_SECTIONS } from '../shared/memo/memo-sections';
import type { Bench } from './benches';
import { seededRandom, seededUuid } from './random';
import type { BenchRow } from './results';
import { median, percentile } from './stats';

const CITATIONS = 500;
const SOURCES = 100;
/** Distinct claims: some are cited more than once, as in a real memo. */
const CLAIMS = 400;
const RUNS = 60;
const WARMUP = 10;

const PROSE = (
  'Margins widen as the cloud mix shifts toward higher-value AI services while capital ' +
  'expenditure stays elevated through the fiscal year and depreciation catches up later'
).split(' ');

/** A memo of 500 citations over 100 articles, with prose, lists and a table around them. */
export function syntheticMemoReport(seed = 7): MemoReportInput {
  const random = seededRandom(seed);
  const pick = <T>(items: readonly T[]) => items[Math.floor(random() * items.length)]!;
  const languages = ['de', 'en', 'fr'] as const;
  const sources = new Map<string, ReportSource>();
  for (let i = 0; i < SOURCES; i++) {
    const articleId = seededUuid(random);
    sources.set(articleId, {
      articleId,
      title: `Article ${i}: ${pick(PROSE)} ${pick(PROSE)} and the outlook`,
      publisher: i % 7 === 0 ? null : `Publisher ${i % 23}`,
      author: i % 3 === 0 ? null : `Author ${i}`,
      publishedAt: `2026-${String((i % 12) + 1).padStart(2, '0')}-${String((i % 27) + 1).padStart(2, '0')}`,
      url: i % 5 === 0 ? null : `https://news.example.com/${i}/story`,
      fileName: i % 5 === 0 ? `report-${i}.pdf` : null,
      language: languages[i % 3]!,
      inLibrary: true,
    });
  }
  const articleIds = [...sources.keys()];
  const claims = new Map<string, ReportClaim>();
  const classes = ['thesis', 'risk', 'evidence'] as const;
  for (let i = 0; i < CLAIMS; i++) {
    const highlightId = seededUuid(random);
    const words = Array.from({ length: 12 + Math.floor(random() * 20) }, () => pick(PROSE));
    claims.set(highlightId, {
      highlightId,
      articleId: articleIds[i % SOURCES]!,
      quote: words.join(' '),
      claimClass: classes[i % 3]!,
      paraphrase: i % 2 === 0 ? `Paraphrase of claim ${i}.` : '',
      locator: i % 5 === 0 ? `p. ${(i % 40) + 1}` : `¶${(i % 60) + 1}`,
      state: 'ok',
      tags: [],
      note: '',
    });
  }
  const claimList = [...claims.values()];
  let doc = memoTemplateDoc();
  for (let c = 0; c < CITATIONS; c++) {
    const claim = claimList[c < CLAIMS ? c : Math.floor(random() * CLAIMS)]!;
    const source = sources.get(claim.articleId)!;
    const node = claimReferenceNode({
      highlightId: claim.highlightId,
      articleId: claim.articleId,
      quote: claim.quote,
      claimClass: claim.claimClass,
      paraphrase: claim.paraphrase,
      source: source.publisher,
      articleTitle: source.title,
      publishedAt: source.publishedAt,
      locator: claim.locator,
    });
    const prose: MemoNode = { type: 'text', text: `${PROSE.slice(0, 8 + (c % 10)).join(' ')}: ` };
    const block: MemoNode =
      c % 4 === 0
        ? { type: 'paragraph', content: [node] }
        : { type: 'paragraph', content: [prose, node, { type: 'text', text: ' So we model it.' }] };
    doc = insertIntoSection(doc, MEMO_SECTIONS[c % MEMO_SECTIONS.length]!.id, [block]);
  }
  const memo: Memo = {
    id: seededUuid(random),
    title: 'Synthetic memo: 500 citations over 100 sources',
    status: 'draft',
    header: {
      company: 'Microsoft Corp.',
      ticker: 'MSFT',
      recommendation: 'Buy',
      priceTarget: { amount: 515, currency: 'USD' },
      horizon: '12 months',
      conviction: 'high',
      author: 'A. Analyst',
      date: '2026-11-24',
    },
    doc,
    convictionLog: [],
    createdAt: '2026-11-24T09:00:00.000Z',
    updatedAt: '2026-11-24T09:00:00.000Z',
    version: 1,
  };
  return {
    memo,
    claims,
    sources,
    generator: { name: 'Margin', version: 'bench' },
    includeConvictionLog: true,
  };
}

/**
 * The peer: the report made by string concatenation, the way the issue says not to (no
 * escaping, no footnote reuse checks beyond a map): what the safety of the mdast route costs.
 */
function concatenatedReport({ memo, claims, sources }: MemoReportInput): string {
  const out: string[] = [`---\ntitle: ${memo.title}\n---\n\n# ${memo.title}\n`];
  const numbers = new Map<string, number>();
  const walk = (node: MemoNode): string => {
    if (node.type === 'text') return node.text ?? '';
    if (node.type === 'claimReference') {
      const id = node.attrs!.highlightId as string;
      if (!numbers.has(id)) numbers.set(id, numbers.size + 1);
      return `“${claims.get(id)?.quote ?? ''}”[^${numbers.get(id)}]`;
    }
    const inner = (node.content ?? []).map(walk).join('');
    if (node.type === 'heading') return `\n## ${inner}\n`;
    if (node.type === 'paragraph') return `\n${inner}\n`;
    return inner;
  };
  out.push(memo.doc.content.map(walk).join(''));
  for (const [id, n] of numbers) {
    const claim = claims.get(id)!;
    const source = sources.get(claim.articleId)!;
    out.push(
      `[^${n}]: ${source.publisher}, *${source.title}*, ${source.publishedAt}. ${claim.locator}.`,
    );
  }
  return out.join('\n');
}

function timeRuns(task: () => string): number[] {
  for (let i = 0; i < WARMUP; i++) task();
  const samples: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const start = performance.now();
    task();
    samples.push(performance.now() - start);
  }
  return samples;
}

/** Exporting a memo of 500 citations over 100 sources as Markdown (the serializer alone). */
export const runExportBench: Bench = async (log) => {
  const input = syntheticMemoReport();
  const markdown = memoMarkdown(input);
  log(
    `Memo report: ${CITATIONS} citations of ${CLAIMS} claims over ${SOURCES} sources → ${(markdown.length / 1024).toFixed(0)} KB of Markdown; ${RUNS} runs after ${WARMUP} warm-up runs.`,
  );
  const samples = timeRuns(() => memoMarkdown(input));
  const peer = timeRuns(() => concatenatedReport(input));
  const rows: BenchRow[] = [
    {
      id: 'export.memo500.median',
      label: 'Memo → Markdown report, 500 citations / 100 sources (median)',
      value: median(samples),
      unit: 'ms',
      target: 50,
      peer: { label: 'string concatenation, unescaped (median)', value: median(peer) },
    },
    {
      id: 'export.memo500.p95',
      label: 'Memo → Markdown report, 500 citations / 100 sources (p95)',
      value: percentile(samples, 95),
      unit: 'ms',
      target: 50,
      peer: { label: 'string concatenation, unescaped (p95)', value: percentile(peer, 95) },
    },
  ];
  return rows;
};
