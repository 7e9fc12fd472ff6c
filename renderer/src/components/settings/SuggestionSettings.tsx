import { Alert, Kbd, Stack, Text, Title } from '@mantine/core';
import { useSuggestionSettingsStore } from '../../stores/suggestion-settings-store';
import { CueLexiconEditor } from './CueLexiconEditor';
import { CueStatsTable } from './CueStatsTable';

/**
 * Settings → Claim suggestions: the cue lexicons the analyst extends or trims per
 * language, and how each cue fared in their decisions.
 */
export function SuggestionSettings() {
  const status = useSuggestionSettingsStore((s) => s.status);
  const error = useSuggestionSettingsStore((s) => s.error);
  const loaded = useSuggestionSettingsStore((s) => s.settings !== null);
  return (
    <section aria-labelledby="suggestions-title">
      <Title order={3} size="h5" id="suggestions-title">
        Claim suggestions
      </Title>
      <Text size="sm" c="dimmed" mb="xs">
        Press <Kbd>S</Kbd> in the reader and Margin suggests the article’s theses, risks and
        evidence, worked out on this computer from cue words; nothing is sent anywhere.
      </Text>
      {status === 'error' && error && <Alert color="red">{error}</Alert>}
      {status === 'loading' && !loaded && (
        <Text size="sm" c="dimmed">
          Loading…
        </Text>
      )}
      {loaded && (
        <Stack gap="lg">
          <section aria-labelledby="cue-lists-title">
            <Title order={4} size="h6" id="cue-lists-title" mb={4}>
              Cue words
            </Title>
            <CueLexiconEditor />
          </section>
          <section aria-labelledby="cue-counts-title">
            <Title order={4} size="h6" id="cue-counts-title" mb={4}>
              Which cues help
            </Title>
            <CueStatsTable />
          </section>
        </Stack>
      )}
    </section>
  );
}
