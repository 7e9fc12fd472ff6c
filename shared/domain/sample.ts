import { z } from 'zod';
import { LanguageCode } from './primitives';

/** A sample article shipped in `seeds/`, offered on an empty library. */
export const SampleInfo = z.object({
  id: z.string().regex(/^[a-z0-9-]+$/),
  title: z.string().min(1),
  language: LanguageCode,
});
export type SampleInfo = z.infer<typeof SampleInfo>;
