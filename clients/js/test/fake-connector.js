/**
 * A small fake JS2 connector for tests: a real WebSocket server on 127.0.0.1 (plain ws://)
 * plus `GET /health` on the same port. It records every connection (frames received, the
 * close code the client sent) and answers with scripted handlers.
 *
 *   const server = await FakeConnector.start();
 *   server.handle('hl_readCpxCard', (command, conn) => conn.reply({ s_status: 'OK' }));
 *   const client = new LibreConnectClient({ url: server.url, WebSocket });
 */

import { createServer } from 'node:http';
import { once } from 'node:events';
import { WebSocketServer } from 'ws';

export class FakeConnector {
  /** @type {Connection[]} every WebSocket connection, in order of arrival */
  connections = [];
  /** number of GET /health requests */
  healthRequests = 0;
  /** what GET /health answers: `{ status, body }` */
  healthAnswer = { status: 200, body: { s_status: 'OK', s_serviceVersion: 'fake-1.0' } };

  #handlers = new Map();
  #http;
  #wss;
  #connectionWaiters = [];

  static async start() {
    const server = new FakeConnector();
    await server.#listen();
    return server;
  }

  async #listen() {
    this.#http = createServer((request, response) => {
      if (request.method === 'GET' && request.url === '/health') {
        this.healthRequests += 1;
        const { status, body } = this.healthAnswer;
        response.writeHead(status, { 'content-type': 'application/json' });
        response.end(JSON.stringify(body));
      } else {
        response.writeHead(404).end();
      }
    });
    this.#wss = new WebSocketServer({ server: this.#http });
    this.#wss.on('connection', (socket) => this.#accept(socket));
    this.#http.listen(0, '127.0.0.1');
    await once(this.#http, 'listening');
    const { port } = /** @type {import('node:net').AddressInfo} */ (this.#http.address());
    this.url = `ws://127.0.0.1:${port}`;
  }

  /**
   * Scripts the answer to a command. The handler gets the parsed command and the
   * connection; without a handler, a command is answered `{ s_status: "OK" }`.
   *
   * @param {string} commandName
   * @param {(command: Record<string, unknown>, conn: Connection) => void} handler
   */
  handle(commandName, handler) {
    this.#handlers.set(commandName, handler);
    return this;
  }

  /** Shorthand: always answer `answer` to `commandName`. */
  answer(commandName, answer) {
    return this.handle(commandName, (_command, conn) => conn.reply(answer));
  }

  /** Every command frame received so far, parsed, in order. */
  get commands() {
    return this.connections.flatMap((conn) => conn.frames);
  }

  /** Resolves with the n-th connection (0-based) once it exists. */
  connection(index) {
    if (this.connections[index]) return Promise.resolve(this.connections[index]);
    return new Promise((resolve) => this.#connectionWaiters.push({ index, resolve }));
  }

  async stop() {
    for (const client of this.#wss.clients) client.terminate();
    this.#wss.close();
    this.#http.closeAllConnections?.();
    this.#http.close();
    await once(this.#http, 'close');
  }

  #accept(socket) {
    const conn = new Connection(socket);
    this.connections.push(conn);
    this.#connectionWaiters = this.#connectionWaiters.filter((waiter) => {
      if (this.connections[waiter.index]) waiter.resolve(this.connections[waiter.index]);
      return !this.connections[waiter.index];
    });
    socket.on('message', (data, isBinary) => {
      const text = isBinary ? null : data.toString('utf8');
      conn.rawFrames.push(text);
      let command;
      try {
        command = JSON.parse(text);
      } catch {
        conn.reply({ s_status: 'ERROR', s_errorDescription: 'not JSON' });
        return;
      }
      conn.frames.push(command);
      const handler = this.#handlers.get(command.s_commandName);
      if (handler) handler(command, conn);
      else conn.reply({ s_status: 'OK' });
    });
  }
}

/** One WebSocket connection seen by the fake connector. */
export class Connection {
  /** parsed frames received */
  frames = [];
  /** frames received as text */
  rawFrames = [];
  /** code and reason of the client's close frame, once closed */
  closeCode = null;
  closeReason = null;

  constructor(socket) {
    this.socket = socket;
    this.closed = new Promise((resolve) => {
      socket.on('close', (code, reason) => {
        this.closeCode = code;
        this.closeReason = reason.toString();
        resolve(code);
      });
    });
  }

  reply(answer) {
    this.socket.send(typeof answer === 'string' ? answer : JSON.stringify(answer));
  }

  /** Closes from the server side with a status code (e.g. 1011) and a reason. */
  close(code, reason) {
    this.socket.close(code, reason);
  }

  /** Drops the TCP connection without a close frame: the client sees 1006. */
  terminate() {
    this.socket.terminate();
  }
}
