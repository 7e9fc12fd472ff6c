import { randomUUID } from 'node:crypto';
import { stat } from 'node:fs/promises';
import { basename } from 'node:path';
import type { ChosenFile } from '../../../../shared/domain/import-request';
import { AppError } from '../../errors/app-error';

/** Enough for any batch; old tokens expire first so a long session cannot grow this forever. */
const MAX_TOKENS = 5_000;

export interface ChosenFiles {
  /** Remembers paths the analyst picked in the dialog and hands out tokens for them. */
  register(paths: readonly string[]): Promise<ChosenFile[]>;
  /** The path behind a token; the page never names a path itself. */
  resolve(token: string): { path: string; name: string };
}

export function createChosenFiles(): ChosenFiles {
  const byToken = new Map<string, { path: string; name: string }>();
  return {
    async register(paths) {
      const files: ChosenFile[] = [];
      for (const path of paths) {
        const token = randomUUID();
        const name = basename(path);
        const size = await stat(path).then(
          (s) => s.size,
          () => 0,
        );
        byToken.set(token, { path, name });
        files.push({ token, name, size });
      }
      for (const token of byToken.keys()) {
        if (byToken.size <= MAX_TOKENS) break;
        byToken.delete(token);
      }
      return files;
    },
    resolve(token) {
      const file = byToken.get(token);
      if (!file) {
        throw new AppError('NOT_FOUND', 'Margin no longer knows this file: choose it again.');
      }
      return file;
    },
  };
}
