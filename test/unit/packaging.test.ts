/**
 * Electron's fuses in the packaged app: what electron-builder.yml asks for, and — where a packaged
 * app exists (after `npm run dist` on a machine with the Electron binary) — what its executable
 * really has, read with @electron/fuses. No run-as-node, no NODE_OPTIONS or inspector flags, the
 * app only from its asar archive with integrity checked, no extra file:// privileges.
 */
import { FuseV1Options, getCurrentFuseWire } from '@electron/fuses';
import { load as loadYaml } from 'js-yaml';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = path.resolve(__dirname, '..', '..');
/** A fuse on the wire is the character '1' (on) or '0' (off) (@electron/fuses' FuseState, not exported). */
const ON = '1'.charCodeAt(0);
const OFF = '0'.charCodeAt(0);

const WANTED: Record<string, { option: FuseV1Options; on: boolean }> = {
  runAsNode: { option: FuseV1Options.RunAsNode, on: false },
  enableCookieEncryption: { option: FuseV1Options.EnableCookieEncryption, on: true },
  enableNodeOptionsEnvironmentVariable: { option: FuseV1Options.EnableNodeOptionsEnvironmentVariable, on: false },
  enableNodeCliInspectArguments: { option: FuseV1Options.EnableNodeCliInspectArguments, on: false },
  enableEmbeddedAsarIntegrityValidation: { option: FuseV1Options.EnableEmbeddedAsarIntegrityValidation, on: true },
  onlyLoadAppFromAsar: { option: FuseV1Options.OnlyLoadAppFromAsar, on: true },
  grantFileProtocolExtraPrivileges: { option: FuseV1Options.GrantFileProtocolExtraPrivileges, on: false },
};

/** The packaged Linux executable, if `npm run dist` has made one here. */
function packagedExecutable(): string | null {
  const exe = path.join(ROOT, 'release', 'linux-unpacked', 'journeywall');
  return fs.existsSync(exe) ? exe : null;
}

describe('Electron fuses', () => {
  it('are all set in electron-builder.yml, and asar is on', () => {
    const config = loadYaml(fs.readFileSync(path.join(ROOT, 'electron-builder.yml'), 'utf8')) as { electronFuses?: Record<string, boolean>; asar?: boolean };
    expect(config.asar).toBe(true);
    expect(config.electronFuses).toEqual(Object.fromEntries(Object.entries(WANTED).map(([k, v]) => [k, v.on])));
  });

  it('are flipped in the packaged app', async (context) => {
    const exe = packagedExecutable();
    if (!exe) {
      console.log('skipped: no packaged app in release/linux-unpacked (run `npm run dist` where the Electron binary is installed)');
      context.skip();
      return;
    }
    const wire = await getCurrentFuseWire(exe);
    for (const [name, { option, on }] of Object.entries(WANTED)) {
      expect(wire[option], name).toBe(on ? ON : OFF);
    }
  });
});
