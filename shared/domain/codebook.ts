import { z } from 'zod';
import { EntityId, IsoDateTime } from './primitives';
import { TAG_NAME_MAX_CHARS, TAG_PATH_SEPARATORS } from './tag-path';

/** One level of a tag path: no separators, so `Risk › Regulatory` always parses the same way. */
export const TagName = z
  .string()
  .trim()
  .min(1, 'a tag name cannot be empty')
  .max(TAG_NAME_MAX_CHARS, `a tag name has at most ${TAG_NAME_MAX_CHARS} characters`)
  .refine(
    (name) => !TAG_PATH_SEPARATORS.some((s) => name.includes(s)),
    'a tag name cannot contain › or /',
  )
  // As splitTagPath does, so a renamed tag and a typed path name the same tag.
  .transform((name) => name.replace(/\s+/g, ' '));

/** A tag in the analyst's codebook; `parentId` makes the hierarchy (`Risk › Regulatory`). */
export const Tag = z.object({
  id: EntityId,
  name: TagName,
  parentId: EntityId.nullable(),
  createdAt: IsoDateTime,
});
export type Tag = z.infer<typeof Tag>;

/** Tags named by path (`Risk › Regulatory` or `Risk/Regulatory`), created when missing. */
export const EnsureTagsInput = z.object({
  paths: z.array(z.string().min(1).max(400)).min(1).max(50),
});
export type EnsureTagsInput = z.infer<typeof EnsureTagsInput>;

export const EnsuredTags = z.object({
  codebook: z.array(Tag),
  /** The id of each requested path, in request order. */
  ids: z.array(EntityId),
});
export type EnsuredTags = z.infer<typeof EnsuredTags>;

export const RenameTagInput = z.object({ id: EntityId, name: TagName });
export type RenameTagInput = z.input<typeof RenameTagInput>;

/** Merges `fromId` into `intoId`: every highlight tagged `from` is tagged `into` instead. */
export const MergeTagsInput = z
  .object({ fromId: EntityId, intoId: EntityId })
  .refine((m) => m.fromId !== m.intoId, 'a tag cannot be merged into itself');
export type MergeTagsInput = z.infer<typeof MergeTagsInput>;

export const MergedTags = z.object({
  codebook: z.array(Tag),
  /** How many highlights were retagged. */
  highlightsChanged: z.int().nonnegative(),
});
export type MergedTags = z.infer<typeof MergedTags>;
