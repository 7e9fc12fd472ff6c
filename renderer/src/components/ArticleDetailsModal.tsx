import { Button, Group, Modal, Select, TagsInput, Text, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState, type FormEvent } from 'react';
import type { Article } from '../../../shared/domain/article';
import { languageName } from '../lib/language';
import { errorMessage } from '../lib/workbench-client';
import { useArticlesStore } from '../stores/articles-store';
import { useUiStore } from '../stores/ui-store';

/** Languages analysts meet most; any other detected code is added to the list. */
const COMMON_LANGUAGES = ['de', 'en', 'fr', 'it', 'es', 'nl', 'pt', 'sv', 'da', 'pl', 'ja', 'zh'];

interface DetailsForm {
  title: string;
  source: string;
  author: string;
  publishedAt: string;
  url: string;
  language: string;
  tickers: string[];
}

const toForm = (article: Article): DetailsForm => ({
  title: article.title,
  source: article.source ?? '',
  author: article.author ?? '',
  publishedAt: article.publishedAt ?? '',
  url: article.url ?? '',
  language: article.language,
  tickers: article.tickers,
});

const orNull = (value: string) => (value.trim() ? value.trim() : null);

function urlProblem(value: string): string | null {
  if (!value.trim()) return null;
  try {
    const url = new URL(value.trim());
    return url.protocol === 'http:' || url.protocol === 'https:'
      ? null
      : 'Only http and https addresses.';
  } catch {
    return 'This is not a complete web address (https://…).';
  }
}

function DetailsFields({ article, onDone }: { article: Article; onDone: () => void }) {
  const [form, setForm] = useState(() => toForm(article));
  const [saving, setSaving] = useState(false);
  const set = <K extends keyof DetailsForm>(key: K, value: DetailsForm[K]) =>
    setForm((f) => ({ ...f, [key]: value }));
  const languages = [...new Set([...COMMON_LANGUAGES, article.language, 'und'])].map((code) => ({
    value: code,
    label: `${languageName(code)}${code === 'und' ? '' : ` (${code})`}`,
  }));
  const titleMissing = form.title.trim() === '';
  const badUrl = urlProblem(form.url);
  const longTicker = form.tickers.find((t) => t.trim().length > 32) ?? null;

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (titleMissing || badUrl || longTicker || saving) return;
    setSaving(true);
    try {
      await useArticlesStore.getState().updateMetadata({
        id: article.id,
        title: form.title.trim(),
        source: orNull(form.source),
        author: orNull(form.author),
        publishedAt: orNull(form.publishedAt),
        url: orNull(form.url),
        language: form.language,
        tickers: [...new Set(form.tickers.map((t) => t.trim().toUpperCase()).filter(Boolean))],
      });
      notifications.show({ color: 'green', message: 'Saved the article’s details.' });
      onDone();
    } catch (error) {
      notifications.show({
        color: 'red',
        title: "Couldn't save the details",
        message: errorMessage(error),
      });
    } finally {
      setSaving(false);
    }
  }

  return (
    <form onSubmit={(e) => void submit(e)} aria-label="Article details">
      <TextInput
        label="Title"
        required
        maxLength={500}
        data-autofocus
        value={form.title}
        error={titleMissing ? 'An article needs a title.' : null}
        onChange={(e) => set('title', e.currentTarget.value)}
      />
      <div className="form-row">
        <TextInput
          label="Source"
          placeholder="Publisher"
          maxLength={300}
          value={form.source}
          onChange={(e) => set('source', e.currentTarget.value)}
        />
        <TextInput
          label="Author"
          maxLength={300}
          value={form.author}
          onChange={(e) => set('author', e.currentTarget.value)}
        />
        <TextInput
          label="Published"
          type="date"
          value={form.publishedAt}
          onChange={(e) => set('publishedAt', e.currentTarget.value)}
        />
      </div>
      <TextInput
        mt="md"
        label="URL"
        placeholder="https://…"
        value={form.url}
        error={badUrl}
        onChange={(e) => set('url', e.currentTarget.value)}
      />
      <div className="form-row">
        <Select
          label="Language"
          data={languages}
          value={form.language}
          allowDeselect={false}
          onChange={(value) => value && set('language', value)}
          comboboxProps={{ withinPortal: true }}
        />
        <TagsInput
          label="Tickers"
          description="Press Enter after each, e.g. MSFT"
          value={form.tickers}
          onChange={(value) => set('tickers', value)}
          maxTags={50}
          error={longTicker ? `A ticker has at most 32 characters: ${longTicker}` : null}
          splitChars={[',', ' ']}
        />
      </div>
      <CompaniesFound article={article} />
      <Group justify="flex-end" mt="lg">
        <Button variant="default" onClick={onDone}>
          Cancel
        </Button>
        <Button
          type="submit"
          loading={saving}
          disabled={titleMissing || badUrl !== null || longTicker !== null}
        >
          Save details
        </Button>
      </Group>
    </form>
  );
}

/** What company detection found in the text: where the tickers came from. */
function CompaniesFound({ article }: { article: Article }) {
  if (article.companies.length === 0) {
    return (
      <Text size="xs" c="dimmed" mt="sm">
        No company from Margin’s list or your watchlist is named in this text.
      </Text>
    );
  }
  return (
    <Text size="xs" c="dimmed" mt="sm" data-testid="companies-found">
      Named in the text:{' '}
      {article.companies
        .map((c) => {
          const what = c.kind === 'private' ? 'private' : c.ticker;
          return `${c.name} (${what}) ×${c.mentions}`;
        })
        .join(' · ')}
      {article.tickersByAnalyst
        ? '. You set the tickers yourself: Margin leaves them as they are.'
        : ''}
    </Text>
  );
}

/** Correct what import found out: title, source, author, date, URL, language, tickers. */
export function ArticleDetailsModal() {
  const opened = useUiStore((s) => s.articleDetailsOpen);
  const close = useUiStore((s) => s.closeArticleDetails);
  const open = useArticlesStore((s) => s.open);
  const article = open.status === 'ready' ? open.article : null;
  return (
    <Modal opened={opened && article !== null} onClose={close} title="Article details" size="lg">
      {article && <DetailsFields key={article.id} article={article} onDone={close} />}
    </Modal>
  );
}
