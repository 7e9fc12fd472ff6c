import { z } from 'zod';

/** Something the store did on the analyst's behalf at startup that they must know about. */
export const StoreNotice = z.object({
  /** The file, relative to the data folder (`library.json`, `articles/<id>/article.json`). */
  file: z.string(),
  /** Where the damaged file now lies, relative to the data folder; null when it was missing. */
  setAsideAs: z.string().nullable(),
  /** Why it could not be used, in plain words. */
  reason: z.string(),
  /** What Margin did about it and what, if anything, was lost. */
  outcome: z.string(),
});
export type StoreNotice = z.infer<typeof StoreNotice>;

export const LibraryStatus = z.object({
  /** The data folder on disk (the analyst's own path). */
  dataDir: z.string(),
  /** Null when writable; otherwise why the library is read-only. */
  readOnlyReason: z.string().nullable(),
  articleCount: z.int().nonnegative(),
  notices: z.array(StoreNotice),
});
export type LibraryStatus = z.infer<typeof LibraryStatus>;
