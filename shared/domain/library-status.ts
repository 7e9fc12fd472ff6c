import { z } from 'zod';
import { IntegrityProblem, WriteFailure } from './durability';

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
  /** The headline, when it is not "<file> was damaged" (a conflict copy, a recovered write). */
  title: z.string().optional(),
});
export type StoreNotice = z.infer<typeof StoreNotice>;

export const LibraryStatus = z.object({
  /** The data folder on disk (the analyst's own path). */
  dataDir: z.string(),
  /** Null when writable; otherwise why the library is read-only. */
  readOnlyReason: z.string().nullable(),
  articleCount: z.int().nonnegative(),
  notices: z.array(StoreNotice),
  /** Set while saving fails; cleared when main finds the data folder writable again (it checks every few seconds and at each status request). */
  writeFailure: WriteFailure.nullable(),
  /** References that point at nothing, found by the startup check (reported, never deleted). */
  integrity: z.array(IntegrityProblem),
  /** The startup check of every store file is still running. */
  checking: z.boolean(),
});
export type LibraryStatus = z.infer<typeof LibraryStatus>;
