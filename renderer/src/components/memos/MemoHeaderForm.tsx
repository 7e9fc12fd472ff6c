import { Group, NumberInput, SegmentedControl, Select, Text, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useEffect, useRef, useState } from 'react';
import type { Memo, MemoHeader } from '../../../../shared/domain/memo';
import { errorMessage } from '../../lib/workbench-client';
import { useMemoSessionStore } from '../../stores/memo-session-store';
import { useRecommendationScaleStore } from '../../stores/recommendation-scale-store';
import { ConvictionChangeModal, type PendingConvictionChange } from './ConvictionChangeModal';
import { LOGGED_FIELD_LABEL, loggedChanges } from '../../../../shared/memo/logged-fields';
import { CONVICTIONS } from './format-header';

/** Free fields (company, ticker, horizon, author, date) save this long after the last key. */
const FIELD_SAVE_DELAY_MS = 600;
const NONE = '';

const cleanTicker = (value: string) => value.trim().toUpperCase() || null;

/**
 * The memo template's structured header. Free fields save as the analyst types; the
 * recommendation, price target and conviction ask for a reason first (the conviction log).
 */
export function MemoHeaderForm({
  memo,
  citedClaims,
}: {
  memo: Memo;
  citedClaims: () => Array<{ value: string; label: string }>;
}) {
  const session = useMemoSessionStore.getState;
  const scale = useRecommendationScaleStore((s) => s.scale);
  const saved = memo.header;
  const [draft, setDraft] = useState<MemoHeader>(saved);
  const [tickerText, setTickerText] = useState(saved.ticker ?? '');
  const [amount, setAmount] = useState<number | string>(saved.priceTarget?.amount ?? '');
  const [currency, setCurrency] = useState(saved.priceTarget?.currency ?? 'USD');
  const [pending, setPending] = useState<PendingConvictionChange | null>(null);
  const [title, setTitle] = useState(memo.title);
  /** The header as saved now (this form is keyed by memo: it starts from what is saved). */
  const savedHeader = () => session().memo?.header ?? saved;

  const save = async (header: MemoHeader, change?: { reason: string; claimIds: string[] }) => {
    try {
      await session().saveHeader(header, change);
    } catch (error) {
      if (change) throw error;
      notifications.show({
        color: 'red',
        message: `The header was not saved: ${errorMessage(error)}`,
      });
      setDraft(savedHeader());
    }
  };

  // Free fields: debounced, and never the logged ones (those wait for a reason). A change
  // still waiting when the form goes (another memo, another view) is saved then.
  const unsavedFree = useRef<MemoHeader | null>(null);
  useEffect(() => {
    const current = savedHeader();
    const free = { ...current, ...pickFree(draft) };
    const changed = JSON.stringify(pickFree(draft)) !== JSON.stringify(pickFree(current));
    unsavedFree.current = changed && /^\d{4}-\d{2}-\d{2}$/.test(free.date) ? free : null;
    if (!unsavedFree.current) return;
    const timer = setTimeout(() => {
      unsavedFree.current = null;
      void save(free);
    }, FIELD_SAVE_DELAY_MS);
    return () => clearTimeout(timer);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [draft]);
  useEffect(
    () => () => {
      if (unsavedFree.current) void save(unsavedFree.current);
    },
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [],
  );

  /** A logged field changed: ask why, then save; cancelling puts the old value back. */
  const proposeLogged = (patch: Partial<MemoHeader>) => {
    const current = savedHeader();
    const next = { ...current, ...pickFree(draft), ...patch };
    const changes = loggedChanges(current, next).map((c) => ({
      ...c,
      field: LOGGED_FIELD_LABEL[c.field],
    }));
    if (changes.length === 0) return;
    setDraft(next);
    setPending({
      changes,
      claims: citedClaims(),
      confirm: async (reason, claimIds) => {
        await save(next, { reason, claimIds });
        setPending(null);
      },
      cancel: () => {
        setPending(null);
        const before = savedHeader();
        setDraft((d) => ({ ...d, ...pickLogged(before) }));
        setAmount(before.priceTarget?.amount ?? '');
        setCurrency(before.priceTarget?.currency ?? 'USD');
      },
    });
  };

  const commitPriceTarget = () => {
    const value = typeof amount === 'number' ? amount : Number.parseFloat(amount);
    const code = currency.trim().toUpperCase();
    const priceTarget =
      amount === '' || !Number.isFinite(value) || value <= 0
        ? null
        : { amount: value, currency: /^[A-Z]{3}$/.test(code) ? code : 'USD' };
    proposeLogged({ priceTarget });
  };

  const options = [...new Set([...scale, ...(saved.recommendation ? [saved.recommendation] : [])])];

  return (
    <div className="memo-header" aria-label="Memo header">
      <TextInput
        className="memo-title-input"
        aria-label="Memo title"
        variant="unstyled"
        value={title}
        maxLength={200}
        placeholder="Memo title"
        error={title.trim() === '' ? 'A memo needs a title.' : undefined}
        onChange={(e) => {
          const value = e.currentTarget.value;
          setTitle(value);
          // An empty title is not saved; the last one stays until a new one is typed.
          if (value.trim() !== '') session().setTitle(value.trim());
        }}
      />
      <div className="memo-header-grid">
        <TextInput
          label="Company"
          size="xs"
          value={draft.company}
          onChange={(e) => setDraft({ ...draft, company: e.currentTarget.value })}
        />
        <TextInput
          label="Ticker"
          size="xs"
          value={tickerText}
          maxLength={32}
          onChange={(e) => {
            setTickerText(e.currentTarget.value.toUpperCase());
            setDraft({ ...draft, ticker: cleanTicker(e.currentTarget.value) });
          }}
        />
        <Select
          label="Recommendation"
          size="xs"
          data={options}
          value={draft.recommendation}
          placeholder="None"
          clearable
          allowDeselect={false}
          onChange={(value) => proposeLogged({ recommendation: value })}
          comboboxProps={{ withinPortal: true }}
        />
        <Group gap={4} wrap="nowrap" align="flex-end">
          <NumberInput
            label="Price target"
            size="xs"
            value={amount}
            min={0}
            decimalScale={2}
            thousandSeparator=","
            hideControls
            onChange={setAmount}
            onBlur={commitPriceTarget}
            onKeyDown={(e) => e.key === 'Enter' && commitPriceTarget()}
            w={110}
          />
          <TextInput
            aria-label="Currency"
            size="xs"
            value={currency}
            maxLength={3}
            w={60}
            onChange={(e) => setCurrency(e.currentTarget.value.toUpperCase())}
            onBlur={commitPriceTarget}
            onKeyDown={(e) => e.key === 'Enter' && commitPriceTarget()}
          />
        </Group>
        <TextInput
          label="Horizon"
          size="xs"
          placeholder="12 months"
          value={draft.horizon}
          onChange={(e) => setDraft({ ...draft, horizon: e.currentTarget.value })}
        />
        <div>
          <Text size="xs" fw={500} component="label" id="memo-conviction-label">
            Conviction
          </Text>
          <SegmentedControl
            size="xs"
            aria-labelledby="memo-conviction-label"
            data={[{ value: NONE, label: '—' }, ...CONVICTIONS]}
            value={draft.conviction ?? NONE}
            onChange={(value) =>
              proposeLogged({
                conviction: value === NONE ? null : (value as MemoHeader['conviction']),
              })
            }
          />
        </div>
        <TextInput
          label="Author"
          size="xs"
          value={draft.author}
          onChange={(e) => setDraft({ ...draft, author: e.currentTarget.value })}
        />
        <TextInput
          label="Date"
          size="xs"
          type="date"
          value={draft.date}
          onChange={(e) => setDraft({ ...draft, date: e.currentTarget.value })}
        />
      </div>
      <ConvictionChangeModal pending={pending} />
    </div>
  );
}

function pickFree(h: MemoHeader) {
  return {
    company: h.company,
    ticker: h.ticker,
    horizon: h.horizon,
    author: h.author,
    date: h.date,
  };
}

function pickLogged(h: MemoHeader) {
  return { recommendation: h.recommendation, priceTarget: h.priceTarget, conviction: h.conviction };
}
