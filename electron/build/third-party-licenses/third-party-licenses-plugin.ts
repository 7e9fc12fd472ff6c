import type { Plugin } from 'vite';
import { packageRootOf } from './package-root-of';
import { productionPackageDirs } from './production-package-dirs';
import { readPackageLicense } from './read-package-license';
import { THIRD_PARTY_LICENSES_FILE, type ThirdPartyLicense } from './third-party-license';

export interface ThirdPartyLicensesOptions {
  /**
   * Also list the production dependencies. The main bundle leaves them external: they ship
   * as `node_modules` inside `app.asar`, so their licenses belong to the app as well.
   */
  projectDir?: string;
}

/**
 * Writes `third-party-licenses.json` next to a bundle, at build time: every npm package
 * compiled into it (and, for main, every package shipped beside it), with its license and
 * license text, for the About dialog.
 */
export function thirdPartyLicenses({ projectDir }: ThirdPartyLicensesOptions = {}): Plugin {
  return {
    name: 'margin-third-party-licenses',
    apply: 'build',
    async generateBundle(_options, bundle) {
      const dirs = new Set<string>();
      for (const output of Object.values(bundle)) {
        if (output.type !== 'chunk') continue;
        for (const id of output.moduleIds) {
          const root = packageRootOf(id);
          if (root) dirs.add(root);
        }
      }
      if (projectDir) for (const dir of await productionPackageDirs(projectDir)) dirs.add(dir);

      const byKey = new Map<string, ThirdPartyLicense>();
      for (const dir of dirs) {
        const entry = await readPackageLicense(dir);
        byKey.set(`${entry.name}@${entry.version}`, entry);
      }
      const licenses = [...byKey.values()].sort(
        (a, b) => a.name.localeCompare(b.name) || a.version.localeCompare(b.version),
      );
      this.emitFile({
        type: 'asset',
        fileName: THIRD_PARTY_LICENSES_FILE,
        source: `${JSON.stringify(licenses, null, 1)}\n`,
      });
    },
  };
}
