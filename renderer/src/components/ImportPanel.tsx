import {
  Badge,
  Button,
  Group,
  Modal,
  PasswordInput,
  Progress,
  Text,
  TextInput,
} from '@mantine/core';
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { shortcutLabel } from '../lib/shortcut-label';
import { useArticlesStore } from '../stores/articles-store';
import {
  summarizeBatch,
  useImportStore,
  type ImportItem,
  type ImportItemStatus,
} from '../stores/import-store';
import { useUiStore } from '../stores/ui-store';

const STATUS_LABEL: Record<ImportItemStatus, { label: string; color: string }> = {
  queued: { label: 'Waiting', color: 'gray' },
  importing: { label: 'Importing…', color: 'violet' },
  imported: { label: 'Imported', color: 'green' },
  duplicate: { label: 'Already in your library', color: 'blue' },
  failed: { label: 'Failed', color: 'red' },
  cancelled: { label: 'Cancelled', color: 'gray' },
  'needs-password': { label: 'Password needed', color: 'orange' },
};

function PasswordForm({ item }: { item: ImportItem }) {
  const [password, setPassword] = useState('');
  return (
    <form
      className="import-password"
      onSubmit={(event) => {
        event.preventDefault();
        if (password) useImportStore.getState().retryWithPassword(item.requestId, password);
      }}
    >
      <PasswordInput
        size="xs"
        aria-label={`Password for ${item.name}`}
        placeholder="PDF password"
        value={password}
        onChange={(e) => setPassword(e.currentTarget.value)}
        data-autofocus
      />
      <Button size="xs" type="submit" disabled={!password}>
        Unlock
      </Button>
    </form>
  );
}

function ItemRow({ item }: { item: ImportItem }) {
  const status = STATUS_LABEL[item.status];
  const close = useUiStore((s) => s.closeImport);
  const open = (id: string) => {
    void useArticlesStore.getState().select(id);
    close();
  };
  return (
    <li className="import-item" data-status={item.status}>
      <Group justify="space-between" wrap="nowrap" gap="sm">
        <Text size="sm" fw={500} truncate="end" title={item.name}>
          {item.name}
        </Text>
        <Badge color={status.color} variant="light" size="sm" className="import-status">
          {status.label}
        </Badge>
      </Group>
      {item.message && (
        <Text
          size="xs"
          c={item.status === 'failed' || item.status === 'needs-password' ? 'red' : 'dimmed'}
          mt={2}
        >
          {item.message}
        </Text>
      )}
      {item.status === 'needs-password' && <PasswordForm item={item} />}
      {(item.status === 'imported' || item.status === 'duplicate') && item.articleId && (
        <Group gap="xs" mt={4}>
          <Text size="xs" c="dimmed" truncate="end">
            {item.articleTitle}
          </Text>
          <Button size="compact-xs" variant="subtle" onClick={() => open(item.articleId!)}>
            Open
          </Button>
          {item.status === 'duplicate' && (
            <Button
              size="compact-xs"
              variant="subtle"
              onClick={() => useImportStore.getState().importAsNewVersion(item.requestId)}
            >
              Import as new version
            </Button>
          )}
        </Group>
      )}
    </li>
  );
}

function BatchProgress({ items }: { items: readonly ImportItem[] }) {
  const running = useImportStore((s) => s.running);
  const batch = summarizeBatch(items);
  const parts = [
    `${batch.imported} imported`,
    batch.duplicate > 0 && `${batch.duplicate} already in your library`,
    batch.failed > 0 && `${batch.failed} failed`,
    batch.cancelled > 0 && `${batch.cancelled} cancelled`,
  ].filter(Boolean);
  return (
    <section aria-label="Import progress" className="import-batch">
      <Group justify="space-between" mb={6}>
        <Text size="sm" fw={600} role="status">
          {running
            ? `Importing ${Math.min(batch.done + 1, batch.total)} of ${batch.total}`
            : `Done: ${batch.done} of ${batch.total}`}
          {' · '}
          {parts.join(' · ')}
        </Text>
        {running && (
          <Button
            size="xs"
            variant="default"
            onClick={() => void useImportStore.getState().cancel()}
          >
            Cancel import
          </Button>
        )}
      </Group>
      <Progress
        value={batch.total === 0 ? 0 : (batch.done / batch.total) * 100}
        aria-label="Files imported"
        animated={running}
      />
      <ul className="import-items">
        {items.map((item) => (
          <ItemRow key={item.requestId} item={item} />
        ))}
      </ul>
    </section>
  );
}

/**
 * Import (Ctrl+O for files, Ctrl+Shift+O for a web address, or drop files on the window):
 * the batch's progress with each file's outcome, cancellable, the app usable throughout.
 */
export function ImportPanel() {
  const opened = useUiStore((s) => s.importOpen);
  const close = useUiStore((s) => s.closeImport);
  const urlFocusRequest = useUiStore((s) => s.urlFocusRequest);
  const items = useImportStore((s) => s.items);
  const dialogError = useImportStore((s) => s.dialogError);
  const [url, setUrl] = useState('');
  const urlInput = useRef<HTMLInputElement>(null);

  useEffect(() => {
    if (opened && urlFocusRequest > 0) {
      // After the modal's own focus handling has run.
      const timer = setTimeout(() => urlInput.current?.focus(), 50);
      return () => clearTimeout(timer);
    }
  }, [opened, urlFocusRequest]);

  function submitUrl(event: FormEvent) {
    event.preventDefault();
    if (!url.trim()) return;
    useImportStore.getState().addUrl(url.trim());
    setUrl('');
  }

  function onClose() {
    if (!useImportStore.getState().running) useImportStore.getState().clearFinished();
    close();
  }

  return (
    <Modal opened={opened} onClose={onClose} title="Import articles" size="lg">
      <Group gap="sm" align="center">
        <Button onClick={() => void useImportStore.getState().chooseFiles()}>Choose files…</Button>
        <Text size="xs" c="dimmed">
          {shortcutLabel('mod+O')} · or drop files anywhere on the window
        </Text>
      </Group>
      {dialogError && (
        <Text size="xs" c="red" mt={6} role="alert">
          {dialogError}
        </Text>
      )}
      <Text size="xs" c="dimmed" mt={6}>
        Text, Markdown, web pages (.html), PDF, Word (.docx) and e-mail (.eml), up to 50 MB each.
      </Text>
      <form onSubmit={submitUrl} className="import-url" aria-label="Import from a web address">
        <TextInput
          ref={urlInput}
          label="Web address"
          description={`${shortcutLabel('mod+shift+O')} · Margin downloads this page now, and nothing else.`}
          placeholder="https://www.example.com/article"
          value={url}
          onChange={(e) => setUrl(e.currentTarget.value)}
        />
        <Button type="submit" variant="default" disabled={!url.trim()}>
          Import
        </Button>
      </form>
      {items.length > 0 && <BatchProgress items={items} />}
    </Modal>
  );
}
