import { mkdtemp, readFile, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Resvg } from '@resvg/resvg-js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ICON_SVG, type IconSet, makeIcons, PNG_SIZES, renderPng } from '../icons/make-icons';

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

/** Width and height from a PNG's IHDR, the chunk that must come first. */
function pngSize(png: Buffer): { width: number; height: number } {
  expect(png.subarray(0, 8)).toEqual(PNG_SIGNATURE);
  expect(png.toString('ascii', 12, 16)).toBe('IHDR');
  return { width: png.readUInt32BE(16), height: png.readUInt32BE(20) };
}

/** The ICNS chunk types, walking the file from its 8-byte header to its end. */
function icnsChunkTypes(icns: Buffer): string[] {
  const types: string[] = [];
  let at = 8;
  while (at < icns.length) {
    const length = icns.readUInt32BE(at + 4); // includes the 8-byte chunk header
    expect(length).toBeGreaterThan(8);
    types.push(icns.toString('ascii', at, at + 4));
    at += length;
  }
  expect(at).toBe(icns.length);
  return types;
}

let dir: string;
let set: IconSet;

describe('the installer icon set', () => {
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'margin-icons-'));
    set = await makeIcons(dir);
  });
  afterAll(() => rm(dir, { recursive: true, force: true }));

  it('has a PNG of each size, named <n>x<n>.png, that is that many pixels square', async () => {
    expect(Object.keys(set.pngs).map(Number)).toEqual([...PNG_SIZES]);
    for (const size of PNG_SIZES) {
      const path = join(dir, 'png', `${size}x${size}.png`);
      expect(set.pngs[size]).toBe(path);
      expect(pngSize(await readFile(path))).toEqual({ width: size, height: size });
    }
    const icon = await readFile(set.png);
    expect(pngSize(icon)).toEqual({ width: 1024, height: 1024 });
    // A real drawing compresses to tens of kilobytes; an empty canvas to a few hundred bytes.
    expect(icon.length).toBeGreaterThan(10_000);
    expect(icon.length).toBeLessThan(1_000_000);
  });

  it('draws something at 16 px: a transparent margin around an opaque violet tile', async () => {
    const svg = await readFile(ICON_SVG);
    // The written 16 px file is exactly this render, so its pixels are the ones checked.
    expect(await readFile(set.pngs[16]!)).toEqual(renderPng(svg, 16));
    const image = new Resvg(svg, { fitTo: { mode: 'width', value: 16 } }).render();
    expect([image.width, image.height]).toEqual([16, 16]);
    const rgba = (x: number, y: number) => [
      ...image.pixels.subarray((y * 16 + x) * 4, (y * 16 + x + 1) * 4),
    ];
    for (const [x, y] of [
      [0, 0],
      [15, 0],
      [0, 15],
      [15, 15],
    ] as const) {
      expect(rgba(x, y)[3], `corner ${x},${y}`).toBe(0);
    }
    // Left and right of the page, halfway down: the tile, opaque and violet (blue and red
    // well above green).
    for (const x of [2, 13]) {
      const [r, g, b, a] = rgba(x, 8);
      expect(a, `tile at ${x},8`).toBe(255);
      expect(b! - g!, `blue over green at ${x},8`).toBeGreaterThan(80);
      expect(r! - g!, `red over green at ${x},8`).toBeGreaterThan(20);
    }
    // The page in the middle is light: the icon is not one flat colour.
    const [r, g, b] = rgba(8, 12);
    expect(Math.min(r!, g!, b!)).toBeGreaterThan(200);
  });

  it('has an ICO for Windows with the sizes Explorer and the taskbar ask for', async () => {
    const ico = await readFile(set.ico);
    expect(ico.readUInt16LE(0)).toBe(0); // reserved
    expect(ico.readUInt16LE(2)).toBe(1); // 1 = icon (2 would be a cursor)
    const count = ico.readUInt16LE(4);
    expect(count).toBeGreaterThanOrEqual(5);
    const sizes: number[] = [];
    for (let i = 0; i < count; i++) {
      const entry = 6 + 16 * i;
      const width = ico[entry]! || 256; // a byte: 0 stands for 256
      expect(ico[entry + 1]! || 256).toBe(width);
      // Each image lies within the file.
      const bytes = ico.readUInt32LE(entry + 8);
      const offset = ico.readUInt32LE(entry + 12);
      expect(offset).toBeGreaterThanOrEqual(6 + 16 * count);
      expect(offset + bytes).toBeLessThanOrEqual(ico.length);
      sizes.push(width);
    }
    expect(sizes).toEqual(expect.arrayContaining([16, 32, 48, 256]));
  });

  it('has an ICNS for macOS with the Retina sizes and a small one', async () => {
    const icns = await readFile(set.icns);
    expect(icns.toString('ascii', 0, 4)).toBe('icns');
    expect(icns.readUInt32BE(4)).toBe(icns.length);
    const types = icnsChunkTypes(icns);
    expect(types).toEqual(expect.arrayContaining(['ic09', 'ic10'])); // 512 and 512@2x
    // 16 px: is32 (RGB, with its s8mk mask) or ic11 / icp4 (PNG).
    expect(types.some((t) => ['is32', 'ic11', 'icp4'].includes(t))).toBe(true);
  });

  it('writes the same files again when run twice into the same folder', async () => {
    const before = await Promise.all(
      [set.png, set.icns, set.ico, ...Object.values(set.pngs)].map((p) => readFile(p)),
    );
    const again = await makeIcons(dir);
    expect(again).toEqual(set);
    const after = await Promise.all(
      [again.png, again.icns, again.ico, ...Object.values(again.pngs)].map((p) => readFile(p)),
    );
    expect(after).toEqual(before);
    expect((await stat(join(dir, 'png'))).isDirectory()).toBe(true);
  });
});

describe('the icon design', () => {
  it('is a self-contained 1024-unit SVG: no script, no text, no outside references', async () => {
    const svg = await readFile(ICON_SVG, 'utf8');
    expect(svg).toMatch(/viewBox="0 0 1024 1024"/);
    expect(svg).not.toMatch(/<script/i);
    expect(svg).not.toMatch(/<text/i);
    expect(svg).not.toMatch(/href\s*=\s*["']\s*https?:/i);
    // Any reference at all points inside the file (a gradient by id).
    for (const [, target] of svg.matchAll(/(?:href\s*=\s*["']|url\()\s*([^"')]*)/gi)) {
      expect(target).toMatch(/^#/);
    }
  });
});
