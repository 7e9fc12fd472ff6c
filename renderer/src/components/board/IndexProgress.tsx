import { Loader, Text } from '@mantine/core';
import { useIndexStatusStore } from '../../stores/index-status-store';

/** While the index is being built, says how far it has come: results may be incomplete. */
export function IndexProgress() {
  const status = useIndexStatusStore((s) => s.status);
  if (!status || status.state === 'ready') return null;
  return (
    <Text size="xs" c="dimmed" className="index-progress" role="status">
      <Loader size={10} mr={4} display="inline-block" />
      Indexing the library: {status.done.toLocaleString()} of {status.total.toLocaleString()}{' '}
      articles… Results may be incomplete until it is done.
    </Text>
  );
}
