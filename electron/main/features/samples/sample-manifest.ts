import { z } from 'zod';
import { IsoDate, LanguageCode } from '../../../../shared/domain/primitives';
import { SampleInfo } from '../../../../shared/domain/sample';

/** `seeds/manifest.json`: the sample articles shipped with the app and what is known about them. */
export const SampleManifest = z.object({
  samples: z.array(
    z.object({
      id: SampleInfo.shape.id,
      /** File name inside `seeds/` (no folders: the manifest cannot point elsewhere). */
      file: z.string().regex(/^[\w.-]+\.txt$/),
      /** Known up front, so listing samples never loads the language detector at startup. */
      language: LanguageCode,
      source: z.string().optional(),
      author: z.string().optional(),
      publishedAt: IsoDate.optional(),
      description: z.string(),
    }),
  ),
});
export type SampleManifest = z.infer<typeof SampleManifest>;
export type SampleEntry = SampleManifest['samples'][number];
