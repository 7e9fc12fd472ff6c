import { Alert, Button, Group, Kbd, Text } from '@mantine/core';
import type { ClaimSuggestion } from '../../../../shared/domain/suggestion';
import { claimClasses, classLabel } from '../../lib/claim-classes';
import {
  currentSuggestion,
  useOpenSuggestions,
  useSuggestionsStore,
} from '../../stores/suggestions-store';

const store = useSuggestionsStore.getState;

/** "contains 20 %, 'Rückgang'": why Margin suggests the sentence. */
export function reasonsText(suggestion: ClaimSuggestion): string {
  return suggestion.reasons.join(', ');
}

function Counts({ open }: { open: readonly ClaimSuggestion[] }) {
  const dismissed = useSuggestionsStore((s) => s.dismissed);
  const byClass = claimClasses
    .map(
      (c) => [c.label.toLowerCase(), open.filter((s) => s.claimClass === c.value).length] as const,
    )
    .filter(([, n]) => n > 0)
    .map(([label, n]) => `${n} ${label}`);
  return (
    <Group gap="xs" wrap="nowrap" justify="space-between" align="flex-start">
      <Text size="sm" role="status">
        <strong>
          {open.length === 0
            ? 'No suggestions left in this article'
            : `${open.length} suggestion${open.length === 1 ? '' : 's'}: ${byClass.join(' · ')}`}
        </strong>
        <Text span size="xs" c="dimmed">
          {' '}
          · made on this computer
        </Text>
      </Text>
      <Group gap={4} wrap="nowrap">
        {dismissed > 0 && (
          <Button
            size="compact-xs"
            variant="subtle"
            color="gray"
            title="Suggestions you dismissed in this article stay hidden until you show them again."
            onClick={() => void store().restoreDismissed()}
          >
            {dismissed} dismissed · show again
          </Button>
        )}
        <Button size="compact-xs" variant="default" onClick={() => store().stop()}>
          Done <Kbd ml={6}>Esc</Kbd>
        </Button>
      </Group>
    </Group>
  );
}

function CurrentSuggestion({ suggestion }: { suggestion: ClaimSuggestion }) {
  return (
    <>
      <Text size="sm" mt={4} className="suggest-reasons" data-testid="current-suggestion">
        <span className="class-swatch" data-class={suggestion.claimClass} aria-hidden />{' '}
        <strong>{classLabel(suggestion.claimClass)}</strong> ·{' '}
        {Math.round(suggestion.confidence * 100)} % · {reasonsText(suggestion)}
      </Text>
      <Group gap={0} mt={4} wrap="wrap" className="suggest-keys">
        <Button size="compact-xs" variant="light" onClick={() => void store().accept()}>
          Accept{' '}
          <Kbd size="xs" ml={4}>
            Enter
          </Kbd>
        </Button>
        {claimClasses.map((c) => (
          <Button
            key={c.value}
            size="compact-xs"
            variant="subtle"
            color="gray"
            title={`Accept as ${c.label.toLowerCase()} (key ${c.key})`}
            onClick={() => void store().accept(c.value)}
          >
            <span className="class-swatch" data-class={c.value} aria-hidden />
            &nbsp;{c.label}{' '}
            <Kbd size="xs" ml={4}>
              {c.key}
            </Kbd>
          </Button>
        ))}
        <Button
          size="compact-xs"
          variant="subtle"
          color="gray"
          onClick={() => void store().dismiss()}
        >
          Dismiss{' '}
          <Kbd size="xs" ml={4}>
            ⌫
          </Kbd>
        </Button>
        <Button size="compact-xs" variant="subtle" color="gray" onClick={() => store().step(1)}>
          Next{' '}
          <Kbd size="xs" ml={4}>
            Tab
          </Kbd>
        </Button>
      </Group>
    </>
  );
}

/**
 * Above the article while Suggest mode (S) is on: how many suggestions are left, the
 * current one's class, confidence and reasons, and the keys, with buttons for the mouse.
 */
export function SuggestBar({ articleId }: { articleId: string }) {
  const activeFor = useSuggestionsStore((s) => s.articleId);
  const status = useSuggestionsStore((s) => s.status);
  const message = useSuggestionsStore((s) => s.message);
  const currentStart = useSuggestionsStore((s) => s.currentStart);
  const open = useOpenSuggestions();
  if (activeFor !== articleId || status === 'off') return null;
  const current = currentSuggestion(open, currentStart);
  return (
    <section className="suggest-bar" aria-label="Suggested claims" lang="en" dir="ltr">
      {status === 'loading' && (
        <Text size="sm" role="status">
          Finding claims in this article, on this computer…
        </Text>
      )}
      {status === 'error' && (
        <Alert color="red" p="xs" title="No suggestions">
          {message}
          <Group gap="xs" mt={6}>
            <Button
              size="compact-xs"
              variant="default"
              onClick={() => void store().start(articleId)}
            >
              Try again
            </Button>
            <Button size="compact-xs" variant="subtle" onClick={() => store().stop()}>
              Close
            </Button>
          </Group>
        </Alert>
      )}
      {status === 'ready' && (
        <>
          <Counts open={open} />
          {current && <CurrentSuggestion suggestion={current} />}
          {message && (
            <Text size="sm" c="red" mt={4} role="alert">
              {message}
            </Text>
          )}
        </>
      )}
    </section>
  );
}
