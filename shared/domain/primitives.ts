import { z } from 'zod';

/** A calendar date, `YYYY-MM-DD` (when an article was published). */
export const IsoDate = z.iso.date();
export type IsoDate = z.infer<typeof IsoDate>;

/** An instant with time zone, ISO 8601 (`2026-11-25T20:30:00.000Z`). */
export const IsoDateTime = z.iso.datetime({ offset: true });
export type IsoDateTime = z.infer<typeof IsoDateTime>;

/** Ids are random UUIDs: they name folders on disk, so nothing else is accepted. */
export const EntityId = z.uuid();
export type EntityId = z.infer<typeof EntityId>;

/** ISO 639-1 (or -3) language code; `und` when it could not be determined. */
export const LanguageCode = z.string().regex(/^(?:[a-z]{2,3}|und)$/);
export type LanguageCode = z.infer<typeof LanguageCode>;

/** SHA-256 of the canonical text, lowercase hex. */
export const ContentHash = z.string().regex(/^[0-9a-f]{64}$/);
export type ContentHash = z.infer<typeof ContentHash>;
