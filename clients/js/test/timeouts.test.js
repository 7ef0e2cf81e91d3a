import assert from 'node:assert/strict';
import { test } from 'node:test';
import { DEFAULT_TIMEOUTS_MS, FALLBACK_TIMEOUT_MS } from '../src/index.js';
import { timeoutFor } from '../src/timeouts.js';
import { rejection, setup } from './helpers.js';

// Mocked timers replace the global setTimeout/clearTimeout of the whole process, sockets of
// other tests included: this file keeps them away from the other test files.

test('the budget table follows the JS2 wrapper', () => {
  assert.equal(DEFAULT_TIMEOUTS_MS.hl_setDmpAccessMode, 2000);
  assert.equal(DEFAULT_TIMEOUTS_MS.getLogsTail, 4000);
  assert.equal(DEFAULT_TIMEOUTS_MS.hl_deleteDocument, 5000);
  assert.equal(DEFAULT_TIMEOUTS_MS.hl_getDirectAuthenticationDMPStatus, 6000);
  assert.equal(DEFAULT_TIMEOUTS_MS.hl_readCpxCard, 10000);
  assert.equal(DEFAULT_TIMEOUTS_MS.hl_setPersistantData, 10000);
  assert.equal(DEFAULT_TIMEOUTS_MS.hl_getPcscReaders, 15000);
  assert.equal(DEFAULT_TIMEOUTS_MS.hl_closeSession, 20000);
  assert.equal(DEFAULT_TIMEOUTS_MS.hl_openSession, 30000);
  assert.equal(DEFAULT_TIMEOUTS_MS.hl_getInsFromVitaleCard, 60000);
  assert.equal(DEFAULT_TIMEOUTS_MS.hl_getDocumentContentByUniqueId, 90000);
  assert.equal(DEFAULT_TIMEOUTS_MS.hl_sendDocument, 200000);
  assert.equal(DEFAULT_TIMEOUTS_MS.hl_findDocuments, 600000);
});

test('overrides: a number for every command, a map per command, the table otherwise', () => {
  assert.equal(timeoutFor('hl_readCpxCard', undefined), 10000);
  assert.equal(timeoutFor('hl_readCpxCard', 1234), 1234);
  assert.equal(timeoutFor('hl_readCpxCard', { hl_readCpxCard: 99 }), 99);
  assert.equal(timeoutFor('hl_getCpxStatus', { hl_readCpxCard: 99 }), 30000);
  assert.equal(timeoutFor('hl_notInTheTable', undefined), FALLBACK_TIMEOUT_MS);
});

test('the wrapper budgets apply by default (with mocked timers)', async (t) => {
  // the health check's HTTP client keeps timers of its own: keep them out of the mock
  const { server, client } = await setup(t, { healthCheck: false });
  server.handle('hl_setDmpAccessMode', () => {});
  t.mock.timers.enable({ apis: ['setTimeout'] });
  const pending = rejection(client.setDmpAccessMode({ accessMode: 1, reason: '' }));
  await server.connection(0);
  await waitFor(() => server.commands.length === 1);
  t.mock.timers.tick(1999);
  let settled = false;
  pending.then(() => (settled = true));
  await new Promise((resolve) => setImmediate(resolve));
  assert.equal(settled, false);
  t.mock.timers.tick(1);
  const error = await pending;
  assert.equal(error.apiErrorCode, 5);
  assert.match(error.message, /2000 ms/);
});

async function waitFor(condition) {
  for (let i = 0; i < 200 && !condition(); i++) {
    await new Promise((resolve) => setImmediate(resolve));
  }
  assert.ok(condition(), 'condition not reached');
}
