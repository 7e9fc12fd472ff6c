/**
 * Makes the installers' icons from the one design, `margin-icon.svg`:
 * - `<outDir>/png/<n>x<n>.png` for n = 16…1024: electron-builder's Linux icon folder
 *   (`linux.icon` points at `<outDir>/png`; it reads the size from the file name);
 * - `<outDir>/icon.png` (1024 px), the one-file form for anything that wants a single PNG;
 * - `<outDir>/icon.icns` for macOS (`mac.icon`) and `<outDir>/icon.ico` for Windows
 *   (`win.icon`), both derived from the 1024 px PNG.
 *
 * Run: `tsx electron/build/icons/make-icons.ts [outDir]` (default `out/build-resources/icons`).
 */
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Resvg } from '@resvg/resvg-js';
// png2icons is CommonJS: its default export is the whole `module.exports`.
import png2icons from 'png2icons';

/** The sizes of the Linux PNG set (installed into the hicolor theme by size). */
export const PNG_SIZES = [16, 24, 32, 48, 64, 128, 256, 512, 1024] as const;

export const DEFAULT_OUT_DIR = 'out/build-resources/icons';

/** The source design, next to this module. */
export const ICON_SVG = fileURLToPath(new URL('./margin-icon.svg', import.meta.url));

/** The paths of what `makeIcons` wrote. */
export interface IconSet {
  /** The folder of `<n>x<n>.png` files, for `linux.icon`. */
  readonly pngDir: string;
  /** Each PNG of that folder, by its size in pixels. */
  readonly pngs: Readonly<Record<number, string>>;
  /** The 1024 px PNG. */
  readonly png: string;
  readonly icns: string;
  readonly ico: string;
}

/** Renders the SVG to a square PNG of `size` pixels. */
export function renderPng(svg: string | Buffer, size: number): Buffer {
  return new Resvg(svg, { fitTo: { mode: 'width', value: size } }).render().asPng();
}

/** png2icons returns null instead of throwing, and logs nothing unless given a logger. */
function converted(output: Buffer | null, format: string): Buffer {
  if (output === null) throw new Error(`png2icons could not make the ${format} icon`);
  return output;
}

/** Writes the icon set into `outDir` (created if missing; existing files are overwritten). */
export async function makeIcons(outDir: string): Promise<IconSet> {
  const svg = await readFile(ICON_SVG);
  const pngDir = join(outDir, 'png');
  await mkdir(pngDir, { recursive: true });

  // The 1024 px render is both the largest Linux size and the source of ICNS and ICO.
  const master = renderPng(svg, 1024);
  const pngs: Record<number, string> = {};
  for (const size of PNG_SIZES) {
    // Each size is rendered from the vector rather than scaled down from 1024, so the
    // small sizes are anti-aliased on their own pixel grid (the design is drawn on a grid
    // that makes 16 px crisp).
    const path = join(pngDir, `${size}x${size}.png`);
    await writeFile(path, size === 1024 ? master : renderPng(svg, size));
    pngs[size] = path;
  }

  const png = join(outDir, 'icon.png');
  await writeFile(png, master);

  const icns = join(outDir, 'icon.icns');
  await writeFile(icns, converted(png2icons.createICNS(master, png2icons.BICUBIC, 0), 'ICNS'));
  // forWinExe: BMP for the sizes below 64 and PNG above, which every Windows shows well
  // and keeps the icon embedded in Margin.exe small.
  const ico = join(outDir, 'icon.ico');
  await writeFile(
    ico,
    converted(png2icons.createICO(master, png2icons.BICUBIC, 0, false, true), 'ICO'),
  );

  return { pngDir, pngs, png, icns, ico };
}

const runDirectly =
  process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href;
if (runDirectly) {
  const outDir = resolve(process.argv[2] ?? DEFAULT_OUT_DIR);
  makeIcons(outDir).then(
    (set) =>
      console.log(`Icons written to ${outDir} (${Object.keys(set.pngs).length} PNGs, ICNS, ICO)`),
    (error: unknown) => {
      console.error(error);
      process.exitCode = 1;
    },
  );
}
