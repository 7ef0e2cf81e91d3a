/**
 * One command over one WebSocket, as the JS2 wrapper does it: open a new socket, send one
 * text frame, wait for exactly one frame, close with code 1000, hand back the parsed answer.
 * There is no request id on the wire: the socket itself pairs the answer with the command.
 */

import { WrapperErrorCode, wrapperError } from './errors.js';

export const NORMAL_CLOSURE = 1000;

/**
 * @param {object} options
 * @param {new (url: string) => any} options.WebSocket constructor (browser `WebSocket` or `ws`)
 * @param {string} options.url
 * @param {string} options.commandName for errors only
 * @param {string} options.frame the serialised command
 * @param {number} options.timeoutMs budget from socket creation to the answer
 * @returns {Promise<Record<string, unknown>>} the answer, whatever its `s_status`
 */
export function exchange({ WebSocket, url, commandName, frame, timeoutMs }) {
  return new Promise((resolve, reject) => {
    let socket;
    try {
      socket = new WebSocket(url);
    } catch (cause) {
      reject(wrapperError(WrapperErrorCode.SocketError, commandName, `cannot open ${url}: ${messageOf(cause)}`));
      return;
    }
    let settled = false;
    const settle = (error, answer) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      if (error) reject(error);
      else resolve(answer);
    };
    const timer = setTimeout(() => {
      settle(
        wrapperError(
          WrapperErrorCode.ServerTimeout,
          commandName,
          `no answer from ${url} within ${timeoutMs} ms`,
        ),
      );
      closeNormally(socket);
    }, timeoutMs);

    socket.addEventListener('open', () => {
      if (settled) return;
      try {
        socket.send(frame);
      } catch (cause) {
        settle(wrapperError(WrapperErrorCode.SocketError, commandName, `cannot send: ${messageOf(cause)}`));
        closeNormally(socket);
      }
    });
    socket.addEventListener('message', (event) => {
      if (settled) return;
      closeNormally(socket);
      const parsed = parseAnswer(event.data, commandName);
      if (parsed instanceof Error) settle(parsed);
      else settle(null, parsed);
    });
    socket.addEventListener('error', (event) => {
      settle(wrapperError(WrapperErrorCode.SocketError, commandName, socketErrorText(url, event)));
    });
    socket.addEventListener('close', (event) => {
      settle(
        wrapperError(
          WrapperErrorCode.ConnectionClosedError,
          commandName,
          `connection closed before the answer: ${closeText(event)}`,
        ),
      );
    });
  });
}

/**
 * Parses one frame; returns the answer object or a 5000/4 error.
 *
 * @returns {Record<string, unknown> | Error}
 */
export function parseAnswer(data, commandName) {
  if (typeof data !== 'string') {
    return wrapperError(WrapperErrorCode.UnexpectedResponse, commandName, 'received a binary frame, expected JSON text');
  }
  let answer;
  try {
    answer = JSON.parse(data);
  } catch {
    return wrapperError(WrapperErrorCode.UnexpectedResponse, commandName, 'received a frame that is not JSON');
  }
  if (answer === null || typeof answer !== 'object' || Array.isArray(answer)) {
    return wrapperError(WrapperErrorCode.UnexpectedResponse, commandName, 'received JSON that is not an object');
  }
  return answer;
}

/** Closes with 1000 whatever the state; a socket that is already closing stays as it is. */
export function closeNormally(socket) {
  try {
    socket.close(NORMAL_CLOSURE);
  } catch {
    // already closed, or closing: nothing to do
  }
}

export function closeText(event) {
  const code = event?.code ?? 'unknown';
  return event?.reason ? `code ${code}, reason "${event.reason}"` : `code ${code}`;
}

export function socketErrorText(url, event) {
  const detail = event?.message || event?.error?.message;
  return detail ? `socket error on ${url}: ${detail}` : `socket error on ${url}`;
}

function messageOf(cause) {
  return cause instanceof Error ? cause.message : String(cause);
}
