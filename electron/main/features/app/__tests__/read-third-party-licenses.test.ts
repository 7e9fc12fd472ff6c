import { cp, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { collectingLogger } from '../../../test-support/collecting-logger';
import { createTempDataDir } from '../../../test-support/temp-data-dir';
import { readThirdPartyLicenses } from '../read-third-party-licenses';

const fixtures = join(import.meta.dirname, 'fixtures');

describe('readThirdPartyLicenses', () => {
  const cleanups: (() => Promise<void>)[] = [];
  afterEach(async () => {
    await Promise.all(cleanups.splice(0).map((cleanup) => cleanup()));
  });

  it('merges the three bundles’ lists, one entry per name@version, sorted by name', async () => {
    const logger = collectingLogger();
    const licenses = await readThirdPartyLicenses(join(fixtures, 'valid'), logger);
    expect(licenses.map((l) => `${l.name}@${l.version}`)).toEqual([
      '@mantine/core@9.7.3',
      'lowdb@7.0.1',
      'react@19.3.1',
      'shared-helper@1.0.0',
      'zod@3.25.0',
      'zod@4.6.7',
    ]);
    // Listed without a text by main, with one by the renderer: the text is kept.
    expect(licenses.find((l) => l.name === 'shared-helper')).toEqual({
      name: 'shared-helper',
      version: '1.0.0',
      license: 'ISC',
      licenseText: 'ISC License\n\nCopyright (c) the shared-helper authors\n',
    });
    expect(licenses.find((l) => l.version === '3.25.0')?.licenseText).toBeNull();
    expect(logger.lines).toEqual([]);
  });

  it('skips the lists that are missing, quietly', async () => {
    const logger = collectingLogger();
    const licenses = await readThirdPartyLicenses(join(fixtures, 'partial'), logger);
    expect(licenses.map((l) => l.name)).toEqual(['react']);
    expect(logger.lines).toEqual([]);
  });

  it('has nothing to list when the build folder holds no lists', async () => {
    const logger = collectingLogger();
    expect(await readThirdPartyLicenses(join(fixtures, 'no-such-folder'), logger)).toEqual([]);
    expect(logger.lines).toEqual([]);
  });

  it('logs and skips a truncated list, a list that is not one, and damaged entries', async () => {
    const temp = await createTempDataDir('margin-licenses-');
    cleanups.push(temp.cleanup);
    await cp(join(fixtures, 'malformed'), temp.dir, { recursive: true });
    await cp(join(fixtures, 'valid/main'), join(temp.dir, 'main'), { recursive: true });
    const truncated = join(temp.dir, 'main/third-party-licenses.json');
    await writeFile(truncated, '[{"name": "zod", "version": "4.6.7", "license": "MIT", "lic');

    const logger = collectingLogger();
    const licenses = await readThirdPartyLicenses(temp.dir, logger);

    expect(licenses).toEqual([
      { name: 'react', version: '19.3.1', license: 'MIT', licenseText: 'MIT License\n' },
    ]);
    const log = logger.lines.join('\n');
    expect(log).toContain(`${truncated} is not valid JSON; skipped.`);
    expect(log).toContain('preload/third-party-licenses.json does not hold a list of licenses');
    expect(log).toContain('skipped 2 damaged entries of');
  });
});
