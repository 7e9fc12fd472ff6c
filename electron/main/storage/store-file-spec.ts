import type { z } from 'zod';

/**
 * How one kind of store file looks on disk: a JSON object stamped with `schemaVersion`,
 * its zod schema for the current version, and one migration per older version.
 */
export interface StoreFileSpec<T extends { schemaVersion: number }> {
  /** For messages to the analyst: "the library index", "an article's text". */
  readonly description: string;
  readonly currentVersion: T['schemaVersion'];
  readonly schema: z.ZodType<T>;
  /**
   * Checked before each write instead of `schema`, when part of the value was checked on
   * its way in and re-checking it would cost a hot path its budget (a memo's body, checked
   * by the channel's schema and the editor's ProseMirror schema, at every autosave).
   */
  readonly writeSchema?: z.ZodType<T>;
  /**
   * Written without indentation: for large files rewritten often (a memo at each autosave),
   * where indentation would add a third to the bytes written and synced.
   */
  readonly compact?: boolean;
  /**
   * What the schema cannot say: two entries with one id. Returns why the value is
   * damaged, or null. Checked on read only (writes build values from checked ones).
   */
  check?(value: T): string | null;
  /** `migrations[n]` turns a version-n object into a version-(n+1) object. */
  readonly migrations: Readonly<
    Record<number, (data: Record<string, unknown>) => Record<string, unknown>>
  >;
}

/** Why a store file could not be used. `newer-version` files are valid, just not ours to write. */
export class StoreFileError extends Error {
  constructor(
    readonly kind: 'corrupt' | 'newer-version',
    readonly reason: string,
    readonly data?: Record<string, unknown>,
    /** The file does not exist at all (nothing to set aside). */
    readonly missing = false,
  ) {
    super(reason);
    this.name = 'StoreFileError';
  }
}
