import { mkdir, writeFile } from 'node:fs/promises';
import { join, sep } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTempDataDir } from '../../main/test-support/temp-data-dir';
import { packageRootOf } from '../third-party-licenses/package-root-of';
import { productionPackageDirs } from '../third-party-licenses/production-package-dirs';
import { readPackageLicense } from '../third-party-licenses/read-package-license';

const p = (...parts: string[]) => parts.join(sep);

describe('the package a bundled module comes from', () => {
  it('is the folder after the last node_modules, with its scope', () => {
    expect(packageRootOf(p('', 'app', 'node_modules', 'react', 'cjs', 'react.js'))).toBe(
      p('', 'app', 'node_modules', 'react'),
    );
    expect(packageRootOf(p('', 'app', 'node_modules', '@mantine', 'core', 'esm', 'x.mjs'))).toBe(
      p('', 'app', 'node_modules', '@mantine', 'core'),
    );
    expect(packageRootOf(p('', 'app', 'node_modules', 'a', 'node_modules', 'b', 'index.js'))).toBe(
      p('', 'app', 'node_modules', 'a', 'node_modules', 'b'),
    );
  });

  it('ignores queries and virtual-module prefixes, and is null for the app’s own code', () => {
    expect(
      packageRootOf(`\0${p('', 'app', 'node_modules', 'zod', 'index.js')}?commonjs-proxy`),
    ).toBe(p('', 'app', 'node_modules', 'zod'));
    expect(packageRootOf(p('', 'app', 'renderer', 'src', 'App.tsx'))).toBeNull();
    expect(packageRootOf('\0vite/preload-helper')).toBeNull();
  });
});

describe('a package’s license', () => {
  let dir: string;
  let cleanup: () => Promise<void>;
  const pkg = async (name: string, manifest: object, files: Record<string, string> = {}) => {
    const folder = join(dir, name);
    await mkdir(folder, { recursive: true });
    await writeFile(join(folder, 'package.json'), JSON.stringify(manifest));
    for (const [file, text] of Object.entries(files)) await writeFile(join(folder, file), text);
    return folder;
  };
  beforeAll(async () => ({ dir, cleanup } = await createTempDataDir('margin-licenses-')));
  afterAll(() => cleanup());

  it('reads the SPDX expression and the LICENSE file', async () => {
    const folder = await pkg(
      'modern',
      { name: 'modern', version: '1.2.3', license: '(MIT OR Apache-2.0)' },
      { 'LICENSE-APACHE': 'Apache text', LICENSE: '  MIT text \n', 'README.md': 'readme' },
    );
    expect(await readPackageLicense(folder)).toEqual({
      name: 'modern',
      version: '1.2.3',
      license: '(MIT OR Apache-2.0)',
      licenseText: 'MIT text',
    });
  });

  it('understands the deprecated `licenses` form and COPYING files', async () => {
    const folder = await pkg(
      'legacy',
      { name: 'legacy', version: '0.1.0', licenses: [{ type: 'BSD' }, { type: 'GPL-2.0' }] },
      { 'COPYING.txt': 'copying' },
    );
    expect(await readPackageLicense(folder)).toMatchObject({
      license: '(BSD OR GPL-2.0)',
      licenseText: 'copying',
    });
  });

  it('says UNKNOWN and null when the package names no license and ships none', async () => {
    const folder = await pkg('bare', { name: 'bare', version: '1.0.0' });
    expect(await readPackageLicense(folder)).toMatchObject({
      license: 'UNKNOWN',
      licenseText: null,
    });
  });

  it('refuses a manifest without name or version', async () => {
    const folder = await pkg('broken', { license: 'MIT' });
    await expect(readPackageLicense(folder)).rejects.toThrow(/no name or version/);
  });

  it('lists the installed production packages of a lockfile, not dev or missing ones', async () => {
    const project = join(dir, 'project');
    await mkdir(project);
    await pkg(join('project', 'node_modules', 'runtime'), { name: 'runtime', version: '1.0.0' });
    await pkg(join('project', 'node_modules', 'tool'), { name: 'tool', version: '1.0.0' });
    await writeFile(
      join(project, 'package-lock.json'),
      JSON.stringify({
        packages: {
          '': { name: 'project' },
          'node_modules/runtime': { version: '1.0.0' },
          'node_modules/tool': { version: '1.0.0', dev: true },
          'node_modules/other-platform': { version: '1.0.0', optional: true },
        },
      }),
    );
    expect(await productionPackageDirs(project)).toEqual([join(project, 'node_modules/runtime')]);
  });
});
