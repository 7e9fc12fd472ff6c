import { z } from 'zod';
import { IMPORT_FILE_MAX_BYTES } from './article';
import { EntityId } from './primitives';

/**
 * Every import call carries an id the renderer chose, so that the analyst can cancel it
 * while it runs (`import:cancel`).
 */
export const ImportRequestId = z.uuid();

const ImportOptions = {
  requestId: ImportRequestId,
  /** Import even though the same text is in the library, as a new version of that article. */
  asNewVersionOf: EntityId.optional(),
  /** For an encrypted PDF, after the analyst was asked for it. */
  password: z.string().max(1024).optional(),
};

/** A file the analyst picked in the open dialog. Main keeps its path; the page sees a token. */
export const ChosenFile = z.object({
  token: z.uuid(),
  name: z.string().min(1).max(500),
  size: z.int().nonnegative(),
});
export type ChosenFile = z.infer<typeof ChosenFile>;

export const ImportFileInput = z.object({ token: ChosenFile.shape.token, ...ImportOptions });
export type ImportFileInput = z.infer<typeof ImportFileInput>;

/**
 * A file dropped onto the window: the page reads its bytes (the analyst handed them over
 * by dropping), so main never opens a path that the page named.
 */
export const ImportBytesInput = z.object({
  name: z.string().trim().min(1).max(500),
  bytes: z.instanceof(Uint8Array).refine((b) => b.byteLength <= IMPORT_FILE_MAX_BYTES, {
    message: 'file too large',
  }),
  ...ImportOptions,
});
export type ImportBytesInput = z.infer<typeof ImportBytesInput>;

export const ImportUrlInput = z.object({
  url: z.string().trim().min(1).max(8192),
  ...ImportOptions,
});
export type ImportUrlInput = z.infer<typeof ImportUrlInput>;
