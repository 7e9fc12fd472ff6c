import { Text, Title } from '@mantine/core';

/** Shown when the page is opened outside Margin (a browser tab): nothing can work without main. */
export function MissingBridge() {
  return (
    <div className="empty-state" role="alert">
      <Title order={2}>Margin cannot start here</Title>
      <Text mt="sm">
        This window has no connection to Margin&apos;s background process. Start Margin from its
        application icon or with <code>npm start</code>.
      </Text>
    </div>
  );
}
