import { getConfig, validateConfiguration } from 'app-builder-lib/out/util/config/config';
import type { Configuration } from 'app-builder-lib';
import { DebugLogger } from 'builder-util';
import { pathToFileURL } from 'node:url';

/**
 * Loads electron-builder's configuration the way `electron-builder` does (the config file,
 * merged with `overrides`) and checks it against electron-builder's JSON schema. Offline:
 * the schema ships inside app-builder-lib. Throws electron-builder's own message, which
 * names the wrong field and what it expects.
 */
export async function validateBuilderConfig(
  projectDir: string,
  {
    configFile = null,
    overrides = null,
  }: { configFile?: string | null; overrides?: Configuration | null } = {},
): Promise<Configuration> {
  const config = await getConfig(projectDir, configFile, overrides);
  await validateConfiguration(config, new DebugLogger(false));
  return config;
}

// `tsx electron/build/validate-builder-config.ts`: validate the project's configuration.
if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  validateBuilderConfig(process.cwd()).then(
    () => console.log('electron-builder.yml is valid for electron-builder.'),
    (error: unknown) => {
      console.error(error instanceof Error ? error.message : error);
      process.exitCode = 1;
    },
  );
}
