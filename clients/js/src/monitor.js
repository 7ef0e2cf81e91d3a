/**
 * Persistent-socket commands (hl_startCpxCardMonitoring and the other monitors). The socket
 * stays open after the command; every frame after the acknowledgement is an event.
 *
 * Choices, documented in the README:
 * - the acknowledgement frame is consumed: `start…Monitoring()` resolves once it arrives (or
 *   rejects if it is an error), and it is not delivered as an event;
 * - events that arrive before anyone listens are kept and handed to the first consumer, an
 *   `on('event')` listener or an async iterator; later consumers see events from then on;
 * - a frame whose `s_status` is not "OK" ends the stream: the socket is closed with 1000 and
 *   the error goes to `on('error')` listeners and makes `for await` throw, after the events
 *   received before it;
 * - `stop()` closes the socket with 1000; iterators finish, queued events are dropped.
 */

import { Js2Error, WrapperErrorCode, wrapperError } from './errors.js';
import { closeNormally, closeText, parseAnswer, socketErrorText } from './transport.js';

/**
 * Opens the socket, sends the command and resolves with the running monitor once the
 * acknowledgement has arrived.
 *
 * @param {object} options
 * @param {new (url: string) => any} options.WebSocket
 * @param {string} options.url
 * @param {string} options.commandName
 * @param {string} options.frame
 * @param {number} options.ackTimeoutMs budget from socket creation to the acknowledgement
 * @returns {Promise<Monitor>}
 */
export function startMonitor({ WebSocket, url, commandName, frame, ackTimeoutMs }) {
  return new Promise((resolve, reject) => {
    let socket;
    try {
      socket = new WebSocket(url);
    } catch (cause) {
      const detail = cause instanceof Error ? cause.message : String(cause);
      reject(wrapperError(WrapperErrorCode.SocketError, commandName, `cannot open ${url}: ${detail}`));
      return;
    }
    const monitor = new Monitor(socket, url, commandName, frame, ackTimeoutMs, (error) =>
      error ? reject(error) : resolve(monitor),
    );
  });
}

export class Monitor {
  #socket;
  #phase = 'starting'; // starting → running → ended
  #onStarted;
  #ackTimer;
  /** @type {Record<'event' | 'error' | 'close', Set<Function>>} */
  #listeners = { event: new Set(), error: new Set(), close: new Set() };
  /** events received while nobody consumed them */
  #backlog = [];
  #hadConsumer = false;
  /** the first `event` listener and the kept events it is being handed, in order */
  #replay = null;
  /** @type {Set<IteratorState>} */
  #iterators = new Set();
  #error = null;
  #errorDelivered = false;
  #closeInfo = null;
  #closedPromise;
  #resolveClosed;

