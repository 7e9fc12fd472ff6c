import type { PhrasingContent, RootContent, TableCell, TableRow } from 'mdast';
import type { ConvictionLogEntry } from '../domain/memo';
import { LOGGED_FIELD_LABEL } from '../memo/logged-fields';
import type { MemoCitations } from './memo-citations';
import { oneLine } from './one-line';

const COLUMNS = ['Date', 'Change', 'Reason', 'Claims'];

const text = (value: string): PhrasingContent => ({ type: 'text', value });
const cell = (children: PhrasingContent[]): TableCell => ({ type: 'tableCell', children });

/** The UTC calendar day of an instant, `YYYY-MM-DD` (the stored text's first ten characters if it is not one). */
function utcDay(at: string): string {
  const time = Date.parse(at);
  return Number.isNaN(time) ? at.slice(0, 10) : new Date(time).toISOString().slice(0, 10);
}

/** "Recommendation: Hold → Buy; Conviction: medium → high" ("none" for an unset value). */
function changeText(entry: ConvictionLogEntry): string {
  return entry.changes
    .map(
      ({ field, from, to }) => `${LOGGED_FIELD_LABEL[field]}: ${from || 'none'} → ${to || 'none'}`,
    )
    .join('; ');
}

/** The claims an entry names, as footnote references; "deleted claim" for one nobody knows any more. */
function claimsCell(entry: ConvictionLogEntry, citations: MemoCitations): PhrasingContent[] {
  return [...new Set(entry.claimIds)].flatMap((id, i): PhrasingContent[] => [
    ...(i === 0 ? [] : [text(', ')]),
    citations.referenceById(id) ?? text('deleted claim'),
  ]);
}

/**
 * The conviction log as a table under "## Conviction log", oldest entry first: when the
 * recommendation, price target or conviction changed, why, and the claims behind it
 * (footnoted like the citations in the text). Nothing for an empty log.
 */
export function convictionLogTable(
  log: readonly ConvictionLogEntry[],
  citations: MemoCitations,
): RootContent[] {
  if (log.length === 0) return [];
  const entries = log
    .map((entry, index) => ({ entry, index, time: Date.parse(entry.at) }))
    // By instant (offsets differ), then as stored: the sort must not depend on the engine.
    .sort((a, b) => a.time - b.time || a.index - b.index)
    .map(({ entry }) => entry);
  const rows = entries.map((entry): TableRow => ({
    type: 'tableRow',
    children: [
      cell([text(utcDay(entry.at))]),
      cell([text(oneLine(changeText(entry)))]),
      cell([text(oneLine(entry.reason))]),
      cell(claimsCell(entry, citations)),
    ],
  }));
  const header: TableRow = {
    type: 'tableRow',
    children: COLUMNS.map((name) => cell([text(name)])),
  };
  return [
    { type: 'heading', depth: 2, children: [text('Conviction log')] },
    { type: 'table', align: COLUMNS.map(() => null), children: [header, ...rows] },
  ];
}
