import {
  ActionIcon,
  Alert,
  Chip,
  Group,
  Loader,
  Switch,
  Text,
  TextInput,
  Tooltip,
} from '@mantine/core';
import type { Editor } from '@tiptap/react';
import { useEffect, useState } from 'react';
import type { ClaimRow } from '../../../../shared/claims/claim-row';
import type { ClaimClass } from '../../../../shared/domain/highlight';
import { claimClasses, classLabel } from '../../lib/claim-classes';
import { requireWorkbench } from '../../lib/require-workbench';
import { errorMessage } from '../../lib/workbench-client';
import { startClaimDrag } from './dragged-claim';
import { insertCitation } from './insert-citation';

const LIMIT = 300;

/**
 * The claims to cite, beside the memo: the memo's ticker by default. Drag one into the
 * text, or press Cite to put it at the cursor.
 */
export function MemoClaimsPanel({
  ticker,
  editor,
}: {
  ticker: string | null;
  editor: Editor | null;
}) {
  const [onlyTicker, setOnlyTicker] = useState(true);
  const [classes, setClasses] = useState<ClaimClass[]>([]);
  const [text, setText] = useState('');
  const useTicker = onlyTicker && ticker !== null;
  // Each answer is kept with the query it answers: a stale one shows as loading.
  const queryKey = JSON.stringify([useTicker && ticker, classes]);
  const [result, setResult] = useState<{
    key: string;
    rows: ClaimRow[] | null;
    error: string | null;
  }>();
  const rows = result?.key === queryKey ? result.rows : null;
  const error = result?.key === queryKey ? result.error : null;

  useEffect(() => {
    let current = true;
    requireWorkbench()
      .claims.query({
        filter: {
          ...(useTicker && { tickers: [ticker] }),
          ...(classes.length > 0 && { classes }),
        },
        sort: 'article',
        groupBy: 'none',
        offset: 0,
        limit: LIMIT,
      })
      .then((page) => current && setResult({ key: queryKey, rows: page.rows, error: null }))
      .catch(
        (failure) =>
          current && setResult({ key: queryKey, rows: null, error: errorMessage(failure) }),
      );
    return () => {
      current = false;
    };
  }, [useTicker, ticker, classes, queryKey]);

  const words = text.trim().toLowerCase();
  const shown = rows?.filter(
    (r) =>
      words === '' ||
      r.quote.toLowerCase().includes(words) ||
      r.articleTitle.toLowerCase().includes(words),
  );

  return (
    <section className="pane" aria-labelledby="memo-claims-heading">
      <header className="pane-header">
        <h2 id="memo-claims-heading">Claims</h2>
        {shown && (
          <Text size="xs" c="dimmed">
            {shown.length}
            {rows?.length === LIMIT ? '+' : ''}
          </Text>
        )}
      </header>
      <div className="memo-claims-filters">
        <Switch
          size="xs"
          label={ticker ? `Only ${ticker}` : 'Set a ticker to filter'}
          checked={useTicker}
          disabled={ticker === null}
          onChange={(e) => setOnlyTicker(e.currentTarget.checked)}
        />
        <Chip.Group multiple value={classes} onChange={(v) => setClasses(v as ClaimClass[])}>
          <Group gap={4}>
            {claimClasses.map((c) => (
              <Chip
                key={c.value}
                value={c.value}
                size="xs"
                className="class-chip"
                data-class={c.value}
              >
                {c.label}
              </Chip>
            ))}
          </Group>
        </Chip.Group>
        <TextInput
          size="xs"
          placeholder="Filter these claims"
          aria-label="Filter the claims to cite"
          value={text}
          onChange={(e) => setText(e.currentTarget.value)}
        />
      </div>
      <div className="pane-body">
        {error && (
          <Alert color="red" m="sm">
            {error}
          </Alert>
        )}
        {!rows && !error && <Loader size="sm" m="md" aria-label="Loading claims" />}
        {shown?.length === 0 && (
          <Text size="sm" c="dimmed" p="sm">
            {useTicker
              ? `No claims on ${ticker} yet. Highlight claims in an article about it, or show all claims.`
              : 'No claims match.'}
          </Text>
        )}
        <ul className="memo-claims" aria-label="Claims to cite">
          {shown?.map((row) => (
            <li
              key={row.id}
              className="memo-claim"
              data-class={row.claimClass}
              data-testid="memo-claim"
              draggable
              onDragStart={(event) =>
                startClaimDrag(event, { highlightId: row.id, articleId: row.articleId })
              }
            >
              <Group gap={4} justify="space-between" wrap="nowrap">
                <Text size="xs" fw={600} className="memo-claim-class">
                  <span className="class-swatch" data-class={row.claimClass} aria-hidden />{' '}
                  {classLabel(row.claimClass)}
                </Text>
                <Tooltip label="Cite at the cursor">
                  <ActionIcon
                    size="xs"
                    variant="subtle"
                    aria-label={`Cite “${row.quote.slice(0, 40)}”`}
                    disabled={!editor}
                    onClick={() => editor && void insertCitation(editor, row.id)}
                  >
                    +
                  </ActionIcon>
                </Tooltip>
              </Group>
              <Text size="sm" className="memo-claim-quote" lineClamp={4} lang={row.language}>
                {row.quote}
              </Text>
              <Text size="xs" c="dimmed" lineClamp={1}>
                {row.source ?? row.articleTitle}
                {row.orphaned && ' · orphaned'}
              </Text>
            </li>
          ))}
        </ul>
      </div>
    </section>
  );
}
