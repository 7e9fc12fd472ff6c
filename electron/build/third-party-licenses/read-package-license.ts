import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { ThirdPartyLicense } from './third-party-license';

/** LICENSE, LICENSE.md, LICENCE-MIT, COPYING.txt, …: the common names of a license file. */
const LICENSE_FILE = /^(licen[cs]e|copying)([-._].*)?$/i;

interface Manifest {
  name?: unknown;
  version?: unknown;
  license?: unknown;
  /** The deprecated form: `[{ type: "MIT" }]` or `{ type: "MIT" }`. */
  licenses?: unknown;
}

function licenseOf(manifest: Manifest): string {
  if (typeof manifest.license === 'string' && manifest.license.trim()) return manifest.license;
  const legacy = [manifest.license, manifest.licenses].flat();
  const types = legacy
    .map((entry) =>
      entry && typeof entry === 'object' ? (entry as { type?: unknown }).type : null,
    )
    .filter((type): type is string => typeof type === 'string' && type.trim() !== '');
  if (types.length === 0) return 'UNKNOWN';
  return types.length === 1 ? types[0]! : `(${types.join(' OR ')})`;
}

async function licenseTextIn(packageDir: string): Promise<string | null> {
  // Prefer the plain LICENSE over LICENSE-APACHE & co. when a package ships several.
  const [first] = (await readdir(packageDir))
    .filter((name) => LICENSE_FILE.test(name))
    .sort((a, b) => a.length - b.length || a.localeCompare(b));
  return first ? (await readFile(join(packageDir, first), 'utf8')).trim() : null;
}

/** The name, version, license and license text of the package installed in `packageDir`. */
export async function readPackageLicense(packageDir: string): Promise<ThirdPartyLicense> {
  const manifest = JSON.parse(await readFile(join(packageDir, 'package.json'), 'utf8')) as Manifest;
  if (typeof manifest.name !== 'string' || typeof manifest.version !== 'string') {
    throw new Error(`${packageDir}/package.json has no name or version.`);
  }
  return {
    name: manifest.name,
    version: manifest.version,
    license: licenseOf(manifest),
    licenseText: await licenseTextIn(packageDir),
  };
}
