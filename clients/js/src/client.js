/**
 * The client: one method per JS2 command (generated from the catalogue), `raw` for any other
 * command, the session id kept between calls like the JS2 wrapper keeps it.
 */

import { COMMANDS, PERSISTENT_COMMANDS, SESSIONLESS_COMMANDS } from './commands.js';
import { Js2Error, WrapperErrorCode, wrapperError } from './errors.js';
import { toWireFields } from './fields.js';
import { fetchHealth, healthUrlFor } from './health.js';
import { startMonitor } from './monitor.js';
import { timeoutFor } from './timeouts.js';
import { exchange } from './transport.js';

export const DEFAULT_HOST = 'localhost.icanopee.net';
export const DEFAULT_PORT = 9982;

export class LibreConnectClient {
  #url;
  #healthUrl;
  #WebSocket;
  #fetch;
  #healthCheck;
  #timeouts;
  #sessionId;
  #healthy = false;
  /** @type {Promise<unknown> | null} */
  #pendingHealth = null;

  /**
   * @param {object} [options] see the README and types/index.d.ts
   */
  constructor(options = {}) {
    const host = options.host ?? DEFAULT_HOST;
    const port = options.port ?? DEFAULT_PORT;
    this.#url = options.url ?? `wss://${host}:${port}`;
    this.#healthUrl = options.healthUrl ?? healthUrlFor(this.#url);
    this.#WebSocket = options.WebSocket ?? globalThis.WebSocket;
    this.#fetch = options.fetch ?? (typeof globalThis.fetch === 'function' ? globalThis.fetch.bind(globalThis) : undefined);
    this.#healthCheck = options.healthCheck ?? true;
    this.#timeouts = options.timeouts;
    this.#sessionId = options.sessionId ?? null;
  }

  /** The WebSocket URL every command connects to. */
  get url() {
    return this.#url;
  }

  /** The session id sent with each command; set by openSession, cleared by closeSession. */
  get sessionId() {
    return this.#sessionId;
  }

  set sessionId(value) {
    this.#sessionId = value ?? null;
  }

  /**
   * Fetches `/health` on the connector's port. Resolves `{ ok: true, version }`, rejects with
   * a 5000/6 InitializationError.
   */
  async checkHealth() {
    const health = await fetchHealth(this.#fetch, this.#healthUrl);
    this.#healthy = true;
    return health;
  }

  /**
   * Sends any command with fields given as wire keys, unchanged. Persistent commands resolve
   * with a monitor, others with the answer.
   *
   * @param {string} commandName e.g. "hl_getVitaleCard"
   * @param {Record<string, unknown>} [fields] e.g. { i_readerNumber: 1 }
   * @param {{ timeoutMs?: number }} [callOptions]
   */
  raw(commandName, fields = {}, callOptions = {}) {
    return this.#send(commandName, fields, callOptions);
  }

  static {
    for (const entry of COMMANDS) {
      Object.defineProperty(LibreConnectClient.prototype, entry.method, {
        value: {
          [entry.method](options, callOptions) {
            return this.#command(entry, options, callOptions);
          },
        }[entry.method],
        writable: true,
        configurable: true,
      });
    }
  }

  async #command(entry, options, callOptions) {
    let fields = toWireFields(entry.command, entry.fields, options);
    for (const [key, value] of Object.entries(entry.defaults ?? {})) {
      if (!(key in fields)) fields[key] = value;
    }
    if (entry.prepare) fields = entry.prepare(fields);
    return this.#send(entry.command, fields, callOptions);
  }

  async #send(commandName, fields, callOptions = {}) {
    if (typeof commandName !== 'string' || commandName === '') {
      throw new TypeError('command name must be a non-empty string');
    }
    if (typeof this.#WebSocket !== 'function') {
      throw wrapperError(
        WrapperErrorCode.BrowserNotSupported,
        commandName,
        'no WebSocket implementation: pass one with the WebSocket option',
      );
    }
    await this.#ensureHealthy();

    const command = { s_commandName: commandName, ...fields };
    command.s_commandName = commandName;
    if (!SESSIONLESS_COMMANDS.has(commandName) && this.#sessionId && command.s_sessionId === undefined) {
      command.s_sessionId = this.#sessionId;
    }
    const exchangeOptions = {
      WebSocket: this.#WebSocket,
      url: this.#url,
      commandName,
      frame: JSON.stringify(command),
    };
    const timeoutMs = callOptions?.timeoutMs ?? timeoutFor(commandName, this.#timeouts);

    if (PERSISTENT_COMMANDS.has(commandName)) {
      return startMonitor({ ...exchangeOptions, ackTimeoutMs: timeoutMs });
    }
    const answer = await exchange({ ...exchangeOptions, timeoutMs });
    if (answer.s_status !== 'OK') throw new Js2Error(answer, commandName);
    this.#remember(command, answer);
    return answer;
  }

  /** Keeps the session id like the wrapper: stored on open, forgotten on close. */
  #remember(command, answer) {
    if (command.s_commandName === 'hl_openSession' && typeof answer.s_sessionId === 'string') {
      this.#sessionId = answer.s_sessionId;
    } else if (command.s_commandName === 'hl_closeSession' && command.s_sessionId === this.#sessionId) {
      this.#sessionId = null;
    }
  }

  #ensureHealthy() {
    if (!this.#healthCheck || this.#healthy) return undefined;
    this.#pendingHealth ??= this.checkHealth().finally(() => {
      this.#pendingHealth = null;
    });
    return this.#pendingHealth;
  }
}
