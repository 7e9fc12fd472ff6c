import { BarChart } from '@mantine/charts';
import { Text } from '@mantine/core';
import type { ClaimPage } from '../../../../shared/claims/claim-page';
import { useClaimsBoardStore } from '../../stores/claims-board-store';

type Overview = ClaimPage['overview'];

/** The class colours of the highlights (styles/highlights.css), identical everywhere. */
const SERIES = [
  { name: 'thesis', label: 'Thesis', color: 'var(--margin-thesis-line)' },
  { name: 'risk', label: 'Risk', color: 'var(--margin-risk-line)' },
  { name: 'evidence', label: 'Evidence', color: 'var(--margin-evidence-line)' },
];

/** The last day of a `YYYY-MM` month. */
function monthEnd(month: string): string {
  const [year, m] = month.split('-').map(Number) as [number, number];
  const last = new Date(Date.UTC(year, m, 0)).getUTCDate();
  return `${month}-${String(last).padStart(2, '0')}`;
}

/** Recharts reports the clicked category as `activeLabel`. */
const clickedLabel = (state: unknown): string | null => {
  const label = (state as { activeLabel?: unknown } | null)?.activeLabel;
  return typeof label === 'string' || typeof label === 'number' ? String(label) : null;
};

/** A stacked bar per category (ticker or month); clicking one picks that category. */
function OverviewChart({
  data,
  dataKey,
  onPick,
}: {
  data: Array<Record<string, string | number>>;
  dataKey: string;
  onPick: (category: string) => void;
}) {
  return (
    <BarChart
      h={120}
      data={data}
      dataKey={dataKey}
      type="stacked"
      series={SERIES}
      withLegend={false}
      tickLine="none"
      gridAxis="none"
      withYAxis={false}
      tooltipAnimationDuration={0}
      barChartProps={{
        onClick: (state) => {
          const category = clickedLabel(state);
          if (category) onPick(category);
        },
        style: { cursor: 'pointer' },
      }}
    />
  );
}

/**
 * The overview strip: claims per class for the most covered tickers, and claims by month of
 * publication. Clicking a bar filters the board to that ticker or month.
 */
export function BoardOverview({ overview }: { overview: Overview }) {
  const setFilter = useClaimsBoardStore((s) => s.setFilter);
  return (
    <div className="board-overview" aria-label="Overview">
      <figure className="board-chart" data-testid="chart-tickers">
        <figcaption>
          <Text size="xs" fw={600}>
            Claims by ticker
          </Text>
        </figcaption>
        {overview.byTicker.length === 0 ? (
          <Text size="xs" c="dimmed">
            No tickers on these claims’ articles.
          </Text>
        ) : (
          <OverviewChart
            data={overview.byTicker}
            dataKey="ticker"
            onPick={(ticker) => setFilter({ tickers: [ticker] })}
          />
        )}
      </figure>
      <figure className="board-chart board-chart-wide" data-testid="chart-timeline">
        <figcaption>
          <Text size="xs" fw={600}>
            Claims by publication month
            {overview.undated > 0 && ` (${overview.undated} undated not shown)`}
          </Text>
        </figcaption>
        {overview.timeline.length === 0 ? (
          <Text size="xs" c="dimmed">
            None of these claims’ articles has a publication date.
          </Text>
        ) : (
          <OverviewChart
            data={overview.timeline}
            dataKey="month"
            onPick={(month) =>
              setFilter({ published: { from: `${month}-01`, to: monthEnd(month) } })
            }
          />
        )}
      </figure>
      <ul className="board-legend" aria-label="Classes">
        {SERIES.map((s) => (
          <li key={s.name}>
            <span className="class-swatch" data-class={s.name} aria-hidden /> {s.label}
          </li>
        ))}
      </ul>
    </div>
  );
}
