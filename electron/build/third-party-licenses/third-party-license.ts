/** One package shipped inside Margin, as the About dialog lists it. */
export interface ThirdPartyLicense {
  name: string;
  version: string;
  /** The SPDX expression from the package's manifest ("MIT", "(MIT OR Apache-2.0)"), or "UNKNOWN". */
  license: string;
  /** The package's own LICENSE/COPYING file; null when it ships none. */
  licenseText: string | null;
}

/** The file each part of the build (main, preload, renderer) writes next to its bundle. */
export const THIRD_PARTY_LICENSES_FILE = 'third-party-licenses.json';
