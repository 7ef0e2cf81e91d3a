import assert from 'node:assert/strict';
import { test } from 'node:test';
import { inspect } from 'node:util';
import { ErrorType, Js2Error, WrapperErrorCode } from '../src/index.js';
import { apiError, rejection, setup } from './helpers.js';

const PIN = '8642';

test('an answer with s_status other than OK rejects with a Js2Error carrying every JS2 field', async (t) => {
  const { server, client } = await setup(t);
  const answer = apiError(1, 7, 'Wrong PIN code', { s_apiErrorContext: 'readCpxCard' });
  server.answer('hl_readCpxCard', answer);
  const error = await rejection(client.readCpxCard({ pinCode: PIN }));

  assert.ok(error instanceof Js2Error);
  assert.ok(error instanceof Error);
  assert.equal(error.name, 'Js2Error');
  assert.equal(error.command, 'hl_readCpxCard');
  assert.equal(error.status, 'API_ERROR');
  assert.equal(error.apiErrorType, 1);
  assert.equal(error.apiErrorCode, 7);
  assert.equal(error.apiErrorDescription, 'Wrong PIN code');
  assert.equal(error.apiErrorTypeDescription, 'type 1');
  assert.equal(error.apiErrorContext, 'readCpxCard');
  assert.equal(error.apiErrorExtendedInformations, 'extended');
  assert.equal(error.errorDescription, 'Wrong PIN code (description)');
  assert.deepEqual(error.answer, answer);
  assert.ok(error.isWrongPin());
  assert.ok(!error.isInvalidSession());
  assert.ok(!error.isWrapperError());
  assert.match(error.message, /hl_readCpxCard: Wrong PIN code \(1\/7\)/);
});

test('an unknown session is recognised (6000/3), even with "ERROR" and few fields', async (t) => {
  const { server, client } = await setup(t, { sessionId: 'gone' });
  server.answer('hl_getPcscReaders', {
    s_status: 'ERROR',
    s_errorDescription: 'Invalid session',
    i_apiErrorType: 6000,
    i_apiErrorCode: 3,
  });
  const error = await rejection(client.getPcscReaders());
  assert.ok(error.isInvalidSession());
  assert.equal(error.status, 'ERROR');
  assert.equal(error.apiErrorDescription, null);
  assert.equal(error.apiErrorContext, null);
  assert.match(error.message, /Invalid session \(6000\/3\)/);
});

test('a bare error answer still rejects', async (t) => {
  const { server, client } = await setup(t);
  server.answer('hl_getCpxStatus', { s_status: 'KO' });
  const error = await rejection(client.getCpxStatus());
  assert.equal(error.status, 'KO');
  assert.equal(error.apiErrorType, null);
  assert.match(error.message, /status KO/);
});

test('library errors use type 5000 and the wrapper field names', async (t) => {
  const { server, client } = await setup(t, { timeouts: 50 });
  server.handle('hl_getCpxStatus', () => {});
  const error = await rejection(client.getCpxStatus());
  assert.equal(error.apiErrorType, ErrorType.WrapperErrors);
  assert.equal(error.apiErrorCode, WrapperErrorCode.ServerTimeout);
  assert.equal(error.apiErrorTypeDescription, 'WrapperErrors');
  assert.equal(error.apiErrorContext, 'hl_getCpxStatus');
  assert.equal(error.answer.i_apiErrorType, 5000);
  assert.ok(error.isWrapperError());
});

test('the PIN code appears in no error the library throws', async (t) => {
  const { server, client } = await setup(t, { timeouts: { hl_signWithCpxCard: 50 } });
  const errors = [];
  // connector error (wrong PIN)
  server.answer('hl_readCpxCard', apiError(1, 7, 'Wrong PIN code'));
  errors.push(await rejection(client.readCpxCard({ pinCode: PIN })));
  // timeout
  server.handle('hl_signWithCpxCard', () => {});
  errors.push(await rejection(client.signWithCpxCard({ pinCode: PIN, stringToSign: 'x' })));
  // connection closed before the answer
  server.handle('hl_createDmpConnector', (_command, conn) => conn.close(1011, 'boom'));
  errors.push(await rejection(client.createDmpConnector({ pinCode: PIN, dmpUrl: 'formation1' })));
  // unexpected answer
  server.answer('hl_readCpxCard', 'garbage');
  errors.push(await rejection(client.readCpxCard({ pinCode: PIN })));
  // bad option next to the PIN
  errors.push(await rejection(client.readCpxCard({ pinCode: PIN, returnCertificates: 'yes' })));
  errors.push(await rejection(client.readCpxCard({ pinCode: PIN, pinCod: PIN })));
  // connector gone
  await server.stop();
  errors.push(await rejection(client.readCpxCard({ pinCode: PIN })));

  assert.equal(errors.length, 7);
  for (const error of errors) {
    const seen = [error.message, error.stack, inspect(error, { depth: 10 }), JSON.stringify(error.answer ?? {})].join('\n');
    assert.ok(!seen.includes(PIN), `PIN leaked in: ${error.message}`);
  }
  // the connector did receive the PIN, so the test is meaningful
  assert.equal(server.commands[0].s_pinCode, PIN);
});
