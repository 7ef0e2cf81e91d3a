/**
 * A plain web server for the examples folder of the distribution, to open the page from an
 * origin other than the connector's, as an integrator's own site would.
 */

import { readFile } from 'node:fs/promises';
import http from 'node:http';
import path from 'node:path';

const TYPES = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8', '.css': 'text/css; charset=utf-8' };

export class StaticServer {
  #server;

  constructor(server) {
    this.#server = server;
  }

  /** Serves `directory` on 127.0.0.1 and a free port. */
  static async start(directory) {
    const root = path.resolve(directory);
    const server = http.createServer(async (request, response) => {
      const pathname = decodeURIComponent(new URL(request.url, 'http://x').pathname);
      const file = path.resolve(root, `.${pathname.endsWith('/') ? `${pathname}index.html` : pathname}`);
      const type = TYPES[path.extname(file)];
      if (!file.startsWith(root + path.sep) || !type) {
        response.writeHead(404).end();
        return;
      }
      try {
        const body = await readFile(file);
        response.writeHead(200, { 'Content-Type': type, 'Cache-Control': 'no-store' }).end(body);
      } catch {
        response.writeHead(404).end();
      }
    });
    await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
    return new StaticServer(server);
  }

  get port() {
    return this.#server.address().port;
  }

  close() {
    return new Promise((resolve) => this.#server.close(() => resolve()));
  }
}
