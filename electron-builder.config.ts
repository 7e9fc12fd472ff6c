import type { Configuration } from 'electron-builder';
import { flipMarginFuses } from './electron/build/margin-fuses';

/**
 * Packaging. The installers themselves (targets, icons, signing) are the packaging
 * issue's; what is here is what security needs in every package: the app in an asar
 * archive, and Electron's fuses flipped right after packing, before signing.
 */
const config: Configuration = {
  appId: 'app.margin.workbench',
  productName: 'Margin',
  directories: { output: 'dist' },
  files: ['out/**', 'package.json'],
  extraResources: [{ from: 'seeds', to: 'seeds' }],
  asar: true,
  afterPack: flipMarginFuses,
};

export default config;
