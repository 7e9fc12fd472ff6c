import { existsSync } from 'node:fs';
import { mkdtemp, readdir, readFile, rm, stat } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join, relative, sep } from 'node:path';
import { pathToFileURL } from 'node:url';
import { extractAll, listPackage } from '@electron/asar';
import { FuseV1Options, getCurrentFuseWire } from '@electron/fuses';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  makeSimplePdf,
  SIMPLE_TITLE,
} from '../../main/features/import/__tests__/fixtures/make-pdf';
import {
  makeResearchDocx,
  RESEARCH_DOCX,
} from '../../main/features/import/__tests__/fixtures/make-docx';
import { createParserPool } from '../../main/features/import/worker/parser-pool';
import { MARGIN_FUSES } from '../margin-fuses';
import { packUnpackedApp } from '../pack-unpacked-app';
import { writeStandInElectron } from '../stand-in-electron';
import type { ThirdPartyLicense } from '../third-party-licenses/third-party-license';

/**
 * The app as the installers would contain it: `electron-builder --dir` with the project's
 * configuration, around a stand-in Electron (the real one cannot be downloaded here).
 * Needs the built app in out/ (`npm run test:package` builds it first).
 */
const projectDir = process.cwd();
/** The packed app (app.asar, unpacked native files and the seeds) must stay under this. */
const SIZE_BUDGET_MB = 60;

let workDir: string;
let appDir: string;
let asarPath: string;
let extracted: string;
let entries: string[];

const rootPackage = JSON.parse(await readFile(join(projectDir, 'package.json'), 'utf8')) as {
  name: string;
  version: string;
  main: string;
  devDependencies: Record<string, string>;
};

async function folderBytes(dir: string): Promise<number> {
  let total = 0;
  for (const entry of await readdir(dir, { withFileTypes: true, recursive: true })) {
    if (entry.isFile()) total += (await stat(join(entry.parentPath, entry.name))).size;
  }
  return total;
}

/** Top-level packages under node_modules in the archive (`@scope/name` or `name`). */
function packedPackages(): Set<string> {
  const names = new Set<string>();
  for (const entry of entries) {
    const parts = entry.split('/').filter(Boolean);
    if (parts[0] !== 'node_modules' || !parts[1]) continue;
    if (!parts[1].startsWith('@')) names.add(parts[1]);
    else if (parts[2]) names.add(`${parts[1]}/${parts[2]}`);
  }
  return names;
}

