/**
 * The packaging configuration (electron-builder.json): valid for electron-builder's own
 * schema, and the fuses set the way the security checklist asks, so a packaged Claimdesk
 * cannot be run as a plain Node process, does not take NODE_OPTIONS or --inspect, loads its
 * code only from its integrity-checked archive, and ships the sample desk it offers.
 * (The window still loads its page from file://, so that fuse keeps the file protocol's
 * privileges until the page is served from a custom protocol.)
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = resolve(import.meta.dirname, '../../..');
const config = JSON.parse(readFileSync(resolve(ROOT, 'electron-builder.json'), 'utf8')) as Record<
  string,
  unknown
>;
const require = createRequire(import.meta.url);

describe('packaging', () => {
  it('is a configuration electron-builder accepts', async () => {
    const { validateConfiguration } = require('app-builder-lib/out/util/config/config.js') as {
      validateConfiguration: (c: unknown, log: { isEnabled: boolean; add: () => void }) => Promise<void>;
    };
    const { $schema: _schema, ...rest } = config;
    await expect(
      validateConfiguration(rest, { isEnabled: false, add: () => undefined }),
    ).resolves.toBeUndefined();
    // The same validator refuses what it does not know, so the check above means something.
    await expect(
      validateConfiguration(
        { ...rest, electronFuses: { runAsNodes: false } },
        { isEnabled: false, add: () => undefined },
      ),
    ).rejects.toThrow(/Invalid configuration object/);
  });

  it('sets the fuses of the security checklist', () => {
    expect(config.asar).toBe(true);
    expect(config.electronFuses).toMatchObject({
      runAsNode: false,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      enableEmbeddedAsarIntegrityValidation: true,
      onlyLoadAppFromAsar: true,
      enableCookieEncryption: true,
    });
  });

  it('ships the sample desk where the packaged app looks for it, and the built code only', () => {
    expect(config.extraResources).toEqual([{ from: 'resources/samples', to: 'samples' }]);
    expect(config.files).toEqual(['out/**/*', 'package.json']);
    expect(readFileSync(resolve(ROOT, 'src-main/electron/main.ts'), 'utf8')).toContain(
      "join(process.resourcesPath, 'samples')",
    );
  });
});
