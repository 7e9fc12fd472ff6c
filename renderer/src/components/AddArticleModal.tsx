import { Alert, Button, Group, Modal, Text, TextInput, Textarea } from '@mantine/core';
import { getHotkeyHandler } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import type { ArticleSummary } from '../../../shared/domain/article';
import { useDeferredValue, useMemo, useRef, useState, type FormEvent } from 'react';
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
  const [duplicate, setDuplicate] = useState<ArticleSummary | null>(null);
  const deferredText = useDeferredValue(form.text);
  const inferred = useMemo(() => previewTitle(deferredText), [deferredText]);
  // Clipboard HTML (formatted text from a browser or Word) is imported through the HTML
  // pipeline, as long as the text box still holds exactly what was pasted with it.
  const pendingHtml = useRef<string | null>(null);
  const [pasted, setPasted] = useState<{ html: string; text: string } | null>(null);
  const pastedHtml = pasted && pasted.text === form.text ? pasted.html : undefined;

  const field = (name: keyof typeof emptyForm) => ({
    value: form[name],
    onChange: (event: { currentTarget: { value: string } }) => {
      const value = event.currentTarget.value;
      setForm((f) => ({ ...f, [name]: value }));
      setDuplicate(null);
    },
  });

  const textField = field('text');

  function reset() {
    setForm(emptyForm);
    setPasted(null);
    setDuplicate(null);
  }

  async function submit(event?: FormEvent, asNewVersionOf?: string) {
    event?.preventDefault();
    if (saving) return;
    setSaving(true);
    try {
      const { article, created } = await useArticlesStore.getState().add({
        ...form,
        ...(pastedHtml !== undefined && { html: pastedHtml }),
        ...(asNewVersionOf !== undefined && { asNewVersionOf }),
      });
      if (!created) {
        setDuplicate(article);
        return;
      }
      notifications.show({
        color: 'green',
        message: asNewVersionOf
          ? `Added a new version of “${article.title}”.`
          : `Added “${article.title}” to the library.`,
      });
      reset();
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
          onPaste={(event) => {
            const html = event.clipboardData.getData('text/html');
            // Only a paste that fills the whole box may be imported as HTML: otherwise the
            // text typed or pasted before it would be lost.
            const box = event.currentTarget;
            const replacesAll =
              box.value === '' ||
              (box.selectionStart === 0 && box.selectionEnd === box.value.length);
            pendingHtml.current = html.trim() && replacesAll ? html : null;
          }}
          value={textField.value}
          onChange={(event) => {
            const text = event.currentTarget.value;
            if (pendingHtml.current !== null) setPasted({ html: pendingHtml.current, text });
            pendingHtml.current = null;
            textField.onChange(event);
          }}
        />
        {pastedHtml !== undefined && (
          <Text size="xs" c="dimmed" mt={4}>
            Formatted text pasted: headings, lists, tables and links are kept; scripts, images and
            styles are dropped.
          </Text>
        )}
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
        {duplicate && (
          <Alert color="blue" mt="md" title="Already in your library">
            “{duplicate.title}” has exactly this text.
            <Group gap="xs" mt="xs">
              <Button
                size="xs"
                variant="light"
                onClick={() => {
                  void useArticlesStore.getState().select(duplicate.id);
                  reset();
                  close();
                }}
              >
                Open it
              </Button>
              <Button
                size="xs"
                variant="default"
                onClick={() => void submit(undefined, duplicate.id)}
              >
                Import as new version
              </Button>
            </Group>
          </Alert>
        )}
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
