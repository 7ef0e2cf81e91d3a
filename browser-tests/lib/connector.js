/**
 * The connector as an installation runs it: bin/libreconnect from the distribution, in
 * simulation mode, with a temporary home and a free port.
 */

import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import https from 'node:https';
import os from 'node:os';
import path from 'node:path';
import { DIST } from './paths.js';

const STARTUP_MS = 60_000;
const STOP_MS = 15_000;

export class Connector {
  #process;
  #output = '';

  constructor({ home, port, hostName, child }) {
    this.home = home;
    this.port = port;
    this.hostName = hostName;
    this.#process = child;
  }

  /**
   * Starts bin/libreconnect with `allowedOrigins` in its configuration and waits for the line
   * that names the status page.
   */
  static async start({ allowedOrigins = [] } = {}) {
    const launcher = path.join(DIST, 'bin', 'libreconnect');
    if (!existsSync(launcher)) {
      throw new Error(`${launcher} is missing: build the distribution first (./mvnw -pl master,installer -am install -DskipTests)`);
    }
    const home = await mkdtemp(path.join(os.tmpdir(), 'libreconnect-browser-home-'));
    const origins = allowedOrigins.map((origin) => `      <origin>${origin}</origin>`).join('\n');
    await writeFile(
      path.join(home, 'libreconnect.xml'),
      `<libreconnect>
  <server>
    <allowed_origins>
${origins}
    </allowed_origins>
  </server>
  <simulation><enabled>true</enabled></simulation>
</libreconnect>
`,
    );
    const child = spawn('bash', [launcher, '--home', home, '--port', '0'], { stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    const port = await new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`the connector did not start within ${STARTUP_MS} ms:\n${output}`)), STARTUP_MS);
      const onData = (chunk) => {
        output += chunk;
        const match = /Status page: https:\/\/([^:/]+):(\d+)\//.exec(output);
        if (match) {
          clearTimeout(timer);
          resolve(Number(match[2]));
        }
      };
      child.stdout.on('data', onData);
      child.stderr.on('data', onData);
      child.once('exit', (code, signal) => {
        clearTimeout(timer);
        reject(new Error(`the connector exited (${code ?? signal}) before it was ready:\n${output}`));
      });
    });
    const hostName = /Status page: https:\/\/([^:/]+):/.exec(output)[1];
    const connector = new Connector({ home, port, hostName, child });
    connector.#output = output;
    child.stdout.on('data', (chunk) => {
      connector.#output += chunk;
    });
    child.stderr.on('data', (chunk) => {
      connector.#output += chunk;
    });
    return connector;
  }

  get origin() {
    return `https://${this.hostName}:${this.port}`;
  }

  get caFile() {
    return path.join(this.home, 'tls', 'ca.crt');
  }

  get output() {
    return this.#output;
  }

  /** GET /status.json over TLS, trusting only the installation's CA. */
  async status() {
    const ca = await readFile(this.caFile);
    return new Promise((resolve, reject) => {
      const request = https.get(
        { host: '127.0.0.1', servername: this.hostName, port: this.port, path: '/status.json', ca },
        (response) => {
          let body = '';
          response.setEncoding('utf8');
          response.on('data', (chunk) => {
            body += chunk;
          });
          response.on('end', () => resolve(JSON.parse(body)));
        },
      );
      request.on('error', reject);
    });
  }

  /** Stops the connector (SIGTERM, then SIGKILL) and deletes its home. */
  async stop() {
    const child = this.#process;
    if (child.exitCode === null && child.signalCode === null) {
      child.kill('SIGTERM');
      const exited = once(child, 'exit');
      const timeout = new Promise((resolve) => setTimeout(resolve, STOP_MS, 'timeout'));
      if ((await Promise.race([exited, timeout])) === 'timeout') {
        child.kill('SIGKILL');
        await exited;
      }
    }
    await rm(this.home, { recursive: true, force: true });
  }
}
