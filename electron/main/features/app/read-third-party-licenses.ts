import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';
import { ThirdPartyLicense } from '../../../../shared/domain/app-info';
import type { Logger } from '../../logging/logger';

/** The bundles the build writes a license list next to. */
const BUNDLES = ['main', 'preload', 'renderer'] as const;
const FILE_NAME = 'third-party-licenses.json';

/**
 * The licenses of the dependencies bundled into Margin, from the lists the build writes
 * into `outDir`'s main, preload and renderer folders: merged, one entry per name@version
 * (the one with a license text when only one has it), sorted by name. A missing list is
 * skipped; a damaged one is logged and skipped (and a damaged entry in a list), never
 * thrown: the About window shows what could be read.
 */
export async function readThirdPartyLicenses(
  outDir: string,
  logger: Logger,
): Promise<ThirdPartyLicense[]> {
  const merged = new Map<string, ThirdPartyLicense>();
  for (const bundle of BUNDLES) {
    for (const entry of await readList(join(outDir, bundle, FILE_NAME), logger)) {
      const key = `${entry.name}@${entry.version}`;
      const known = merged.get(key);
      if (!known || (known.licenseText === null && entry.licenseText !== null)) {
        merged.set(key, entry);
      }
    }
  }
  return [...merged.values()].sort(
    (a, b) => compare(a.name, b.name) || compare(a.version, b.version),
  );
}

const compare = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

async function readList(file: string, logger: Logger): Promise<ThirdPartyLicense[]> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') {
      logger.warn(`Licenses: could not read ${file}; skipped.`, error);
    }
    return [];
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (error) {
    logger.warn(`Licenses: ${file} is not valid JSON; skipped.`, error);
    return [];
  }
  if (!Array.isArray(parsed)) {
    logger.warn(`Licenses: ${file} does not hold a list of licenses; skipped.`);
    return [];
  }
  const entries: ThirdPartyLicense[] = [];
  let damaged = 0;
  for (const item of parsed) {
    const entry = ThirdPartyLicense.safeParse(item);
    if (entry.success) entries.push(entry.data);
    else {
      if (damaged === 0) logger.warn(`Licenses: ${file}: ${z.prettifyError(entry.error)}`);
      damaged++;
    }
  }
  if (damaged > 0) logger.warn(`Licenses: skipped ${damaged} damaged entries of ${file}.`);
  return entries;
}
