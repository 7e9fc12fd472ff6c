import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { FuseV1Options, getCurrentFuseWire } from '@electron/fuses';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { flipMarginFuses, MARGIN_FUSES, packedElectronBinary } from '../margin-fuses';
import { FUSE_SENTINEL, SHIPPED_FUSE_WIRE } from '../stand-in-electron';

/** A fuse's states (from @electron/fuses). */
const FuseState = { DISABLE: '0'.charCodeAt(0), ENABLE: '1'.charCodeAt(0) };

/**
 * A stand-in Electron executable: random bytes around a V1 fuse wire of 8 fuses, every
 * fuse in Electron's shipped state (RunAsNode, NodeOptions, inspect and file privileges
 * on; asar integrity and asar-only off).
 */
function fakeElectronBinary(): Buffer {
  const shipped = ['1', '0', '1', '1', '0', '0', '0', '1'].map((c) => c.charCodeAt(0));
  return Buffer.concat([
    Buffer.alloc(4096, 0x7f),
    Buffer.from(FUSE_SENTINEL, 'ascii'),
    Buffer.from([1, shipped.length, ...shipped]),
    Buffer.alloc(4096, 0x41),
  ]);
}

/** electron-builder's context for a Linux build whose executable is `name`. */
const packed = (name: string) => ({
  appOutDir: dir,
  electronPlatformName: 'linux',
  packager: { appInfo: { productFilename: 'Margin' }, executableName: name },
});
let dir: string;

describe('the fuses flipped after packing', () => {
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'margin-fuses-'));
  });
  afterAll(() => rm(dir, { recursive: true, force: true }));

  it('turn off RunAsNode, NODE_OPTIONS, --inspect and file:// privileges; turn on asar checks', async () => {
    const binary = join(dir, 'margin');
    const before = fakeElectronBinary();
    await writeFile(binary, before);
    await flipMarginFuses({
      appOutDir: dir,
      electronPlatformName: 'linux',
      packager: { appInfo: { productFilename: 'Margin' }, executableName: 'margin' },
    });
    const wire = await getCurrentFuseWire(binary);
    expect(wire[FuseV1Options.RunAsNode]).toBe(FuseState.DISABLE);
    expect(wire[FuseV1Options.EnableNodeOptionsEnvironmentVariable]).toBe(FuseState.DISABLE);
    expect(wire[FuseV1Options.EnableNodeCliInspectArguments]).toBe(FuseState.DISABLE);
    expect(wire[FuseV1Options.GrantFileProtocolExtraPrivileges]).toBe(FuseState.DISABLE);
    expect(wire[FuseV1Options.EnableEmbeddedAsarIntegrityValidation]).toBe(FuseState.ENABLE);
    expect(wire[FuseV1Options.OnlyLoadAppFromAsar]).toBe(FuseState.ENABLE);
    // Only the wire changed: the rest of the executable is byte for byte the same.
    const after = await readFile(binary);
    expect(after.length).toBe(before.length);
    const wireStart = 4096 + FUSE_SENTINEL.length + 2;
    expect(after.subarray(0, wireStart)).toEqual(before.subarray(0, wireStart));
    expect(after.subarray(wireStart + 8)).toEqual(before.subarray(wireStart + 8));
  });

  it('leave the ninth fuse of Electron 38 and later as Electron ships it', async () => {
    const binary = join(dir, 'electron-45');
    const shipped = [...SHIPPED_FUSE_WIRE].map((c) => c.charCodeAt(0));
    await writeFile(
      binary,
      Buffer.concat([Buffer.from(FUSE_SENTINEL), Buffer.from([1, 9, ...shipped])]),
    );
    await flipMarginFuses(packed('electron-45'));
    const wire = await getCurrentFuseWire(binary);
    expect(wire[FuseV1Options.RunAsNode]).toBe(FuseState.DISABLE);
    expect(wire[FuseV1Options.OnlyLoadAppFromAsar]).toBe(FuseState.ENABLE);
    expect((wire as Record<number, number>)[8]).toBe(FuseState.ENABLE);
  });

  it('fail the build for a binary with more fuses than Margin has decided on', async () => {
    const binary = join(dir, 'newer-electron');
    const wire = Buffer.from([1, 10, ...Array<number>(10).fill(0x31)]);
    await writeFile(binary, Buffer.concat([Buffer.from(FUSE_SENTINEL), wire]));
    const before = await readFile(binary);
    await expect(flipMarginFuses(packed('newer-electron'))).rejects.toThrow(
      /10 fuses; Margin has decided on 9/,
    );
    expect(await readFile(binary)).toEqual(before);
  });

  it('state every fuse explicitly', () => {
    const stated = Object.keys(MARGIN_FUSES).filter((key) => /^\d+$/.test(key));
    expect(stated).toHaveLength(Object.keys(FuseV1Options).length / 2);
  });

  it('find the executable on each platform', () => {
    const packager = { appInfo: { productFilename: 'Margin' }, executableName: 'margin' };
    expect(packedElectronBinary({ appOutDir: '/o', electronPlatformName: 'linux', packager })).toBe(
      join('/o', 'margin'),
    );
    expect(packedElectronBinary({ appOutDir: '/o', electronPlatformName: 'win32', packager })).toBe(
      join('/o', 'Margin.exe'),
    );
    expect(
      packedElectronBinary({ appOutDir: '/o', electronPlatformName: 'darwin', packager }),
    ).toBe(join('/o', 'Margin.app'));
  });
});
