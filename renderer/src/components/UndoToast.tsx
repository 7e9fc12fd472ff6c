import { Button, Group, Text } from '@mantine/core';

/** A toast's message with an Undo button (the toast closes when it is pressed). */
export function UndoToast({ text, onUndo }: { text: string; onUndo: () => void }) {
  return (
    <Group justify="space-between" gap="xs" wrap="nowrap">
      <Text size="sm">{text}</Text>
      <Button size="compact-xs" variant="light" onClick={onUndo}>
        Undo
      </Button>
    </Group>
  );
}
