import { createMainHandlers, type MainServices } from '../features/create-main-handlers';
import { LibraryHost } from '../library-host';
import { openLibrary } from '../storage/open-library';
import { packageVersion } from './package-version';

/**
 * The library in `dataDir` with every channel's handler over it, wired as the app wires
 * them (the same host, so a restore from backup closes and reopens it for real).
 */
export function openAppHost(
  dataDir: string,
  services: Omit<MainServices, 'library' | 'control' | 'appVersion'>,
): Promise<LibraryHost> {
  return LibraryHost.open({
    open: () => openLibrary(dataDir, { logger: services.logger, appVersion: packageVersion() }),
    makeHandlers: (library, control) =>
      createMainHandlers({ ...services, library, control, appVersion: packageVersion() }),
  });
}
