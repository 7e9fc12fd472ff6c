import type { ChannelHandlers } from '../ipc/channel-handlers';
import type { Logger } from '../logging/logger';
import type { Library } from '../storage/open-library';
import type { AboutServices } from './app/about-services';
import { createAppHandlers } from './app/app-handlers';
import { AppEventQueue } from './app-events/app-event-queue';
import { createAppEventsHandlers } from './app-events/app-events-handlers';
import { createArticlesHandlers } from './articles/articles-handlers';
import { createClaimsHandlers } from './claims/claims-handlers';
import { createCodebookHandlers } from './codebook/codebook-handlers';
import { companyDetector } from './companies/company-detector';
import { articleTexts } from './highlights/article-texts';
import { createHighlightsHandlers } from './highlights/highlights-handlers';
import type { LibraryControl } from '../library-host';
import { createBackupHandlers } from './backup/backup-handlers';
import type { Dialogs } from './dialogs';
import { createExportHandlers } from './export/export-handlers';
import { createChosenFiles, type ChosenFiles } from './import/chosen-files';
import { createImportHandlers } from './import/import-handlers';
import type { ParserPool } from './import/worker/parser-pool';
import { LibraryIndex } from './library-index/library-index';
import { createLibraryHandlers } from './library/library-handlers';
import { watchWriteFailures } from './library/watch-write-failures';
import { createDurabilityHandlers } from './durability/durability-handlers';
import { createMemosHandlers } from './memos/memos-handlers';
import { createSampleCatalog } from './samples/sample-catalog';
import { createSamplesHandlers } from './samples/samples-handlers';
import { createSearchHandlers } from './search/search-handlers';
import { createSettingsHandlers } from './settings/settings-handlers';
import { createSuggestionsHandlers } from './suggestions/suggestions-handlers';

export interface MainServices {
  library: Library;
  /** The folder holding `manifest.json` and the sample articles. */
  seedsDir: string;
  /** Worker threads that parse imported files. */
  parser: ParserPool;
  dialogs: Dialogs;
  /** Margin's version, named in exported reports and backups. */
  appVersion?: string;
  /** Closes and reopens the library around a restore; without it, restoring is refused. */
  control?: LibraryControl;
  now?: () => Date;
  logger?: Logger;
  /** Called with the library's index once it exists (tests wait for its build). */
  onIndex?: (index: LibraryIndex) => void;
  /** Versions, folders, licenses and the OS desktop, for About and the problem report. */
  about?: AboutServices;
  /**
   * Files opened with Margin and menu commands, for the page. They outlive one library
   * (a restore reopens it), so the app makes them once; tests pass theirs to push into.
   */
  appEvents?: AppEventQueue;
  /** Tokens for files the analyst chose or opened with Margin; also app-wide, like `appEvents`. */
  chosenFiles?: ChosenFiles;
}

/** Every channel's handler, over one open library. Electron and the test bridge both use this. */
export function createMainHandlers({
  library,
  seedsDir,
  parser,
  dialogs,
  appVersion = 'unknown',
  control,
  now = () => new Date(),
  logger = console,
  onIndex,
  about,
  appEvents = new AppEventQueue(),
  chosenFiles = createChosenFiles(),
}: MainServices): ChannelHandlers {
  const samples = createSampleCatalog(seedsDir);
  // One cache of recently read articles: the reader's highlights and the index read the same.
  const articleText = articleTexts((id) => library.articles.get(id), 8);
  const detector = () => companyDetector(library.settings.watchlist());
  const index = LibraryIndex.start({ library, articleText, detector, logger });
  onIndex?.(index);
  return watchWriteFailures(
    {
      ...createLibraryHandlers({ library }),
      ...createArticlesHandlers({ library, index }),
      ...createHighlightsHandlers({ library, index, articleText, now }),
      ...createClaimsHandlers({ library, index, now }),
      ...createSearchHandlers({ library, index, articleText }),
      ...createSettingsHandlers({ library, index }),
      ...createSuggestionsHandlers({ library, articleText }),
      ...createCodebookHandlers({ library, index }),
      ...createMemosHandlers({ library, index, articleText, now }),
      ...createImportHandlers({ library, parser, dialogs, chosenFiles, index, detector, now }),
      ...createSamplesHandlers({ library, samples, index, detector, now }),
      ...createExportHandlers({
        library,
        index,
        articleText,
        dialogs,
        generator: { name: 'Margin', version: appVersion },
        now,
      }),
      ...createBackupHandlers({ library, index, dialogs, control, appVersion, now }),
      ...createDurabilityHandlers({ library, dialogs, control, appVersion, now }),
      ...createAppHandlers({ about, appVersion, library, index, now, logger }),
      ...createAppEventsHandlers({ events: appEvents, chosenFiles }),
    },
    library.writeHealth,
  );
}
