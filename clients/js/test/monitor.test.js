import assert from 'node:assert/strict';
import { test } from 'node:test';
import { Js2Error } from '../src/index.js';
import { apiError, rejection, setup } from './helpers.js';

const ACK = { s_status: 'OK' };
const status = (code, name) => ({ s_status: 'OK', i_cardStatus: code, s_cardStatus: name });
const EVENTS = [status(1, 'ValidCardInserted'), status(2, 'NoCardInserted'), status(1, 'ValidCardInserted')];

/** Scripts a card monitor: acknowledgement, then `frames` a few milliseconds apart. */
function scriptMonitor(server, commandName, frames, gapMs = 5) {
  server.handle(commandName, (_command, conn) => {
    conn.reply(ACK);
    frames.forEach((frame, index) => setTimeout(() => conn.reply(frame), gapMs * (index + 1)));
  });
}

test('the acknowledgement is consumed; events come in order through the async iterator', async (t) => {
  const { server, client } = await setup(t, { sessionId: 's1' });
  scriptMonitor(server, 'hl_startCpxCardMonitoring', EVENTS);
  const monitor = await client.startCpxCardMonitoring({ checkingInterval: '2' });
  const received = [];
  for await (const event of monitor) {
    received.push(event);
    if (received.length === EVENTS.length) break;
  }
  assert.deepEqual(received, EVENTS);
  assert.deepEqual(server.commands, [
    { s_commandName: 'hl_startCpxCardMonitoring', i_checkingInterval: 2, s_sessionId: 's1' },
  ]);
  // leaving the loop stops the monitor: the connector sees a 1000 close
  assert.equal(await server.connections[0].closed, 1000);
  assert.equal(monitor.closed, true);
});

test("events come in order through on('event'); stop() closes with 1000 and the connector sees it", async (t) => {
  const { server, client } = await setup(t);
  scriptMonitor(server, 'hl_startCpxCardMonitoring', EVENTS);
  const monitor = await client.startCpxCardMonitoring({ checkingInterval: 1 });
  const received = [];
  const closes = [];
  const allReceived = new Promise((resolve) => {
    monitor.on('event', (event) => {
      received.push(event);
      if (received.length === EVENTS.length) resolve();
    });
  });
  monitor.on('close', (info) => closes.push(info));
  await allReceived;
  assert.deepEqual(received, EVENTS);

  const closeInfo = await monitor.stop();
  assert.equal(closeInfo.code, 1000);
  assert.deepEqual(closes, [closeInfo]);
  assert.equal(await server.connections[0].closed, 1000);
  assert.equal(server.connections.length, 1); // one socket for the whole stream
});

test('events that arrive before anyone listens are kept for the first consumer', async (t) => {
  const { server, client } = await setup(t);
  server.handle('hl_startDummyMonitoring', (_command, conn) => {
    // acknowledgement and events in one burst, before the caller can attach anything
    conn.reply(ACK);
    conn.reply({ s_status: 'OK', sMessage: 'Test' });
    conn.reply({ s_status: 'OK', sMessage: 'Test 2' });
  });
  const monitor = await client.startDummyMonitoring();
  await new Promise((resolve) => setTimeout(resolve, 30));
  const received = [];
  await new Promise((resolve) =>
    monitor.on('event', (event) => {
      received.push(event.sMessage);
      if (received.length === 2) resolve();
    }),
  );
  assert.deepEqual(received, ['Test', 'Test 2']);
  await monitor.stop();
});

test('an error frame ends the iteration with a Js2Error after the earlier events', async (t) => {
  const { server, client } = await setup(t);
  const failure = apiError(1, 12, 'Reader error');
  scriptMonitor(server, 'hl_startVitaleCardMonitoring', [status(2, 'NewCardFound'), failure, status(4, 'CardMissing')]);
  const monitor = await client.startVitaleCardMonitoring({ checkingInterval: 1 });
  const received = [];
  const errors = [];
  monitor.on('error', (error) => errors.push(error));
  const error = await rejection(
    (async () => {
      for await (const event of monitor) received.push(event);
    })(),
  );
  assert.ok(error instanceof Js2Error);
  assert.equal(error.apiErrorCode, 12);
  assert.equal(error.command, 'hl_startVitaleCardMonitoring');
  assert.deepEqual(received, [status(2, 'NewCardFound')]);
  assert.deepEqual(errors, [error]);
  assert.equal(monitor.error, error);
  assert.equal(monitor.closed, true);
  assert.equal(await server.connections[0].closed, 1000); // the client closed the socket
});

