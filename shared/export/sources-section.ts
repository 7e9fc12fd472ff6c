import type { RootContent } from 'mdast';
import type { ReportSource } from './report-input';
import { sourceDescription } from './source-description';

/** "## Sources": each cited article once, as a list in the given order; nothing when none. */
export function sourcesSection(sources: readonly ReportSource[]): RootContent[] {
  if (sources.length === 0) return [];
  return [
    { type: 'heading', depth: 2, children: [{ type: 'text', value: 'Sources' }] },
    {
      type: 'list',
      ordered: false,
      spread: false,
      children: sources.map((source) => ({
        type: 'listItem',
        spread: false,
        children: [{ type: 'paragraph', children: sourceDescription(source) }],
      })),
    },
  ];
}
