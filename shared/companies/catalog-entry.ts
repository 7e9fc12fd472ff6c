/**
 * One company in Margin's bundled catalog. The name always counts as an alias; any alias
 * (the name included) that is also listed in `ambiguousAliases` is an everyday word or a
 * person's name somewhere and counts only with corporate context.
 */
export interface CatalogEntry {
  readonly name: string;
  /** Primary listing; null for a private company. */
  readonly ticker: string | null;
  readonly exchange: string | null;
  /** Further listings (ADRs, dual listings) that `$TICKER` and `(EXCH: TICKER)` resolve to. */
  readonly otherListings?: readonly { readonly exchange: string; readonly ticker: string }[];
  readonly aliases: readonly string[];
  readonly ambiguousAliases?: readonly string[];
}
