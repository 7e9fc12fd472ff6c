// electron-builder loads hooks with plain Node, which cannot import TypeScript; this shim
// loads the typed hook through tsx (a devDependency, so it is there wherever `dist` runs).
import { tsImport } from 'tsx/esm/api';

/** @param {import('app-builder-lib').AfterPackContext} context */
export default async function afterPack(context) {
  const { flipMarginFuses } = await tsImport('./margin-fuses.ts', import.meta.url);
  await flipMarginFuses(context);
}
