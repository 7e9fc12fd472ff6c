import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { SampleInfo } from '../../../../shared/domain/sample';
import { inferTitle } from '../../../../shared/text/infer-title';
import { normalizeArticleText } from '../../../../shared/text/normalize-article-text';
import { AppError } from '../../errors/app-error';
import { SampleManifest, type SampleEntry } from './sample-manifest';

export interface Sample extends SampleInfo {
  entry: SampleEntry;
  text: string;
}

export interface SampleCatalog {
  list(): Promise<SampleInfo[]>;
  get(id: string): Promise<Sample>;
}

const strictUtf8 = new TextDecoder('utf-8', { fatal: true });

/** The samples in `seedsDir`, read once and kept: they ship with the app and never change. */
export function createSampleCatalog(seedsDir: string): SampleCatalog {
  let loaded: Promise<Sample[]> | undefined;

  async function load(): Promise<Sample[]> {
    const manifest = SampleManifest.parse(
      JSON.parse(await readFile(join(seedsDir, 'manifest.json'), 'utf8')),
    );
    return Promise.all(
      manifest.samples.map(async (entry) => {
        const text = strictUtf8.decode(await readFile(join(seedsDir, entry.file)));
        const title = inferTitle(normalizeArticleText(text));
        return { id: entry.id, title, language: entry.language, entry, text };
      }),
    );
  }

  async function all(): Promise<Sample[]> {
    loaded ??= load().catch((error: unknown) => {
      loaded = undefined;
      throw new AppError(
        'INTERNAL',
        'The sample articles that ship with Margin could not be read; the installation may be damaged.',
        { cause: error },
      );
    });
    return loaded;
  }

  return {
    list: async () => (await all()).map(({ id, title, language }) => ({ id, title, language })),
    get: async (id) => {
      const sample = (await all()).find((s) => s.id === id);
      if (!sample) throw new AppError('NOT_FOUND', `There is no sample article called "${id}".`);
      return sample;
    },
  };
}
