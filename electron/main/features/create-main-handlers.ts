import type { ChannelHandlers } from '../ipc/channel-handlers';
import type { Library } from '../storage/open-library';
import { createArticlesHandlers } from './articles/articles-handlers';
import { createCodebookHandlers } from './codebook/codebook-handlers';
import { createHighlightsHandlers } from './highlights/highlights-handlers';
import type { Dialogs } from './import/dialogs';
import { createImportHandlers } from './import/import-handlers';
import type { ParserPool } from './import/worker/parser-pool';
import { createLibraryHandlers } from './library/library-handlers';
import { createSampleCatalog } from './samples/sample-catalog';
import { createSamplesHandlers } from './samples/samples-handlers';

export interface MainServices {
  library: Library;
  /** The folder holding `manifest.json` and the sample articles. */
  seedsDir: string;
  /** Worker threads that parse imported files. */
  parser: ParserPool;
  dialogs: Dialogs;
  now?: () => Date;
}

/** Every channel's handler, over one open library. Electron and the test bridge both use this. */
export function createMainHandlers({
  library,
  seedsDir,
  parser,
  dialogs,
  now = () => new Date(),
}: MainServices): ChannelHandlers {
  const samples = createSampleCatalog(seedsDir);
  return {
    ...createLibraryHandlers({ library }),
    ...createArticlesHandlers({ library }),
    ...createHighlightsHandlers({ library, now }),
    ...createCodebookHandlers({ library }),
    ...createImportHandlers({ library, parser, dialogs, now }),
    ...createSamplesHandlers({ library, samples, now }),
  };
}
