import type { ClaimIndex } from './claim-index';
import type { ClaimSort } from './claim-query';

/** The article-level sorts and the article order each walks. */
const ARTICLE_ORDERS = {
  article: 'byTitle',
  'published-asc': 'byPublishedAsc',
  'published-desc': 'byPublishedDesc',
} as const satisfies Partial<Record<ClaimSort, keyof ClaimIndex>>;

const isArticleSort = (sort: ClaimSort): sort is keyof typeof ARTICLE_ORDERS =>
  Object.hasOwn(ARTICLE_ORDERS, sort);

/**
 * Typed-array views of a ClaimIndex that queries walk instead of its objects: for each
 * sort, every live claim slot in order; and each article's tickers and month by article
 * slot. Built on first use after an update, in one linear pass each; never updated.
 */
export class FlatViews {
  /** Each article's ticker codes are `tickerCodes[tickerStart[a]…tickerStart[a + 1])`. */
  readonly tickerStart: Int32Array;
  readonly tickerCodes: Int32Array;
  /** Month code by article slot; -1 when undated (or a free slot). */
  readonly monthOf: Int32Array;

  private readonly orders = new Map<ClaimSort, Int32Array>();

  constructor(private readonly index: ClaimIndex) {
    const { articles } = index;
    this.tickerStart = new Int32Array(articles.length + 1);
    this.monthOf = new Int32Array(articles.length).fill(-1);
    let count = 0;
    articles.forEach((article, slot) => {
      this.tickerStart[slot] = count;
      if (article === undefined) return;
      count += article.tickerCodes.length;
      this.monthOf[slot] = article.monthCode;
    });
    this.tickerStart[articles.length] = count;
    this.tickerCodes = new Int32Array(count);
    articles.forEach((article, slot) =>
      this.tickerCodes.set(article?.tickerCodes ?? [], this.tickerStart[slot]!),
    );
  }

  /** Every live claim slot in the order of `sort`. */
  order(sort: ClaimSort): Int32Array {
    let order = this.orders.get(sort);
    if (order === undefined) {
      order = this.build(sort);
      this.orders.set(sort, order);
    }
    return order;
  }

  private build(sort: ClaimSort): Int32Array {
    const { index } = this;
    const order = new Int32Array(index.rowCount);
    let n = 0;
    if (isArticleSort(sort)) {
      for (const slot of index[ARTICLE_ORDERS[sort]]) {
        for (const row of index.articles[slot]!.slots) order[n++] = row;
      }
      return order;
    }
    const { byCreated } = index;
    if (sort === 'created-asc') {
      order.set(byCreated);
      return order;
    }
    // created-desc: backwards, but claims made in the same millisecond keep the ascending
    // tie-break (article, position, id), as a fresh sort would give.
    const { createdMs } = index.columns;
    for (let last = byCreated.length - 1; last >= 0;) {
      const ms = createdMs[byCreated[last]!];
      let first = last;
      while (first > 0 && createdMs[byCreated[first - 1]!] === ms) first--;
      for (let i = first; i <= last; i++) order[n++] = byCreated[i]!;
      last = first - 1;
    }
    return order;
  }
}
