import { join } from 'node:path';
import {
  flipFuses,
  FuseV1Options,
  FuseVersion,
  getCurrentFuseWire,
  type FuseV1Config,
} from '@electron/fuses';

/**
 * The fuses flipped in every packaged Electron binary (they are bits in the executable,
 * so no flag or environment variable can turn them back on):
 * - no `ELECTRON_RUN_AS_NODE`, `NODE_OPTIONS` or `--inspect`: the signed app cannot be
 *   used as a plain Node interpreter or debugged into;
 * - `file://` pages get no extra privileges (Margin serves its page over `app://`);
 * - the app is loaded only from its asar archive, whose integrity is checked.
 * Every fuse this library names is stated.
 */
export const MARGIN_FUSES: FuseV1Config = {
  version: FuseVersion.V1,
  [FuseV1Options.RunAsNode]: false,
  [FuseV1Options.EnableCookieEncryption]: true,
  [FuseV1Options.EnableNodeOptionsEnvironmentVariable]: false,
  [FuseV1Options.EnableNodeCliInspectArguments]: false,
  [FuseV1Options.EnableEmbeddedAsarIntegrityValidation]: true,
  [FuseV1Options.OnlyLoadAppFromAsar]: true,
  [FuseV1Options.LoadBrowserProcessSpecificV8Snapshot]: false,
  [FuseV1Options.GrantFileProtocolExtraPrivileges]: false,
};

/**
 * How many fuses Electron's binary may carry: the eight above, and a ninth since Electron
 * 38 (WasmTrapHandlers, which @electron/fuses 1.x does not name; 2.x needs Node 22), left
 * on as Electron ships it. A binary with more fails the build until Margin decides on them.
 */
export const DECIDED_FUSE_COUNT = 9;

/** What electron-builder tells the afterPack hook about the app it has just packed. */
export interface PackedApp {
  readonly appOutDir: string;
  readonly electronPlatformName: string;
  readonly packager: {
    readonly appInfo: { readonly productFilename: string };
    readonly executableName?: string;
  };
}

/** The Electron executable (or macOS bundle) inside the packed app. */
export function packedElectronBinary({
  appOutDir,
  electronPlatformName,
  packager,
}: PackedApp): string {
  const name = packager.appInfo.productFilename;
  switch (electronPlatformName) {
    case 'darwin':
    case 'mas':
      return join(appOutDir, `${name}.app`);
    case 'win32':
      return join(appOutDir, `${name}.exe`);
    default:
      return join(appOutDir, packager.executableName ?? name.toLowerCase());
  }
}

/** electron-builder's afterPack hook: flips Margin's fuses before the app is signed. */
export async function flipMarginFuses(context: PackedApp): Promise<void> {
  const binary = packedElectronBinary(context);
  const fuses = Object.keys(await getCurrentFuseWire(binary)).filter((key) => /^\d+$/.test(key));
  if (fuses.length > DECIDED_FUSE_COUNT) {
    throw new Error(
      `This Electron has ${fuses.length} fuses; Margin has decided on ${DECIDED_FUSE_COUNT}. ` +
        'Decide on the new ones in electron/build/margin-fuses.ts before packaging.',
    );
  }
  await flipFuses(binary, {
    ...MARGIN_FUSES,
    // An arm64 macOS binary must carry a signature; the real one is applied after this hook.
    resetAdHocDarwinSignature: context.electronPlatformName === 'darwin',
  });
}
