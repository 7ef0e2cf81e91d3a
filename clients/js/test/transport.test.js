import assert from 'node:assert/strict';
import { test } from 'node:test';
import WebSocket from 'ws';
import { Js2Error, LibreConnectClient } from '../src/index.js';
import { rejection, setup } from './helpers.js';

test('each command uses a new socket with one frame, closed by the client with 1000', async (t) => {
  const { server, client } = await setup(t);
  await client.getPcscReaders();
  await client.getLogLevels();
  await client.getSessionState();

  assert.equal(server.connections.length, 3);
  const codes = await Promise.all(server.connections.map((conn) => conn.closed));
  assert.deepEqual(codes, [1000, 1000, 1000]);
  assert.deepEqual(
    server.connections.map((conn) => conn.frames.map((frame) => frame.s_commandName)),
    [['hl_getPcscReaders'], ['getLogLevels'], ['hl_getSessionState']],
  );
});

test('the frame is the JSON text of the command, command name first', async (t) => {
  const { server, client } = await setup(t);
  await client.convertLunarDateToStandardDate({ date: '550615' });
  assert.equal(server.connections[0].rawFrames[0], '{"s_commandName":"hl_convertLunarDateToStandardDate","s_date":"550615"}');
});

test('the answer object is returned as it came', async (t) => {
  const { server, client } = await setup(t);
  const readers = [{ s_name: 'Reader 0', i_slotType: 3, s_slotType: 'CPS card', i_accessMode: 1, s_accessMode: 'Full PC/SC' }];
  server.answer('hl_getPcscReaders', { s_status: 'OK', Readers: readers });
  assert.deepEqual(await client.getPcscReaders(), { s_status: 'OK', Readers: readers });
});

test('concurrent commands travel on separate sockets', async (t) => {
  const { server, client } = await setup(t);
  server.handle('hl_readCpxCard', (_command, conn) => setTimeout(() => conn.reply({ s_status: 'OK', s_name: 'DOE' }), 50));
  server.answer('hl_createDmpConnector', { s_status: 'OK', s_instanceUniqueId: '2.25.1' });
  const [read, connector] = await Promise.all([
    client.readCpxCard({ pinCode: '1234' }),
    client.createDmpConnector({ pinCode: '1234', dmpUrl: 'formation1' }),
  ]);
  assert.equal(read.s_name, 'DOE');
  assert.equal(connector.s_instanceUniqueId, '2.25.1');
  assert.equal(server.connections.length, 2);
});

test('openSession stores the session id, later commands carry it, closeSession clears it', async (t) => {
  const { server, client } = await setup(t);
  server.answer('hl_openSession', { s_status: 'OK', s_sessionId: 'session-1', s_serviceVersion: '1.0' });
  assert.equal(client.sessionId, null);

  const opened = await client.openSession({ applicationId: 'app' });
  assert.equal(opened.s_sessionId, 'session-1');
  assert.equal(client.sessionId, 'session-1');

  await client.getPcscReaders();
  await client.getLogsTail(); // session-less command
  await client.closeSession();
  assert.equal(client.sessionId, null);
  await client.getSessionState();

  const [open, readers, logs, close, state] = server.commands;
  assert.equal(open.s_sessionId, undefined);
  assert.equal(readers.s_sessionId, 'session-1');
  assert.equal(logs.s_sessionId, undefined);
  assert.equal(close.s_sessionId, 'session-1');
  assert.equal(state.s_sessionId, undefined);
});

test('the session id is kept when closeSession fails and is not stored when openSession fails', async (t) => {
  const { server, client } = await setup(t, { sessionId: 'kept' });
  server.answer('hl_closeSession', { s_status: 'ERROR', i_apiErrorType: 6000, i_apiErrorCode: 1 });
  server.answer('hl_openSession', { s_status: 'ERROR', s_sessionId: 'not-this-one' });
  await rejection(client.closeSession());
  assert.equal(client.sessionId, 'kept');
  await rejection(client.openSession());
  assert.equal(client.sessionId, 'kept');
});

test('raw sends wire fields unchanged, with the session id, and an explicit s_sessionId wins', async (t) => {
  const { server, client } = await setup(t, { sessionId: 'mine' });
  server.answer('hl_getVitaleCard', { s_status: 'OK' });
  await client.raw('hl_getVitaleCard', { i_readerNumber: '1', s_readerName: 'Vitale' });
  await client.raw('hl_getVitaleCard', { s_sessionId: 'other' });
  await client.raw('getLogLevels');
  assert.deepEqual(server.commands[0], {
    s_commandName: 'hl_getVitaleCard',
    i_readerNumber: '1',
    s_readerName: 'Vitale',
    s_sessionId: 'mine',
  });
  assert.equal(server.commands[1].s_sessionId, 'other');
  assert.equal(server.commands[2].s_sessionId, undefined);
});

