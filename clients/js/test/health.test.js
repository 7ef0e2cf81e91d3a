import assert from 'node:assert/strict';
import { test } from 'node:test';
import WebSocket from 'ws';
import { Js2Error, LibreConnectClient } from '../src/index.js';
import { healthUrlFor } from '../src/health.js';
import { rejection, setup } from './helpers.js';

test('the first command checks /health once, before its socket; later commands do not', async (t) => {
  const { server, client } = await setup(t);
  let healthBeforeSocket = null;
  server.handle('hl_getPcscReaders', (_command, conn) => {
    healthBeforeSocket ??= server.healthRequests;
    conn.reply({ s_status: 'OK' });
  });
  await Promise.all([client.getPcscReaders(), client.getPcscReaders()]); // concurrent first commands
  await client.getPcscReaders();
  assert.equal(healthBeforeSocket, 1);
  assert.equal(server.healthRequests, 1);
});

test('checkHealth returns ok and the version; after it, commands skip the check', async (t) => {
  const { server, client } = await setup(t);
  assert.deepEqual(await client.checkHealth(), { ok: true, version: 'fake-1.0' });
  await client.getPcscReaders();
  assert.equal(server.healthRequests, 1);
});

test('healthCheck: false never fetches /health', async (t) => {
  const { server, client } = await setup(t, { healthCheck: false });
  await client.getPcscReaders();
  assert.equal(server.healthRequests, 0);
});

test('a failed health check rejects the command with 5000/6 and opens no socket; the next command retries', async (t) => {
  const { server, client } = await setup(t);
  server.healthAnswer = { status: 503, body: { s_status: 'ERROR' } };
  const error = await rejection(client.getPcscReaders());
  assert.ok(error instanceof Js2Error);
  assert.equal(error.apiErrorType, 5000);
  assert.equal(error.apiErrorCode, 6);
  assert.equal(error.apiErrorDescription, 'InitializationError');
  assert.match(error.message, /HTTP 503/);
  assert.match(error.message, /not running/);
  assert.match(error.message, /certificate/);
  assert.match(error.message, /origin/);
  assert.match(error.message, /Local Network Access/);
  assert.equal(server.connections.length, 0);

  server.healthAnswer = { status: 200, body: { s_status: 'OK', s_serviceVersion: '2' } };
  await client.getPcscReaders();
  assert.equal(server.healthRequests, 2);
  assert.equal(server.connections.length, 1);
});

test('an unreachable connector fails the health check with 5000/6', async (t) => {
  const { server, client } = await setup(t);
  await server.stop();
  const error = await rejection(client.checkHealth());
  assert.equal(error.apiErrorCode, 6);
  assert.match(error.message, /did not answer/);
});

test('the fetch is a CORS GET of https://<host>:<port>/health, or derived from the url option', async () => {
  const calls = [];
  const fetch = async (url, init) => {
    calls.push({ url, init });
    return { ok: true, status: 200, json: async () => ({}), headers: new Map([['eSanteConnect-Version', '3.1']]) };
  };
  const client = new LibreConnectClient({ WebSocket, fetch });
  assert.deepEqual(await client.checkHealth(), { ok: true, version: '3.1' });
  assert.equal(calls[0].url, 'https://localhost.icanopee.net:9982/health');
  assert.equal(calls[0].init.mode, 'cors');
  assert.equal(calls[0].init.method, 'GET');

  assert.equal(healthUrlFor('ws://127.0.0.1:4567'), 'http://127.0.0.1:4567/health');
  assert.equal(healthUrlFor('wss://localhost.icanopee.net:9982/'), 'https://localhost.icanopee.net:9982/health');
  const custom = new LibreConnectClient({ WebSocket, fetch, healthUrl: 'https://elsewhere.test/health' });
  await custom.checkHealth();
  assert.equal(calls[1].url, 'https://elsewhere.test/health');
});
