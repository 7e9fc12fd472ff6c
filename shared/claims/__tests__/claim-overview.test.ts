import { describe, expect, it } from 'vitest';
import { queryClaims } from '../query-claims';
import { CODEBOOK, ROWS, makeArticle, makeClaim, query } from './support/claim-fixtures';

describe('queryClaims overview', () => {
  it('counts claims by ticker and by month of publication, empty months as zeros', () => {
    const { overview } = queryClaims(ROWS, query({ limit: 1 }), CODEBOOK);
    expect(overview.byTicker).toEqual([
      { ticker: 'MSFT', thesis: 2, risk: 2, evidence: 1 },
      { ticker: 'SAP.DE', thesis: 2, risk: 1, evidence: 1 },
    ]);
    expect(overview.timeline).toEqual([
      { month: '2025-03', thesis: 1, risk: 1, evidence: 1 },
      { month: '2025-04', thesis: 1, risk: 1, evidence: 0 },
      { month: '2025-05', thesis: 0, risk: 0, evidence: 0 },
      { month: '2025-06', thesis: 1, risk: 0, evidence: 1 },
    ]);
    expect(overview.undated).toBe(2);
  });

  it('covers the filtered claims only', () => {
    const { overview } = queryClaims(
      ROWS,
      query({ filter: { classes: ['thesis'] }, limit: 1 }),
      CODEBOOK,
    );
    expect(overview.byTicker).toEqual([
      { ticker: 'MSFT', thesis: 2, risk: 0, evidence: 0 },
      { ticker: 'SAP.DE', thesis: 2, risk: 0, evidence: 0 },
    ]);
    expect(overview.timeline.map((m) => m.month)).toEqual([
      '2025-03',
      '2025-04',
      '2025-05',
      '2025-06',
    ]);
    expect(overview.undated).toBe(1);
    const none = queryClaims(ROWS, query({ filter: { tickers: ['NONE'] } }), CODEBOOK).overview;
    expect(none).toEqual({ byTicker: [], timeline: [], undated: 0 });
  });

  it('keeps the 12 tickers with most claims, ties in ticker order', () => {
    // Ticker T01 has 1 claim … T14 has 14; T00 ties with T01.
    const rows = Array.from({ length: 15 }, (_, t) => {
      const name = `T${String(t).padStart(2, '0')}`;
      const article = makeArticle(100 + t, { tickers: [name] });
      return Array.from({ length: Math.max(1, t) }, (_, i) =>
        makeClaim(1000 + t * 100 + i, article),
      );
    }).flat();
    const { byTicker } = queryClaims(rows, query(), []).overview;
    expect(byTicker.map((b) => b.ticker).join(' ')).toBe(
      'T14 T13 T12 T11 T10 T09 T08 T07 T06 T05 T04 T03',
    );
    expect(byTicker[0]).toEqual({ ticker: 'T14', thesis: 0, risk: 0, evidence: 14 });
    const [, , low1, low2] = queryClaims(
      rows,
      query({ filter: { tickers: ['T00', 'T01', 'T02', 'T03'] } }),
      [],
    ).overview.byTicker;
    expect([low1?.ticker, low2?.ticker]).toEqual(['T00', 'T01']);
  });

  it('fills months across a year boundary', () => {
    const late = makeArticle(1, { publishedAt: '2024-11-30' });
    const early = makeArticle(2, { publishedAt: '2025-02-01' });
    const rows = [makeClaim(1, late, { claimClass: 'risk' }), makeClaim(2, early)];
    expect(queryClaims(rows, query(), []).overview.timeline).toEqual([
      { month: '2024-11', thesis: 0, risk: 1, evidence: 0 },
      { month: '2024-12', thesis: 0, risk: 0, evidence: 0 },
      { month: '2025-01', thesis: 0, risk: 0, evidence: 0 },
      { month: '2025-02', thesis: 0, risk: 0, evidence: 1 },
    ]);
  });
});