test('raw through openSession and closeSession also keeps the session id', async (t) => {
  const { server, client } = await setup(t);
  server.answer('hl_openSession', { s_status: 'OK', s_sessionId: 'raw-session' });
  await client.raw('hl_openSession', { i_timeoutInSeconds: 60 });
  assert.equal(client.sessionId, 'raw-session');
  await client.raw('hl_closeSession');
  assert.equal(client.sessionId, null);
});

test('no answer within the budget: the socket is closed with 1000 and the call fails with 5000/5', async (t) => {
  const { server, client } = await setup(t, { timeouts: { hl_getCpxStatus: 150 } });
  server.handle('hl_getCpxStatus', () => {}); // never answers
  const started = Date.now();
  const error = await rejection(client.getCpxStatus());
  assert.ok(error instanceof Js2Error);
  assert.equal(error.apiErrorType, 5000);
  assert.equal(error.apiErrorCode, 5);
  assert.equal(error.apiErrorDescription, 'ServerTimeout');
  assert.ok(error.isTimeout());
  assert.ok(Date.now() - started >= 140);
  assert.equal(await server.connections[0].closed, 1000);
});

test('a timeout given as a number applies to every command; timeoutMs per call wins', async (t) => {
  const { server, client } = await setup(t, { timeouts: 100 });
  server.handle('hl_getPcscReaders', () => {});
  server.handle('hl_getCpxCard', (_command, conn) => setTimeout(() => conn.reply({ s_status: 'OK' }), 200));
  server.handle('hl_anything', () => {});
  assert.ok((await rejection(client.getPcscReaders())).isTimeout());
  assert.deepEqual(await client.getCpxCard({}, { timeoutMs: 2000 }), { s_status: 'OK' });
  assert.ok((await rejection(client.raw('hl_anything', {}, { timeoutMs: 50 }))).isTimeout());
});

for (const [label, act, code] of [
  ['1011', (conn) => conn.close(1011, 'worker crashed'), 1011],
  ['1006 (dropped connection)', (conn) => conn.terminate(), 1006],
  ['1000 but before any answer', (conn) => conn.close(1000, 'bye'), 1000],
]) {
  test(`a close with ${label} before the answer fails with 5000/3`, async (t) => {
    const { server, client } = await setup(t);
    server.handle('hl_getCpxCard', (_command, conn) => act(conn));
    const error = await rejection(client.getCpxCard());
    assert.ok(error instanceof Js2Error);
    assert.equal(error.apiErrorType, 5000);
    assert.equal(error.apiErrorCode, 3);
    assert.equal(error.apiErrorDescription, 'ConnectionClosedError');
    assert.match(error.message, new RegExp(`code ${code}`));
    if (code === 1011) assert.match(error.message, /worker crashed/);
    assert.ok(error.isConnectionError());
  });
}

test('nothing listening: the call fails with 5000/2 SocketError', async (t) => {
  const { server, client } = await setup(t, { healthCheck: false });
  await server.stop();
  const error = await rejection(client.getPcscReaders());
  assert.equal(error.apiErrorType, 5000);
  assert.equal(error.apiErrorCode, 2);
  assert.equal(error.apiErrorDescription, 'SocketError');
});

test('an answer that is not a JSON object fails with 5000/4', async (t) => {
  const { server, client } = await setup(t);
  server.answer('hl_getPcscReaders', 'not json');
  server.answer('hl_getCpxStatus', '[1,2]');
  assert.equal((await rejection(client.getPcscReaders())).apiErrorCode, 4);
  assert.equal((await rejection(client.getCpxStatus())).apiErrorCode, 4);
});

test('without any WebSocket implementation, commands fail with 5000/1', async () => {
  const client = new LibreConnectClient({ WebSocket: null, healthCheck: false });
  if (typeof globalThis.WebSocket === 'function') return; // Node 22+ has one
  const error = await rejection(client.getPcscReaders());
  assert.equal(error.apiErrorCode, 1);
  assert.equal(error.apiErrorDescription, 'BrowserNotSupported');
});

test('defaults point at wss://localhost.icanopee.net:9982; host and port options change it', () => {
  assert.equal(new LibreConnectClient({ WebSocket }).url, 'wss://localhost.icanopee.net:9982');
  assert.equal(new LibreConnectClient({ WebSocket, host: 'localhost', port: 9443 }).url, 'wss://localhost:9443');
  assert.equal(new LibreConnectClient({ WebSocket, url: 'ws://127.0.0.1:1' }).url, 'ws://127.0.0.1:1');
});
