import type { ArticleAdded, ArticleOrigin } from '../../../../shared/domain/article';
import { normalizeArticleText } from '../../../../shared/text/normalize-article-text';
import { AppError } from '../../errors/app-error';
import type { ChannelHandlers } from '../../ipc/channel-handlers';
import type { Library } from '../../storage/open-library';
import { buildArticle, type GivenMetadata } from '../articles/build-article';
import type { CompanyDetector } from '../companies/company-detector';
import type { LibraryIndex } from '../library-index/library-index';
import { createChosenFiles, type ChosenFiles } from './chosen-files';
import { describeImportFailure } from './describe-import-failure';
import type { Dialogs } from '../dialogs';
import { fetchUrl, toFetchableUrl } from './fetch-url';
import { formatOfFetched } from './format-of-fetched';
import { ImportError } from './import-error';
import type { ParseRequest } from './parse-request';
import { readImportFile } from './read-import-file';
import { resolveFormat } from './resolve-format';
import { createRunningImports } from './running-imports';
import type { ParserPool } from './worker/parser-pool';

export interface ImportFeatureDeps {
  library: Library;
  parser: ParserPool;
  dialogs: Dialogs;
  /** Tokens for chosen and opened-with files (shared with `app:nextEvents`). */
  chosenFiles?: ChosenFiles;
  index: LibraryIndex;
  detector: () => CompanyDetector;
  now: () => Date;
}

interface ImportJob {
  request: ParseRequest;
  origin: ArticleOrigin;
  given?: GivenMetadata;
  asNewVersionOf?: string | undefined;
  fetchedFrom?: string | undefined;
  signal?: AbortSignal;
}

const quoted = (name: string) => `'${name}'`;

/**
 * Every way an article comes in (paste, files from the dialog, dropped files, URLs) ends
 * in one path: parse in the worker, build and validate the article, store it all or
 * nothing. A failure names the source and the reason and leaves the library unchanged.
 */
export function createImportHandlers({
  library,
  parser,
  dialogs,
  chosenFiles = createChosenFiles(),
  index,
  detector,
  now,
}: ImportFeatureDeps): Pick<
  ChannelHandlers,
  | 'articles:create'
  | 'import:chooseFiles'
  | 'import:file'
  | 'import:bytes'
  | 'import:url'
  | 'import:cancel'
> {
  const running = createRunningImports();

  /** A new version links to the first article of its line, not to another version. */
  function versionRoot(id: string | undefined): string | null {
    if (!id) return null;
    const target = library.articles.findById(id);
    if (!target)
      throw new AppError(
        'NOT_FOUND',
        'The article to add a version to is no longer in the library.',
      );
    return target.versionOf ?? target.id;
  }

  async function importDocument(job: ImportJob): Promise<ArticleAdded> {
    const versionOf = versionRoot(job.asNewVersionOf);
    const document = await parser.parse(job.request, job.signal);
    const article = await buildArticle(
      {
        document,
        origin: job.origin,
        given: job.given,
        versionOf,
        fetchedFrom: job.fetchedFrom,
        detector: detector(),
      },
      now(),
    );
    if (job.signal?.aborted) throw new ImportError('CANCELLED', 'the import was cancelled');
    const added = await library.articles.insert(article);
    if (added.created) void index.articleChanged(added.article.id);
    return added;
  }

  async function importBytes(
    name: string,
    bytes: Uint8Array,
    options: { password?: string | undefined; asNewVersionOf?: string | undefined },
    signal: AbortSignal,
  ): Promise<ArticleAdded> {
    const format = resolveFormat(name, bytes);
    return importDocument({
      request: { kind: 'bytes', format, bytes, password: options.password },
      origin: { kind: 'file', format, fileName: name },
      asNewVersionOf: options.asNewVersionOf,
      signal,
    });
  }

  return {
    'articles:create': async ({ text, html, asNewVersionOf, ...given }) => {
      if (normalizeArticleText(text) === '' && !html?.trim()) {
        throw new AppError(
          'EMPTY_TEXT',
          'There is no text to add: paste the article text into the box first.',
        );
      }
      return importDocument({
        request: { kind: 'paste', text, html },
        origin: { kind: 'paste', format: html?.trim() ? 'html' : 'text' },
        given,
        asNewVersionOf,
      }).catch((error: unknown) => {
        throw describeImportFailure('the pasted text', error);
      });
    },

    'import:chooseFiles': async () => chosenFiles.register(await dialogs.chooseImportFiles()),

    'import:file': ({ token, requestId, ...options }) => {
      const { path, name } = chosenFiles.resolve(token);
      return running
        .run(requestId, async (signal) =>
          importBytes(name, await readImportFile(path), options, signal),
        )
        .catch((error: unknown) => {
          throw describeImportFailure(quoted(name), error);
        });
    },

    'import:bytes': ({ name, bytes, requestId, ...options }) =>
      running
        .run(requestId, (signal) => importBytes(name, bytes, options, signal))
        .catch((error: unknown) => {
          throw describeImportFailure(quoted(name), error);
        }),

    'import:url': ({ url, requestId, asNewVersionOf }) =>
      running
        .run(requestId, async (signal) => {
          const requested = toFetchableUrl(url);
          const resource = await fetchUrl(requested.href, { signal });
          const format = formatOfFetched(resource);
          return importDocument({
            request: {
              kind: 'bytes',
              format,
              bytes: resource.bytes,
              declaredCharset: resource.charset,
              url: resource.finalUrl,
            },
            origin: { kind: 'url', format, requestedUrl: requested.href },
            asNewVersionOf,
            fetchedFrom: resource.finalUrl,
            signal,
          });
        })
        .catch((error: unknown) => {
          throw describeImportFailure(url.length > 120 ? `${url.slice(0, 117)}…` : url, error);
        }),

    'import:cancel': async ({ requestId }) => ({ cancelled: running.cancel(requestId) }),
  };
}