test('an error acknowledgement rejects the start', async (t) => {
  const { server, client } = await setup(t, { sessionId: 'gone' });
  server.answer('hl_startCpxCardMonitoring', { s_status: 'ERROR', i_apiErrorType: 6000, i_apiErrorCode: 3 });
  const error = await rejection(client.startCpxCardMonitoring({ checkingInterval: 1 }));
  assert.ok(error instanceof Js2Error);
  assert.ok(error.isInvalidSession());
  assert.equal(await server.connections[0].closed, 1000);
});

test('no acknowledgement in time rejects the start with 5000/5', async (t) => {
  const { server, client } = await setup(t, { timeouts: { hl_startPrintedDocumentsMonitoring: 80 } });
  server.handle('hl_startPrintedDocumentsMonitoring', () => {});
  const error = await rejection(client.startPrintedDocumentsMonitoring());
  assert.equal(error.apiErrorCode, 5);
  assert.equal(await server.connections[0].closed, 1000);
});

test('no timer once the stream runs: a quiet monitor stays open past the budget', async (t) => {
  const { server, client } = await setup(t, { timeouts: 50 });
  server.answer('hl_startDummyMonitoring', ACK);
  const monitor = await client.startDummyMonitoring();
  await new Promise((resolve) => setTimeout(resolve, 150));
  assert.equal(monitor.closed, false);
  await monitor.stop();
});

test('the connector closing with 1011 ends the stream with 5000/3; with 1000 it just ends', async (t) => {
  const { server, client } = await setup(t);
  server.handle('hl_startCpxCardMonitoring', (_command, conn) => {
    conn.reply(ACK);
    setTimeout(() => conn.close(1011, 'worker crashed'), 10);
  });
  const broken = await client.startCpxCardMonitoring({ checkingInterval: 1 });
  const error = await rejection(
    (async () => {
      for await (const _event of broken);
    })(),
  );
  assert.equal(error.apiErrorCode, 3);
  assert.match(error.message, /1011/);

  server.handle('hl_startCpxCardMonitoring', (_command, conn) => {
    conn.reply(ACK);
    conn.reply(EVENTS[0]);
    setTimeout(() => conn.close(1000, 'session closed'), 10);
  });
  const ended = await client.startCpxCardMonitoring({ checkingInterval: 1 });
  const received = [];
  for await (const event of ended) received.push(event);
  assert.deepEqual(received, [EVENTS[0]]);
  assert.equal(ended.error, null);
});

test('stop() while an iterator waits finishes it; listeners are told about the close once', async (t) => {
  const { server, client } = await setup(t);
  server.answer('hl_startDummyMonitoring', ACK);
  const monitor = await client.startDummyMonitoring();
  const iterator = monitor[Symbol.asyncIterator]();
  const waiting = iterator.next();
  const closes = [];
  monitor.on('close', (info) => closes.push(info.code));
  await monitor.stop();
  assert.deepEqual(await waiting, { value: undefined, done: true });
  assert.deepEqual(await iterator.next(), { value: undefined, done: true });
  await monitor.stop(); // idempotent
  monitor.on('close', (info) => closes.push(info.code)); // late listener still hears it
  await new Promise((resolve) => setImmediate(resolve));
  assert.deepEqual(closes, [1000, 1000]);
});

test('raw on a persistent command also yields a monitor', async (t) => {
  const { server, client } = await setup(t);
  scriptMonitor(server, 'hl_startCpxCardMonitoring', [EVENTS[0]]);
  const monitor = await client.raw('hl_startCpxCardMonitoring', { i_checkingInterval: 3 });
  const { value } = await monitor[Symbol.asyncIterator]().next();
  assert.deepEqual(value, EVENTS[0]);
  await monitor.stop();
  assert.equal(server.commands[0].i_checkingInterval, 3);
});

test('monitoring checks /health only when it is the client\'s first command', async (t) => {
  const { server, client } = await setup(t);
  server.answer('hl_startDummyMonitoring', ACK);
  const first = await client.startDummyMonitoring();
  const second = await client.startDummyMonitoring();
  await Promise.all([first.stop(), second.stop()]);
  assert.equal(server.healthRequests, 1);
});
