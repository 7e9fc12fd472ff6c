import type { StoreNotice } from '../../../shared/domain/library-status';
import type { GenerationStore } from './generations/generation-store';
import type { LibraryLayout } from './library-layout';
import type { ReadOnlyGuard } from './read-only-guard';

/** What every repository of an open library shares. */
export interface StoreContext {
  layout: LibraryLayout;
  /** Throws STORE_READ_ONLY when the library may not be written (newer format, closing). */
  assertWritable: ReadOnlyGuard;
  /** Tells the analyst about a store file that was set aside or could not be read. */
  report: (notice: StoreNotice) => void;
  now: () => Date;
  /** Rolling copies of the files that change: kept after writes, restored when one is damaged. */
  generations: GenerationStore;
  /** Called after each store file is saved (saving works: a failure banner can go). */
  saved: () => void;
}
