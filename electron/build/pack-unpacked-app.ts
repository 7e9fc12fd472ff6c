import { join } from 'node:path';
import { Arch, build, Platform } from 'electron-builder';

export interface PackOptions {
  projectDir: string;
  /** Where electron-builder writes `linux-unpacked/`. */
  outputDir: string;
  /** An unpacked Electron to pack around (the stand-in here; a real one elsewhere). */
  electronDist: string;
}

/**
 * `electron-builder --dir --linux` with the project's own configuration: the unpacked app
 * exactly as the installers would contain it, without making an installer. Returns the
 * folder of the packed app.
 */
export async function packUnpackedApp({
  projectDir,
  outputDir,
  electronDist,
}: PackOptions): Promise<string> {
  await build({
    projectDir,
    targets: Platform.LINUX.createTarget('dir', Arch.x64),
    config: { electronDist, directories: { output: outputDir } },
    publish: 'never',
  });
  return join(outputDir, 'linux-unpacked');
}
