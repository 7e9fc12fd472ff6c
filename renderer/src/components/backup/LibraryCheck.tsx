import { Alert, Group, Loader, List, Text } from '@mantine/core';
import { useLibraryStore } from '../../stores/library-store';

/** Settings → Library check: references that point at nothing, found at startup. */
export function LibraryCheck() {
  const checking = useLibraryStore((s) => s.status?.checking ?? true);
  const problems = useLibraryStore((s) => s.status?.integrity);
  if (checking || !problems) {
    return (
      <Group gap="xs" role="status">
        <Loader size="xs" />
        <Text size="sm" c="dimmed">
          Checking every file of the library… Margin works as usual meanwhile.
        </Text>
      </Group>
    );
  }
  if (problems.length === 0) {
    return (
      <Text size="sm" c="dimmed" role="status">
        Checked at startup: every highlight, tag and citation points at something that exists.
      </Text>
    );
  }
  return (
    <Alert
      color="yellow"
      title={`${problems.length} ${problems.length === 1 ? 'reference points' : 'references point'} at nothing`}
    >
      <Text size="sm" mb="xs">
        Margin found these at startup and changed nothing: what they belong to is kept as it is. A
        rolling copy from before the problem may hold what is missing.
      </Text>
      <List size="sm" spacing={4} aria-label="Library check problems">
        {problems.map((problem, i) => (
          <List.Item key={`${problem.file}-${i}`}>
            {problem.message}{' '}
            <Text span size="xs" c="dimmed" ff="monospace">
              ({problem.file})
            </Text>
          </List.Item>
        ))}
      </List>
    </Alert>
  );
}
