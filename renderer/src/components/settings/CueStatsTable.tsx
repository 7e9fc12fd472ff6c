import { Button, Group, Modal, SegmentedControl, Table, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMemo, useState } from 'react';
import type { SuggestionLanguage } from '../../../../shared/domain/suggestion';
import { classLabel } from '../../lib/claim-classes';
import { cueLabel } from '../../lib/cue-label';
import { cueStatRows } from '../../lib/cue-stat-rows';
import { languageName } from '../../lib/language';
import { errorMessage } from '../../lib/workbench-client';
import { useSuggestionSettingsStore } from '../../stores/suggestion-settings-store';

const LANGUAGES: readonly SuggestionLanguage[] = ['de', 'en', 'fr'];
const percent = new Intl.NumberFormat(undefined, { style: 'percent', maximumFractionDigits: 0 });
const NO_STATS: never[] = [];

/** "Reset the counts?": every language's counts go; the cue lists stay. */
function ResetCountsModal({ opened, onClose }: { opened: boolean; onClose(): void }) {
  const [resetting, setResetting] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const close = () => {
    if (resetting) return;
    setError(null);
    onClose();
  };
  const reset = async () => {
    setResetting(true);
    try {
      await useSuggestionSettingsStore.getState().resetCueStats();
      setError(null);
      onClose();
      notifications.show({ message: 'Reset the cue counts.' });
    } catch (failure) {
      setError(errorMessage(failure));
    } finally {
      setResetting(false);
    }
  };
  return (
    <Modal opened={opened} onClose={close} title="Reset the cue counts?">
      <Text size="sm">
        Margin forgets how often you accepted, re-classed and dismissed suggestions, for every cue
        in every language. Your cue lists and the suggestions you dismissed stay as they are.
      </Text>
      {error && (
        <Text size="sm" c="red" role="alert" mt="xs">
          Couldn't reset the counts: {error}
        </Text>
      )}
      <Group justify="flex-end" mt="md">
        <Button variant="default" onClick={close} disabled={resetting}>
          Keep the counts
        </Button>
        <Button color="red" data-autofocus loading={resetting} onClick={() => void reset()}>
          Reset counts
        </Button>
      </Group>
    </Modal>
  );
}

/**
 * Which cues help: per cue, how often the analyst accepted, re-classed or dismissed the
 * suggestions it fired in, most decided first; "helps" is the share accepted as suggested.
 */
export function CueStatsTable() {
  const stats = useSuggestionSettingsStore((s) => s.settings?.cueStats ?? NO_STATS);
  const [language, setLanguage] = useState<SuggestionLanguage | 'all'>('all');
  const [confirming, setConfirming] = useState(false);
  const rows = useMemo(() => cueStatRows(stats, language), [stats, language]);

  return (
    <div>
      <Group justify="space-between" gap="xs" mb={6}>
        <SegmentedControl
          size="xs"
          aria-label="Counts for"
          value={language}
          onChange={(value) => setLanguage(value as SuggestionLanguage | 'all')}
          data={[
            { value: 'all', label: 'All languages' },
            ...LANGUAGES.map((l) => ({ value: l, label: languageName(l) })),
          ]}
          disabled={stats.length === 0}
        />
        <Button
          size="xs"
          variant="default"
          disabled={stats.length === 0}
          onClick={() => setConfirming(true)}
        >
          Reset counts…
        </Button>
      </Group>
      {stats.length === 0 ? (
        <Text size="sm" c="dimmed" data-testid="cue-stats-empty">
          No decisions yet: press S in the reader and accept or dismiss suggestions; the counts show
          here which cues help.
        </Text>
      ) : (
        <>
          <div style={{ maxHeight: 420, overflowY: 'auto' }}>
            <Table
              withTableBorder
              stickyHeader
              striped
              verticalSpacing={3}
              horizontalSpacing="xs"
              fz="xs"
              aria-label="Cue counts"
            >
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>Language</Table.Th>
                  <Table.Th>Class</Table.Th>
                  <Table.Th>Cue</Table.Th>
                  <Table.Th ta="right">Accepted</Table.Th>
                  <Table.Th ta="right">Re-classed</Table.Th>
                  <Table.Th ta="right">Dismissed</Table.Th>
                  <Table.Th ta="right">Helps</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {rows.length === 0 && (
                  <Table.Tr>
                    <Table.Td colSpan={7}>
                      <Text size="xs" c="dimmed">
                        No decisions on {languageName(language)} suggestions yet.
                      </Text>
                    </Table.Td>
                  </Table.Tr>
                )}
                {rows.map((row) => {
                  const cue = cueLabel(row.cue);
                  return (
                    <Table.Tr key={row.key}>
                      <Table.Td>{languageName(row.language)}</Table.Td>
                      <Table.Td>
                        <Group gap={6} wrap="nowrap">
                          <span className="class-swatch" data-class={row.claimClass} aria-hidden />
                          {classLabel(row.claimClass)}
                        </Group>
                      </Table.Td>
                      <Table.Td>
                        {cue.pattern ? (
                          <Text span inherit fs="italic" c="dimmed" title={row.cue}>
                            {cue.text}
                          </Text>
                        ) : (
                          cue.text
                        )}
                      </Table.Td>
                      <Table.Td ta="right">{row.accepted}</Table.Td>
                      <Table.Td ta="right">{row.reclassed}</Table.Td>
                      <Table.Td ta="right">{row.dismissed}</Table.Td>
                      <Table.Td ta="right" fw={600}>
                        {row.helps === null ? '–' : percent.format(row.helps)}
                      </Table.Td>
                    </Table.Tr>
                  );
                })}
              </Table.Tbody>
            </Table>
          </div>
          <Text size="xs" c="dimmed" mt={4}>
            Helps: the share of decisions that took the suggestion as suggested. A word cue that
            seldom helps is worth removing from its list above.
          </Text>
        </>
      )}
      <ResetCountsModal opened={confirming} onClose={() => setConfirming(false)} />
    </div>
  );
}
