import type { ChannelHandlers } from '../../ipc/channel-handlers';
import type { Library } from '../../storage/open-library';
import { buildArticle } from '../articles/build-article';
import type { CompanyDetector } from '../companies/company-detector';
import type { LibraryIndex } from '../library-index/library-index';
import { parsePlainText } from '../import/formats/parse-plain-text';
import type { SampleCatalog } from './sample-catalog';

export interface SamplesFeatureDeps {
  library: Library;
  samples: SampleCatalog;
  index: LibraryIndex;
  detector: () => CompanyDetector;
  now: () => Date;
}

export function createSamplesHandlers({
  library,
  samples,
  index,
  detector,
  now,
}: SamplesFeatureDeps): Pick<ChannelHandlers, 'samples:list' | 'samples:import'> {
  return {
    'samples:list': () => samples.list(),
    'samples:import': async ({ sampleId }) => {
      const { entry, text } = await samples.get(sampleId);
      // Samples are short plain text that ships with the app: parsed here, not in the worker.
      const article = await buildArticle(
        {
          document: { ...parsePlainText(text), metadata: { language: entry.language } },
          given: { source: entry.source, author: entry.author, publishedAt: entry.publishedAt },
          origin: { kind: 'sample', sampleId },
          detector: detector(),
        },
        now(),
      );
      const added = await library.articles.insert(article);
      if (added.created) void index.articleChanged(added.article.id);
      return added;
    },
  };
}