  /** @internal use the client's start…Monitoring() methods */
  constructor(socket, url, commandName, frame, ackTimeoutMs, onStarted) {
    this.commandName = commandName;
    this.#socket = socket;
    this.#onStarted = onStarted;
    this.#closedPromise = new Promise((resolve) => {
      this.#resolveClosed = resolve;
    });
    this.#ackTimer = setTimeout(() => {
      this.#failStart(
        wrapperError(
          WrapperErrorCode.ServerTimeout,
          commandName,
          `no acknowledgement from ${url} within ${ackTimeoutMs} ms`,
        ),
      );
    }, ackTimeoutMs);

    socket.addEventListener('open', () => {
      if (this.#phase !== 'starting') return;
      try {
        socket.send(frame);
      } catch (cause) {
        const detail = cause instanceof Error ? cause.message : String(cause);
        this.#failStart(wrapperError(WrapperErrorCode.SocketError, commandName, `cannot send: ${detail}`));
      }
    });
    socket.addEventListener('message', (event) => this.#onFrame(event.data));
    socket.addEventListener('error', (event) => {
      this.#fail(wrapperError(WrapperErrorCode.SocketError, commandName, socketErrorText(url, event)));
    });
    socket.addEventListener('close', (event) => this.#onClose(event));
  }

  /** True once the stream has ended (stopped, closed by the connector, or failed). */
  get closed() {
    return this.#phase === 'ended';
  }

  /** The error that ended the stream, if any. */
  get error() {
    return this.#error;
  }

  /**
   * Adds a listener. `event` gets each event object, `error` a Js2Error (at most once),
   * `close` `{ code, reason }` once the socket is closed. Returns the monitor.
   */
  on(type, listener) {
    const set = Object.hasOwn(this.#listeners, type) ? this.#listeners[type] : null;
    if (!set) throw new TypeError(`unknown monitor event "${type}" (event, error, close)`);
    if (typeof listener !== 'function') throw new TypeError('listener must be a function');
    set.add(listener);
    if (type === 'event') this.#handBacklog((events) => this.#replayTo(listener, events));
    if (type === 'error' && this.#error && !this.#errorDelivered) {
      this.#errorDelivered = true;
      queueMicrotask(() => call(listener, this.#error));
    }
    if (type === 'close' && this.#closeInfo) queueMicrotask(() => call(listener, this.#closeInfo));
    return this;
  }

  /** Removes a listener added with `on`. Returns the monitor. */
  off(type, listener) {
    if (Object.hasOwn(this.#listeners, type)) this.#listeners[type].delete(listener);
    return this;
  }

  /**
   * Stops monitoring: closes the socket with code 1000. Resolves with `{ code, reason }` once
   * the socket is closed.
   */
  stop() {
    if (this.#phase !== 'ended') {
      this.#end(null, { dropQueued: true });
      closeNormally(this.#socket);
    }
    return this.#closedPromise;
  }

  [Symbol.asyncIterator]() {
    /** @type {IteratorState} */
    const state = { queue: [], waiting: null, errorPending: false, finished: false };
    this.#handBacklog((events) => state.queue.push(...events));
    if (this.#phase === 'ended') {
      state.finished = true;
      if (this.#error && !this.#errorDelivered) {
        this.#errorDelivered = true;
        state.errorPending = true;
      }
    } else {
      this.#iterators.add(state);
    }
    const monitor = this;
    return {
      next() {
        if (state.queue.length > 0) return Promise.resolve({ value: state.queue.shift(), done: false });
        if (state.errorPending) {
          state.errorPending = false;
          return Promise.reject(monitor.#error);
        }
        if (state.finished) return Promise.resolve({ value: undefined, done: true });
        return new Promise((resolve, reject) => {
          state.waiting = { resolve, reject };
        });
      },
      async return() {
        monitor.#iterators.delete(state);
        state.finished = true;
        state.queue.length = 0;
        await monitor.stop();
        return { value: undefined, done: true };
      },
      [Symbol.asyncIterator]() {
        return this;
      },
    };
  }

  #onFrame(data) {
    if (this.#phase === 'ended') return;
    const frame = parseAnswer(data, this.commandName);
    if (frame instanceof Error) {
      this.#fail(frame);
      return;
    }
    if (frame.s_status !== 'OK') {
      this.#fail(new Js2Error(frame, this.commandName));
      return;
    }
    if (this.#phase === 'starting') {
      this.#phase = 'running';
      clearTimeout(this.#ackTimer);
      this.#onStarted(null);
      return;
    }
    this.#deliver(frame);
  }

  #onClose(event) {
    this.#closeInfo = { code: event?.code, reason: event?.reason ?? '' };
    if (this.#phase !== 'ended') {
      if (event?.code === 1000 && this.#phase === 'running') {
        this.#end(null);
      } else {
        const where = this.#phase === 'starting' ? 'before the acknowledgement' : 'by the connector';
        this.#fail(
          wrapperError(
            WrapperErrorCode.ConnectionClosedError,
            this.commandName,
            `connection closed ${where}: ${closeText(event)}`,
          ),
        );
      }
    }
    this.#listeners.close.forEach((listener) => call(listener, this.#closeInfo));
    this.#resolveClosed(this.#closeInfo);
  }

  #failStart(error) {
    if (this.#phase !== 'starting') return;
    this.#fail(error);
  }

  #fail(error) {
    if (this.#phase === 'ended') return;
    if (this.#phase === 'starting') {
      this.#phase = 'ended';
      clearTimeout(this.#ackTimer);
      closeNormally(this.#socket);
      this.#error = error;
      this.#errorDelivered = true; // reported through the start promise
      this.#onStarted(error);
      return;
    }
    closeNormally(this.#socket);
    this.#end(error);
  }

  #end(error, { dropQueued = false } = {}) {
    this.#phase = 'ended';
    clearTimeout(this.#ackTimer);
    this.#error = error;
    let delivered = false;
    for (const state of this.#iterators) {
      state.finished = true;
      if (dropQueued) state.queue.length = 0;
      if (error) {
        state.errorPending = true;
        delivered = true;
      }
      if (state.waiting) {
        const { resolve, reject } = state.waiting;
        state.waiting = null;
        if (state.queue.length > 0) resolve({ value: state.queue.shift(), done: false });
        else if (state.errorPending) {
          state.errorPending = false;
          reject(error);
        } else resolve({ value: undefined, done: true });
      }
    }
    this.#iterators.clear();
    if (error && this.#listeners.error.size > 0) {
      delivered = true;
      this.#listeners.error.forEach((listener) => call(listener, error));
    }
    this.#errorDelivered = delivered;
  }

  #deliver(event) {
    if (!this.#hadConsumer) {
      this.#backlog.push(event);
      return;
    }
    for (const listener of this.#listeners.event) {
      if (this.#replay?.listener === listener) this.#replay.events.push(event);
      else call(listener, event);
    }
    for (const state of this.#iterators) {
      if (state.waiting) {
        const { resolve } = state.waiting;
        state.waiting = null;
        resolve({ value: event, done: false });
      } else {
        state.queue.push(event);
      }
    }
  }

  /**
   * Hands kept events to a listener just added, after the caller's code has run; events
   * arriving meanwhile queue behind them so the listener sees every event in order.
   */
  #replayTo(listener, events) {
    const replay = { listener, events };
    this.#replay = replay;
    queueMicrotask(() => {
      while (replay.events.length > 0) {
        const event = replay.events.shift();
        if (this.#listeners.event.has(listener)) call(listener, event);
      }
      if (this.#replay === replay) this.#replay = null;
    });
  }

  /** Gives the events kept so far to the first consumer, once. */
  #handBacklog(take) {
    if (this.#hadConsumer) return;
    this.#hadConsumer = true;
    const events = this.#backlog;
    this.#backlog = [];
    if (events.length > 0) take(events);
  }
}

/** A listener that throws must not break the stream nor the other listeners. */
function call(listener, value) {
  try {
    listener(value);
  } catch (error) {
    queueMicrotask(() => {
      throw error;
    });
  }
}

/**
 * @typedef {object} IteratorState
 * @property {unknown[]} queue
 * @property {{ resolve: Function, reject: Function } | null} waiting
 * @property {boolean} errorPending
 * @property {boolean} finished
 */
