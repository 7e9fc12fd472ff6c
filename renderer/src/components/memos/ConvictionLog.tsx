import { Badge, Collapse, Group, Stack, Text, UnstyledButton } from '@mantine/core';
import { useState } from 'react';
import type { ConvictionLogEntry } from '../../../../shared/domain/memo';
import { LOGGED_FIELD_LABEL } from '../../../../shared/memo/logged-fields';

const when = (at: string) =>
  new Date(at).toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' });

/** Why the view changed, newest first: shown in the memo's header and kept with the memo. */
export function ConvictionLog({
  entries,
  claimLabel,
}: {
  entries: readonly ConvictionLogEntry[];
  claimLabel: (id: string) => string;
}) {
  const [open, setOpen] = useState(true);
  if (entries.length === 0) return null;
  const newestFirst = [...entries].reverse();
  return (
    <section className="conviction-log" aria-label="Conviction log">
      <UnstyledButton onClick={() => setOpen((o) => !o)} aria-expanded={open}>
        <Text size="xs" fw={600} c="dimmed">
          {open ? '▾' : '▸'} Conviction log ({entries.length})
        </Text>
      </UnstyledButton>
      <Collapse expanded={open}>
        <Stack gap={4} mt={4}>
          {newestFirst.map((entry) => (
            <div key={entry.id} className="conviction-entry" data-testid="conviction-entry">
              <Group gap={6} wrap="wrap">
                <Text size="xs" c="dimmed">
                  {when(entry.at)}
                </Text>
                {entry.changes.map((c) => (
                  <Badge key={c.field} size="xs" variant="light" tt="none">
                    {LOGGED_FIELD_LABEL[c.field]}: {c.from || '—'} → {c.to || '—'}
                  </Badge>
                ))}
              </Group>
              <Text size="sm">{entry.reason}</Text>
              {entry.claimIds.length > 0 && (
                <Text size="xs" c="dimmed">
                  Because of: {entry.claimIds.map(claimLabel).join(' · ')}
                </Text>
              )}
            </div>
          ))}
        </Stack>
      </Collapse>
    </section>
  );
}
