import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { makeIcons } from '../icons/make-icons';
import { validateBuilderConfig } from '../validate-builder-config';

const projectDir = process.cwd();

describe("electron-builder's configuration", () => {
  it("passes electron-builder's own schema, offline", async () => {
    const config = await validateBuilderConfig(projectDir);
    expect(config.appId).toBe('app.margin.workbench');
    expect(config.productName).toBe('Margin');
    expect(config.asar).toBe(true);
    expect(config.afterPack).toBe('./electron/build/after-pack.mjs');
  });

  it('names every installer the issue asks for, with version and arch in the file name', async () => {
    const config = await validateBuilderConfig(projectDir);
    expect(config.artifactName).toBe('${productName}-${version}-${arch}.${ext}');
    expect(config.linux?.target).toEqual(['AppImage', 'deb']);
    expect(config.linux?.category).toBe('Office');
    expect(config.mac?.target).toEqual([{ target: 'dmg', arch: 'universal' }]);
    expect(config.win?.target).toEqual([{ target: 'nsis', arch: 'x64' }]);
    expect(config.copyright).toMatch(/Margin/);
  });

  it('points every platform at the icons `npm run icons` makes', async () => {
    const config = await validateBuilderConfig(projectDir);
    const made = await makeIcons(join(projectDir, 'out/build-resources/icons'));
    expect(config.directories?.buildResources).toBe('out/build-resources');
    expect(join(projectDir, config.mac?.icon ?? '')).toBe(made.icns);
    expect(join(projectDir, config.win?.icon ?? '')).toBe(made.ico);
    expect(join(projectDir, config.linux?.icon ?? '')).toBe(made.pngDir);
    for (const size of [16, 32, 48, 256, 512]) {
      expect(existsSync(join(made.pngDir, `${size}x${size}.png`))).toBe(true);
    }
  });

  it('offers "Open with Margin" for .md, .html, .pdf and .docx on every platform, never as the default', async () => {
    const config = await validateBuilderConfig(projectDir);
    // macOS: document types with rank Alternate (listed under Open With, never the default).
    const mac = [config.mac?.fileAssociations ?? []].flat();
    expect(mac.flatMap((a) => [a.ext].flat()).sort()).toEqual(
      expect.arrayContaining(['docx', 'html', 'md', 'pdf']),
    );
    expect(mac.every((a) => a.rank === 'Alternate' && a.role === 'Viewer')).toBe(true);
    // Linux: MIME types in the desktop file only, and launches with file paths.
    expect(config.linux?.mimeTypes).toEqual(
      expect.arrayContaining([
        'text/markdown',
        'text/html',
        'application/pdf',
        'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
      ]),
    );
    expect(config.linux?.executableArgs).toEqual(['%F']);
    expect(config.linux?.fileAssociations).toBeUndefined();
    // Windows: the installer script adds Margin to "Open with" and removes it on uninstall.
    expect(config.fileAssociations ?? []).toEqual([]);
    expect(config.win?.fileAssociations).toBeUndefined();
    expect(config.nsis?.include).toBe('electron/build/installer.nsh');
    const script = await readFile(join(projectDir, config.nsis?.include ?? ''), 'utf8');
    const [install, uninstall] = script.split('!macro customUnInstall');
    for (const ext of ['md', 'html', 'pdf', 'docx']) {
      const key = `"Software\\Classes\\.${ext}\\OpenWithProgids" "\${MARGIN_PROGID}"`;
      expect(install).toContain(`WriteRegNone SHELL_CONTEXT ${key}`);
      expect(uninstall).toContain(`DeleteRegValue SHELL_CONTEXT ${key}`);
    }
    // Never the extension's default value, which would make Margin the default app.
    expect(script).not.toMatch(/WriteRegStr SHELL_CONTEXT "Software\\Classes\\\.\w+" ""/);
  });

  it('refuses a configuration electron-builder would refuse, naming the field', async () => {
    const refused = (overrides: object) =>
      validateBuilderConfig(projectDir, { overrides: overrides as never });
    await expect(refused({ appid: 'x' })).rejects.toThrow(/unknown property 'appid'/);
    await expect(refused({ mac: { target: 5 } })).rejects.toThrow(/configuration\.mac\.target/);
    await expect(refused({ nsis: { oneClik: false } })).rejects.toThrow(/configuration\.nsis/);
  });
});