/** Every package the main bundles import without bundling them (`from "jsdom"`, `import("eld/…")`). */
async function bareImportsOfMain(): Promise<string[]> {
  const dir = join(extracted, 'out', 'main');
  const specifiers = new Set<string>();
  for (const entry of await readdir(dir, { recursive: true })) {
    if (!entry.endsWith('.js')) continue;
    const code = await readFile(join(dir, entry), 'utf8');
    for (const [, specifier] of code.matchAll(
      /(?:\bfrom\s*|\bimport\s*\(\s*|\brequire\(\s*)["']((?:@[a-z0-9][\w.-]*\/)?[a-z0-9][\w.-]*(?:\/[\w./-]+)?)["']/g,
    )) {
      if (specifier && !specifier.startsWith('node:')) specifiers.add(specifier);
    }
  }
  return [...specifiers].sort();
}

/** Every package in the archive's node_modules (nested ones too), as `name@version`. */
async function shippedPackages(): Promise<string[]> {
  const manifests = entries.filter((e) =>
    /^(\/node_modules\/(@[^/]+\/)?[^/@][^/]*)+\/package\.json$/.test(e),
  );
  return Promise.all(
    manifests.map(async (file) => {
      const { name, version } = JSON.parse(await readFile(join(extracted, file), 'utf8')) as {
        name: string;
        version: string;
      };
      return `${name}@${version}`;
    }),
  );
}

beforeAll(async () => {
  if (!existsSync(join(projectDir, 'out', 'main', 'index.js'))) {
    throw new Error('The app is not built: run `npm run build` (or `npm run test:package`).');
  }
  workDir = await mkdtemp(join(tmpdir(), 'margin-pack-'));
  const electronDist = join(workDir, 'stand-in-electron');
  await writeStandInElectron(electronDist);
  appDir = await packUnpackedApp({ projectDir, outputDir: join(workDir, 'dist'), electronDist });
  asarPath = join(appDir, 'resources', 'app.asar');
  entries = listPackage(asarPath, { isPack: false }).map((entry) => entry.split(sep).join('/'));
  extracted = join(workDir, 'extracted');
  extractAll(asarPath, extracted);
});

afterAll(async () => {
  if (workDir) await rm(workDir, { recursive: true, force: true });
});

describe('the packed app', () => {
  it('holds the main, preload and renderer bundles in app.asar', () => {
    for (const bundle of [
      '/package.json',
      '/out/main/index.js',
      '/out/main/import-worker.js',
      '/out/preload/index.cjs',
      '/out/renderer/index.html',
    ]) {
      expect(entries, bundle).toContain(bundle);
    }
    expect(entries.some((e) => /^\/out\/renderer\/assets\/index-[\w-]+\.js$/.test(e))).toBe(true);
    expect(entries.some((e) => /^\/out\/renderer\/assets\/index-[\w-]+\.css$/.test(e))).toBe(true);
  });

  it('holds no tests, fixtures, sources, source maps or project folders', () => {
    const offending = entries.filter(
      (e) =>
        /\/(__tests__|__mocks__|tests?|fixtures?)\//.test(e) ||
        /\.(test|spec)\.[cm]?[jt]sx?$/.test(e) ||
        /\.([cm]?ts|tsx)$/.test(e) ||
        /\.map$/.test(e) ||
        /^\/(electron|shared|renderer|e2e|bench|docs|seeds|\.ci|dist|src)\//.test(e),
    );
    expect(offending).toEqual([]);
  });

  it('holds production dependencies only, and every one the main bundle imports', async () => {
    const lock = JSON.parse(await readFile(join(projectDir, 'package-lock.json'), 'utf8')) as {
      packages: Record<string, { dev?: boolean; version?: string }>;
    };
    // electron-builder may hoist a nested copy, so compare name@version, not the path.
    const production = new Set(
      Object.entries(lock.packages)
        .filter(([path, entry]) => path.includes('node_modules/') && !entry.dev)
        .map(
          ([path, entry]) =>
            `${path.slice(path.lastIndexOf('node_modules/') + 13)}@${entry.version}`,
        ),
    );
    const shipped = await shippedPackages();
    expect(shipped.length).toBeGreaterThan(50);
    expect(shipped.filter((pkg) => !production.has(pkg))).toEqual([]);
    const packed = packedPackages();
    // The tools and the renderer's libraries (bundled into the page) never ship as modules.
    for (const name of ['electron', 'electron-builder', 'vite', 'vitest', 'typescript', 'react']) {
      expect(packed.has(name), name).toBe(false);
    }
    for (const name of Object.keys(rootPackage.devDependencies)) {
      if (lock.packages[`node_modules/${name}`]?.dev) expect(packed.has(name), name).toBe(false);
    }
    const fromMain = createRequire(join(extracted, 'out', 'main', 'index.js'));
    const imported = await bareImportsOfMain();
    expect(imported).toEqual(
      expect.arrayContaining(['jsdom', 'lowdb', 'mammoth', 'pdfjs-dist/legacy/build/pdf.mjs']),
    );
    const unresolved = imported.filter((specifier) => {
      if (specifier === 'electron') return false; // Electron provides it at run time.
      try {
        return !fromMain.resolve(specifier).startsWith(extracted);
      } catch {
        // ESM-only packages have no `require` condition: look for the package folder.
        const name = specifier
          .split('/')
          .slice(0, specifier.startsWith('@') ? 2 : 1)
          .join('/');
        return !existsSync(join(extracted, 'node_modules', name, 'package.json'));
      }
    });
    expect(unresolved).toEqual([]);
  });

  it('parses a PDF, a Word file and a web page with the packed parsers, and detects the language', async () => {
    const parser = createParserPool({
      workerFile: join(extracted, 'out', 'main', 'import-worker.js'),
      logger: { info: () => undefined, warn: () => undefined, error: () => undefined },
    });
    try {
      const pdf = await parser.parse({
        kind: 'bytes',
        format: 'pdf',
        bytes: await makeSimplePdf(),
      });
      expect(pdf.text).toContain(SIMPLE_TITLE);
      const docx = await parser.parse({
        kind: 'bytes',
        format: 'docx',
        bytes: await makeResearchDocx(),
      });
      expect(docx.metadata.title).toBe(RESEARCH_DOCX.title);
      const page = await readFile(
        join(projectDir, 'e2e/fixtures/news-html/guardian-1/source.html'),
      );
      const html = await parser.parse({ kind: 'bytes', format: 'html', bytes: page });
      expect(html.text).toMatch(/whale/i);
    } finally {
      await parser.close();
    }
    const eldUrl = pathToFileURL(
      join(extracted, 'node_modules/eld/src/entries/static.extrasmall.js'),
    );
    const { eld } = (await import(eldUrl.href)) as {
      eld: { detect(text: string): { language: string } };
    };
    expect(eld.detect('Der Umsatz des Konzerns stieg im Berichtszeitraum deutlich.').language).toBe(
      'de',
    );
  });

  it('ships a package.json with the right name, version and entry, and no scripts', async () => {
    const packed = JSON.parse(await readFile(join(extracted, 'package.json'), 'utf8')) as Record<
      string,
      unknown
    >;
    expect(packed.name).toBe('margin');
    expect(packed.productName).toBe('Margin');
    expect(packed.version).toBe(rootPackage.version);
    expect(packed.main).toBe(rootPackage.main);
    expect(existsSync(join(extracted, String(packed.main)))).toBe(true);
    expect(packed).not.toHaveProperty('scripts');
    expect(packed).not.toHaveProperty('devDependencies');
  });

  it('lists the license of every package it ships, for the About dialog', async () => {
    const listed = new Map<string, ThirdPartyLicense>();
    for (const part of ['main', 'preload', 'renderer']) {
      const file = join(extracted, 'out', part, 'third-party-licenses.json');
      for (const entry of JSON.parse(await readFile(file, 'utf8')) as ThirdPartyLicense[]) {
        listed.set(`${entry.name}@${entry.version}`, entry);
      }
    }
    // Every module in the archive, at the version shipped.
    const shipped = await shippedPackages();
    expect(shipped.filter((pkg) => !listed.has(pkg))).toEqual([]);
    // And what the page bundles (it has no node_modules of its own).
    const byName = new Map([...listed.values()].map((entry) => [entry.name, entry]));
    for (const name of ['react', '@mantine/core', '@tiptap/core', 'jsdom', 'pdfjs-dist']) {
      expect(byName.get(name)?.license, name).toMatch(/MIT|Apache-2\.0/);
      expect(byName.get(name)?.licenseText, name).toBeTruthy();
    }
    expect([...listed.values()].filter((entry) => entry.license === 'UNKNOWN')).toEqual([]);
  });

  it('has the seed articles beside the archive, not inside it', async () => {
    const manifest = join(appDir, 'resources', 'seeds', 'manifest.json');
    expect(existsSync(manifest)).toBe(true);
    expect(JSON.parse(await readFile(manifest, 'utf8'))).toBeTruthy();
  });

  it("flipped Electron's fuses in the packed executable", async () => {
    const wire = await getCurrentFuseWire(join(appDir, 'margin'));
    for (const [fuse, enabled] of Object.entries(MARGIN_FUSES)) {
      if (!/^\d+$/.test(fuse)) continue;
      const expected = (enabled ? '1' : '0').charCodeAt(0);
      expect(wire[Number(fuse) as FuseV1Options], FuseV1Options[Number(fuse)]).toBe(expected);
    }
  });

  it(`stays under ${SIZE_BUDGET_MB} MB`, async () => {
    const resources = join(appDir, 'resources');
    const parts = {
      'app.asar': (await stat(asarPath)).size,
      'app.asar.unpacked': existsSync(`${asarPath}.unpacked`)
        ? await folderBytes(`${asarPath}.unpacked`)
        : 0,
      seeds: await folderBytes(join(resources, 'seeds')),
    };
    const total = Object.values(parts).reduce((sum, bytes) => sum + bytes, 0);
    const mb = (bytes: number) => `${(bytes / 1e6).toFixed(1)} MB`;
    console.log(
      `Packed app: ${mb(total)} (budget ${SIZE_BUDGET_MB} MB): ` +
        Object.entries(parts)
          .map(([name, bytes]) => `${name} ${mb(bytes)}`)
          .join(', ') +
        `; ${entries.length} archive entries in ${relative(workDir, appDir)}`,
    );
    expect(total).toBeLessThan(SIZE_BUDGET_MB * 1e6);
  });
});
