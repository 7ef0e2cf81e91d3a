/**
 * Local Network Access readiness. Chrome asks the user before a public page may reach a
 * loopback service, and it shows that prompt for a `fetch`; so the client fetches
 * `https://<host>:<port>/health` once before its first WebSocket. A failure here also tells
 * apart "nothing answers" from a command error.
 */

import { WrapperErrorCode, wrapperError } from './errors.js';

const LIKELY_CAUSES =
  'Likely causes: the connector is not running; its TLS certificate is not trusted by this ' +
  "browser; this page's origin is not in the connector's allowed origins; or the browser's " +
  'Local Network Access permission was denied for this site.';

/** `wss://h:9982` → `https://h:9982/health`, `ws://127.0.0.1:5000/x` → `http://127.0.0.1:5000/health`. */
export function healthUrlFor(socketUrl) {
  const url = new URL(socketUrl);
  if (url.protocol === 'wss:') url.protocol = 'https:';
  else if (url.protocol === 'ws:') url.protocol = 'http:';
  url.pathname = '/health';
  url.search = '';
  url.hash = '';
  return url.href;
}

/**
 * @param {(url: string, init?: object) => Promise<any>} fetchFn
 * @param {string} healthUrl
 * @returns {Promise<{ ok: true, version: string | null }>}
 */
export async function fetchHealth(fetchFn, healthUrl) {
  if (typeof fetchFn !== 'function') {
    throw initializationError(`cannot check ${healthUrl}: fetch is not available here`);
  }
  let response;
  try {
    response = await fetchFn(healthUrl, {
      method: 'GET',
      mode: 'cors',
      credentials: 'omit',
      cache: 'no-store',
    });
  } catch (cause) {
    const detail = cause instanceof Error ? cause.message : String(cause);
    throw initializationError(`the connector did not answer at ${healthUrl} (${detail}). ${LIKELY_CAUSES}`);
  }
  if (!response.ok) {
    throw initializationError(`${healthUrl} answered HTTP ${response.status}. ${LIKELY_CAUSES}`);
  }
  let body = null;
  try {
    body = await response.json();
  } catch {
    // a connector without a JSON health body is still reachable
  }
  if (body && typeof body === 'object' && body.s_status != null && body.s_status !== 'OK') {
    throw initializationError(`${healthUrl} reported status ${String(body.s_status)}`);
  }
  const version =
    (body && typeof body.s_serviceVersion === 'string' && body.s_serviceVersion) ||
    response.headers?.get?.('eSanteConnect-Version') ||
    null;
  return { ok: true, version };
}

function initializationError(details) {
  return wrapperError(WrapperErrorCode.InitializationError, 'checkHealth', details);
}
