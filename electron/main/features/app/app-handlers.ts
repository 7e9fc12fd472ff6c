import { stat } from 'node:fs/promises';
import { homedir, release } from 'node:os';
import { join } from 'node:path';
import type { ThirdPartyLicense } from '../../../../shared/domain/app-info';
import { AppError } from '../../errors/app-error';
import type { ChannelHandlers } from '../../ipc/channel-handlers';
import type { Logger } from '../../logging/logger';
import type { Library } from '../../storage/open-library';
import { countClaims } from '../library-index/count-claims';
import type { LibraryIndex } from '../library-index/library-index';
import type { AboutServices } from './about-services';
import { formatProblemReport } from './format-problem-report';
import { readLogTail } from './read-log-tail';
import { readThirdPartyLicenses } from './read-third-party-licenses';

/** electron-log's file for the main process. */
const LOG_FILE_NAME = 'main.log';

/**
 * About Margin and "Report a problem": versions, the data and log folders (shown in the
 * file manager on request), the bundled licenses, and a plain-text report the analyst
 * copies themselves. Nothing here uses the network.
 */
export function createAppHandlers({
  about,
  appVersion,
  library,
  index,
  now,
  logger,
}: {
  /** Without it (unit tests of other features), these channels say they are unavailable. */
  about: AboutServices | undefined;
  appVersion: string;
  library: Library;
  index: LibraryIndex;
  now: () => Date;
  logger: Logger;
}): Pick<ChannelHandlers, 'app:about' | 'app:openFolder' | 'app:problemReport'> {
  // The build's lists do not change while Margin runs: read once, when first asked.
  let licenses: Promise<ThirdPartyLicense[]> | null = null;
  const services = (): AboutServices => {
    if (about) return about;
    throw new AppError('NOT_FOUND', 'Margin’s details are not available in this window.');
  };
  const versions = ({ versions: v }: AboutServices) => ({
    electron: v.electron ?? null,
    chrome: v.chrome ?? null,
    node: v.node,
    v8: v.v8,
  });
  const system = () => ({ platform: process.platform, arch: process.arch, osRelease: release() });

  return {
    'app:about': async () => {
      const about = services();
      licenses ??= readThirdPartyLicenses(about.licensesDir, logger);
      return {
        version: appVersion,
        ...versions(about),
        ...system(),
        dataDir: about.dataDir,
        logDir: about.logDir,
        licenses: await licenses,
      };
    },

    'app:openFolder': async ({ folder }) => {
      const about = services();
      const path = folder === 'data' ? about.dataDir : about.logDir;
      if (!(await isFolder(path))) {
        throw new AppError(
          'NOT_FOUND',
          folder === 'logs'
            ? `The log folder “${path}” does not exist yet: Margin has not written a log there.`
            : `The data folder “${path}” is not there any more. Quit Margin and start it again.`,
        );
      }
      await about.desktop.openFolder(path);
      return { folder, path };
    },

    'app:problemReport': async () => {
      const about = services();
      const status = library.status();
      // Not waiting for a build: a report is most wanted when something is stuck.
      const claimCount = await countClaims(index);
      const failure = status.writeFailure;
      const text = formatProblemReport({
        madeAt: now(),
        version: appVersion,
        versions: versions(about),
        system: system(),
        locale: about.locale ?? Intl.DateTimeFormat().resolvedOptions().locale,
        dataDir: about.dataDir,
        logDir: about.logDir,
        homeDir: about.homeDir ?? homedir(),
        library: {
          articles: library.articles.list().length,
          highlights: claimCount,
          memos: library.memos.list().length,
          indexBuilding: index.status().state === 'building',
          readOnlyReason: status.readOnlyReason,
          writeFailure: failure
            ? `${failure.what}: ${failure.cause} (since ${failure.since})`
            : null,
        },
        logFileName: LOG_FILE_NAME,
        log: await readLogTail(join(about.logDir, LOG_FILE_NAME), { maxLines: 100 }),
      });
      return { text };
    },
  };
}

async function isFolder(path: string): Promise<boolean> {
  try {
    return (await stat(path)).isDirectory();
  } catch {
    return false;
  }
}
