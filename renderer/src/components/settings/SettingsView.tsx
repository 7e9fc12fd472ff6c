import { Alert, Button, Group, Stack, Text, Title } from '@mantine/core';
import { useEffect, useRef } from 'react';
import { openAbout, openProblemReport } from '../../stores/about-store';
import { useIndexStatusStore } from '../../stores/index-status-store';
import { useUiStore } from '../../stores/ui-store';
import { useWatchlistStore } from '../../stores/watchlist-store';
import { BackupSettings } from '../backup/BackupSettings';
import { BackupsInDataFolder } from '../backup/BackupsInDataFolder';
import { LibraryCheck } from '../backup/LibraryCheck';
import { RecommendationScaleEditor } from './RecommendationScaleEditor';
import { WatchlistEditor } from './WatchlistEditor';
import { useRecommendationScaleStore } from '../../stores/recommendation-scale-store';
import { useSuggestionSettingsStore } from '../../stores/suggestion-settings-store';
import { SuggestionSettings } from './SuggestionSettings';

/**
 * The library's settings: the watchlist, the recommendation scale, claim suggestions, backups
 * (to a file, and the ones Margin keeps), the library check, how the index stands, and About
 * Margin.
 */
export function SettingsView() {
  const status = useWatchlistStore((s) => s.status);
  const error = useWatchlistStore((s) => s.error);
  const index = useIndexStatusStore((s) => s.status);
  const sectionRequest = useUiStore((s) => s.settingsSection);
  const backupsHeading = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    void useWatchlistStore.getState().load();
    void useRecommendationScaleStore.getState().load();
    void useSuggestionSettingsStore.getState().load();
    useIndexStatusStore.getState().watch();
  }, []);
  // The palette's "Backups": the section in view, the focus on its heading.
  useEffect(() => {
    if (sectionRequest?.section !== 'backups') return;
    backupsHeading.current?.scrollIntoView({ block: 'start' });
    backupsHeading.current?.focus();
  }, [sectionRequest]);
  return (
    <section className="settings" aria-label="Settings">
      <Stack gap="lg" maw={820}>
        <Title order={2} size="h3">
          Settings
        </Title>
        <section aria-labelledby="watchlist-title">
          <Title order={3} size="h5" id="watchlist-title">
            Watchlist
          </Title>
          <Text size="sm" c="dimmed" mb="xs">
            Margin finds about 220 large listed companies and well-known private ones in what you
            import. Add the companies you follow that it does not know (or other names it should
            recognise); every article is searched for them again in the background, and their
            tickers become filters on the claims board.
          </Text>
          {status === 'error' && error && <Alert color="red">{error}</Alert>}
          {status === 'ready' && <WatchlistEditor />}
        </section>
        <section aria-labelledby="scale-title">
          <Title order={3} size="h5" id="scale-title">
            Recommendation scale
          </Title>
          <Text size="sm" c="dimmed" mb="xs">
            The ratings a memo's recommendation can take. Margin starts with Buy, Overweight, Hold,
            Underweight and Sell; use your firm's own if it differs.
          </Text>
          <RecommendationScaleEditor />
        </section>
        <SuggestionSettings />
        <section aria-labelledby="backups-title">
          <Title order={3} size="h5" id="backups-title" ref={backupsHeading} tabIndex={-1}>
            Backups
          </Title>
          <BackupSettings />
          <BackupsInDataFolder />
        </section>
        <section aria-labelledby="library-check-title">
          <Title order={3} size="h5" id="library-check-title">
            Library check
          </Title>
          <LibraryCheck />
        </section>
        <section aria-labelledby="index-title">
          <Title order={3} size="h5" id="index-title">
            Search index
          </Title>
          <Text size="sm" c="dimmed" role="status">
            {!index
              ? 'Checking…'
              : index.state === 'ready'
                ? 'Up to date: every article and claim can be found (Ctrl+K).'
                : `Indexing: ${index.done} of ${index.total} articles. Search and the claims board work meanwhile.`}
          </Text>
        </section>
        <section aria-labelledby="about-title">
          <Title order={3} size="h5" id="about-title">
            About
          </Title>
          <Text size="sm" c="dimmed" mb="xs">
            Margin’s version, its data and log folders, and the licenses of the software it is built
            with; or a report to send to support (Margin sends nothing itself).
          </Text>
          <Group gap="xs">
            <Button size="xs" variant="default" onClick={openAbout}>
              About Margin…
            </Button>
            <Button size="xs" variant="default" onClick={openProblemReport}>
              Report a problem…
            </Button>
          </Group>
        </section>
      </Stack>
    </section>
  );
}
