import WebSocket from 'ws';
import { LibreConnectClient } from '../src/index.js';
import { FakeConnector } from './fake-connector.js';

/**
 * Starts a fake connector and a client pointed at it; both are cleaned up after the test.
 *
 * @param {import('node:test').TestContext} t
 * @param {object} [clientOptions] extra client options
 */
export async function setup(t, clientOptions = {}) {
  const server = await FakeConnector.start();
  t.after(() => server.stop());
  const client = new LibreConnectClient({ url: server.url, WebSocket, ...clientOptions });
  return { server, client };
}

/** An answer with the full JS2 error shape. */
export function apiError(type, code, description = 'failure', extra = {}) {
  return {
    s_status: 'API_ERROR',
    s_errorDescription: `${description} (description)`,
    i_apiErrorType: type,
    s_apiErrorTypeDescription: `type ${type}`,
    i_apiErrorCode: code,
    s_apiErrorDescription: description,
    s_apiErrorContext: 'context',
    s_apiErrorExtendedInformations: 'extended',
    ...extra,
  };
}

/** Resolves with the promise's rejection reason; fails if it resolves. */
export async function rejection(promise) {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  throw new Error('expected a rejection');
}
