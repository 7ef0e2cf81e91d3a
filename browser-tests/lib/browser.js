/**
 * Debian's Chromium, headless, with a fresh profile and a fresh home whose NSS database
 * ($HOME/.pki/nssdb, where Chromium on Linux looks for trusted CAs) trusts the connector's CA,
 * put there by the installer's own command. No certificate error is ever ignored.
 */

import { execFile } from 'node:child_process';
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { chromium } from 'playwright-core';
import { CHROMIUM, DIST } from './paths.js';

const run = promisify(execFile);

/** Flags known to work on this kind of machine; the host name maps to the loopback address. */
export function chromiumFlags(hostName) {
  return [
    '--headless',
    '--no-sandbox',
    '--disable-gpu',
    '--disable-quic',
    '--no-first-run',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    `--host-resolver-rules=MAP ${hostName} 127.0.0.1`,
  ];
}

/** Runs `libreconnect-admin trust install` for one NSS database (created when missing). */
export async function trustCa(caFile, nssDirectory) {
  const admin = path.join(DIST, 'bin', 'libreconnect-admin');
  const { stdout } = await run('bash', [admin, 'trust', 'install', '--ca', caFile, '--nss-db', nssDirectory, '--no-system']);
  return stdout;
}

export class Browser {
  #context;
  #home;

  constructor(context, home) {
    this.#context = context;
    this.#home = home;
  }

  /**
   * Launches Chromium with a new home and profile. With `caFile`, the home's NSS database
   * trusts that CA; without, it trusts nothing of ours.
   */
  static async launch({ hostName, caFile }) {
    const home = await mkdtemp(path.join(os.tmpdir(), 'libreconnect-chromium-'));
    if (caFile) {
      await trustCa(caFile, path.join(home, '.pki', 'nssdb'));
    }
    const profile = path.join(home, 'profile');
    await mkdir(profile);
    const context = await chromium.launchPersistentContext(profile, {
      executablePath: CHROMIUM,
      headless: true,
      args: chromiumFlags(hostName),
      env: { ...process.env, HOME: home },
      viewport: { width: 1280, height: 900 },
      acceptDownloads: true,
      ignoreHTTPSErrors: false,
    });
    return new Browser(context, home);
  }

  newPage() {
    return this.#context.newPage();
  }

  async close() {
    await this.#context.close().catch(() => undefined);
    await rm(this.#home, { recursive: true, force: true });
  }
}
