import { AppError } from '../../errors/app-error';
import type { ChannelHandlers } from '../../ipc/channel-handlers';
import type { Library } from '../../storage/open-library';
import type { LibraryIndex } from '../library-index/library-index';

/**
 * The analyst's settings that live with the library: the watchlist of companies and the
 * recommendation scale memos are rated on.
 */
export function createSettingsHandlers({
  library,
  index,
}: {
  library: Library;
  index: LibraryIndex;
}): Pick<ChannelHandlers, `settings:${string}` & keyof ChannelHandlers> {
  return {
    'settings:recommendationScale': async () => [...library.settings.recommendationScale()],
    // Memos keep the rating they have; a new rating must be on the scale saved here.
    'settings:saveRecommendationScale': (scale) => library.settings.saveRecommendationScale(scale),
    'settings:watchlist': async () => [...library.settings.watchlist()],
    'settings:saveWatchlist': async (entries) => {
      const tickers = entries.map((e) => e.ticker.toUpperCase());
      // Fix: two entries with the same ticker (in any case) were stored as they came. A
      // ticker names one company: refused before anything is written, naming the ticker.
      const twice = tickers.find((ticker, i) => tickers.indexOf(ticker) !== i);
      if (twice !== undefined) {
        const names = entries.filter((_, i) => tickers[i] === twice).map((e) => `"${e.name}"`);
        throw new AppError(
          'INVALID_INPUT',
          `The watchlist names the ticker ${twice} more than once (${names.join(', ')}); give each company its own ticker.`,
        );
      }
      const saved = await library.settings.saveWatchlist(
        entries.map((e, i) => ({ ...e, ticker: tickers[i]! })),
      );
      // Older articles are searched for the new names in the background.
      index.redetectCompanies();
      return saved;
    },
  };
}
