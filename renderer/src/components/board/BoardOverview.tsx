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
          <BarChart
            h={120}
            data={overview.byTicker}
            dataKey="ticker"
            type="stacked"
            series={SERIES}
            withLegend={false}
            tickLine="none"
            gridAxis="none"
            withYAxis={false}
            tooltipAnimationDuration={0}
            barChartProps={{
              onClick: (state) => {
                const ticker = clickedLabel(state);
                if (ticker) setFilter({ tickers: [ticker] });
              },
              style: { cursor: 'pointer' },
            }}
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
          <BarChart
            h={120}
            data={overview.timeline}
            dataKey="month"
            type="stacked"
            series={SERIES}
            withLegend={false}
            tickLine="none"
            gridAxis="none"
            withYAxis={false}
            tooltipAnimationDuration={0}
            barChartProps={{
              onClick: (state) => {
                const month = clickedLabel(state);
                if (month) setFilter({ published: { from: `${month}-01`, to: monthEnd(month) } });
              },
              style: { cursor: 'pointer' },
            }}
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
