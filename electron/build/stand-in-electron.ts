import { chmod, mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

/** The marker Electron puts before its fuse wire (from @electron/fuses). */
export const FUSE_SENTINEL = 'dL7pKGdnNz796PbbjQWNKmHXBZaB9tsX';

/**
 * Electron 45's fuses as it ships them, in wire order: RunAsNode on, cookie encryption off,
 * NODE_OPTIONS and --inspect on, asar integrity and asar-only off, browser V8 snapshot
 * off, file:// privileges on, WebAssembly trap handlers on.
 */
export const SHIPPED_FUSE_WIRE = '101100011';

/**
 * An unpacked Electron for Linux that is not Electron: the folder electron-builder copies
 * as `electronDist` when packing with `--dir`. Electron cannot be downloaded here, so the
 * packaging test packs against this. Its executable carries a real fuse wire (so the
 * afterPack hook flips real bytes) and exits with an explanation if anyone runs it.
 */
export async function writeStandInElectron(dir: string): Promise<void> {
  await mkdir(join(dir, 'resources'), { recursive: true });
  const executable = join(dir, 'electron');
  await writeFile(
    executable,
    Buffer.concat([
      Buffer.from(
        '#!/bin/sh\necho "A stand-in for Electron, made by the packaging test." >&2\nexit 1\n',
      ),
      Buffer.from(`# ${FUSE_SENTINEL}`, 'ascii'),
      Buffer.from([1, SHIPPED_FUSE_WIRE.length]),
      Buffer.from(SHIPPED_FUSE_WIRE, 'ascii'),
      Buffer.from('\n'),
    ]),
  );
  await chmod(executable, 0o755);
  await writeFile(join(dir, 'version'), 'stand-in\n');
  await writeFile(join(dir, 'LICENSE'), 'Stand-in for the Electron license.\n');
  await writeFile(join(dir, 'LICENSES.chromium.html'), '<!doctype html><title>stand-in</title>\n');
}
