import { Button, Group, Modal, Text, TextInput, Textarea } from '@mantine/core';
import { getHotkeyHandler } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { useDeferredValue, useMemo, useState, type FormEvent } from 'react';
import { inferTitle } from '../../../shared/text/infer-title';
import { normalizeArticleText } from '../../../shared/text/normalize-article-text';
import { shortcutLabel } from '../lib/shortcut-label';
import { errorMessage } from '../lib/workbench-client';
import { useArticlesStore } from '../stores/articles-store';
import { useUiStore } from '../stores/ui-store';

const emptyForm = { text: '', title: '', source: '', author: '', publishedAt: '' };

/** The title main will infer when the field stays empty (same pure code, same result). */
function previewTitle(text: string): string {
  const canonical = normalizeArticleText(text);
  return canonical ? inferTitle(canonical) : '';
}

/** Add an article by paste (Ctrl+N): the text, and optionally what is known about it. */
export function AddArticleModal() {
  const opened = useUiStore((s) => s.addArticleOpen);
  const close = useUiStore((s) => s.closeAddArticle);
  const [form, setForm] = useState(emptyForm);
  const [saving, setSaving] = useState(false);
  const deferredText = useDeferredValue(form.text);
  const inferred = useMemo(() => previewTitle(deferredText), [deferredText]);

  const field = (name: keyof typeof emptyForm) => ({
    value: form[name],
    onChange: (event: { currentTarget: { value: string } }) => {
      const value = event.currentTarget.value;
      setForm((f) => ({ ...f, [name]: value }));
    },
  });

  async function submit(event?: FormEvent) {
    event?.preventDefault();
    if (saving) return;
    setSaving(true);
    try {
      const { article, created } = await useArticlesStore.getState().add(form);
      notifications.show({
        color: created ? 'green' : 'blue',
        message: created
          ? `Added “${article.title}” to the library.`
          : `“${article.title}” is already in the library; it is open now.`,
      });
      setForm(emptyForm);
      close();
    } catch (error) {
      notifications.show({
        color: 'red',
        title: "Couldn't add the article",
        message: errorMessage(error),
      });
    } finally {
      setSaving(false);
    }
  }

  return (
    <Modal opened={opened} onClose={close} title="Add article" size="xl">
      <form onSubmit={(event) => void submit(event)} aria-label="Add article">
        <Textarea
          label="Article text"
          description="Paste the article. Paragraphs are kept; nothing is sent anywhere."
          autosize
          minRows={10}
          maxRows={18}
          data-autofocus
          onKeyDown={getHotkeyHandler([['mod+Enter', () => void submit()]])}
          {...field('text')}
        />
        <TextInput
          mt="md"
          label="Title"
          placeholder={inferred || 'Taken from the text when left empty'}
          description={
            inferred
              ? 'Left empty, the title shown in grey is used.'
              : 'Optional: taken from the text.'
          }
          {...field('title')}
        />
        <div className="form-row">
          <TextInput
            label="Source"
            placeholder="Publisher, e.g. Handelsblatt"
            {...field('source')}
          />
          <TextInput label="Author" {...field('author')} />
          <TextInput label="Published" type="date" {...field('publishedAt')} />
        </div>
        <Group justify="space-between" mt="lg">
          <Text size="xs" c="dimmed">
            {shortcutLabel('mod+Enter')} adds the article
          </Text>
          <Group gap="sm">
            <Button variant="default" onClick={close}>
              Cancel
            </Button>
            <Button type="submit" loading={saving}>
              Add to library
            </Button>
          </Group>
        </Group>
      </form>
    </Modal>
  );
}
