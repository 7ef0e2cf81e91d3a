/**
 * Errors of the JS2 protocol. Every failure the library reports, whether it comes from the
 * connector (`s_status` other than "OK") or from the library itself (type 5000, like the JS2
 * wrapper's own errors), is a {@link Js2Error} built from an answer-shaped object.
 */

/** Values of `i_apiErrorType`. */
export const ErrorType = Object.freeze({
  ApiErrors: 1,
  DMPErrors: 2,
  CurlErrors: 3,
  VitaleErrors: 4,
  WrapperErrors: 5000,
  DmpConnectJsSoftwareErrors: 6000,
});

/** Codes of type 5000 (`WrapperErrors`): produced by the client library, never by the server. */
export const WrapperErrorCode = Object.freeze({
  BrowserNotSupported: 1,
  SocketError: 2,
  ConnectionClosedError: 3,
  UnexpectedResponse: 4,
  ServerTimeout: 5,
  InitializationError: 6,
});

/** Codes of type 6000 (`DmpConnectJsSoftwareErrors`): produced by the connector software. */
export const SoftwareErrorCode = Object.freeze({
  ErrTechnical: 1,
  ErrFunctional: 2,
  ErrInvalidSession: 3,
});

const WRAPPER_CODE_NAMES = Object.fromEntries(
  Object.entries(WrapperErrorCode).map(([name, code]) => [code, name]),
);

/** Thrown when the connector answers with `s_status` other than "OK", or a transport step fails. */
export class Js2Error extends Error {
  /**
   * @param {Record<string, unknown>} answer the answer object (kept as `answer`)
   * @param {string} [commandName] the command that failed, for the message
   */
  constructor(answer, commandName) {
    super(describe(answer, commandName));
    this.name = 'Js2Error';
    this.command = commandName ?? null;
    this.status = stringOrNull(answer.s_status);
    this.apiErrorType = numberOrNull(answer.i_apiErrorType);
    this.apiErrorCode = numberOrNull(answer.i_apiErrorCode);
    this.apiErrorDescription = stringOrNull(answer.s_apiErrorDescription);
    this.apiErrorTypeDescription = stringOrNull(answer.s_apiErrorTypeDescription);
    this.apiErrorContext = stringOrNull(answer.s_apiErrorContext);
    this.apiErrorExtendedInformations = stringOrNull(answer.s_apiErrorExtendedInformations);
    this.errorDescription = stringOrNull(answer.s_errorDescription);
    this.answer = answer;
  }

  /** True for `type`/`code` given as numbers. */
  is(type, code) {
    return this.apiErrorType === type && this.apiErrorCode === code;
  }

  /** The session id is unknown or expired (6000/3). */
  isInvalidSession() {
    return this.is(ErrorType.DmpConnectJsSoftwareErrors, SoftwareErrorCode.ErrInvalidSession);
  }

  /** The CPx card refused the PIN code (1/7). */
  isWrongPin() {
    return this.is(ErrorType.ApiErrors, 7);
  }

  /** The error was produced by this library (type 5000), not by the connector. */
  isWrapperError() {
    return this.apiErrorType === ErrorType.WrapperErrors;
  }

  /** No answer arrived in time (5000/5). */
  isTimeout() {
    return this.is(ErrorType.WrapperErrors, WrapperErrorCode.ServerTimeout);
  }

  /** The connector could not be reached: socket error, early close, failed health check. */
  isConnectionError() {
    return (
      this.apiErrorType === ErrorType.WrapperErrors &&
      [
        WrapperErrorCode.SocketError,
        WrapperErrorCode.ConnectionClosedError,
        WrapperErrorCode.InitializationError,
      ].includes(/** @type {number} */ (this.apiErrorCode))
    );
  }
}

/**
 * Builds a type-5000 error the way the JS2 wrapper shapes its own errors.
 *
 * @param {number} code a {@link WrapperErrorCode}
 * @param {string} commandName the command being run (goes to `s_apiErrorContext`)
 * @param {string} details plain-language explanation (goes to `s_apiErrorExtendedInformations`)
 */
export function wrapperError(code, commandName, details) {
  const name = WRAPPER_CODE_NAMES[code] ?? 'UnknownWrapperError';
  return new Js2Error(
    {
      s_status: 'ERROR',
      s_errorDescription: `${name}: ${details}`,
      i_apiErrorType: ErrorType.WrapperErrors,
      s_apiErrorTypeDescription: 'WrapperErrors',
      i_apiErrorCode: code,
      s_apiErrorDescription: name,
      s_apiErrorContext: commandName,
      s_apiErrorExtendedInformations: details,
    },
    commandName,
  );
}

function describe(answer, commandName) {
  const where = commandName ? `${commandName}: ` : '';
  const text =
    answer.s_apiErrorDescription || answer.s_errorDescription || `status ${answer.s_status}`;
  const hasCode = answer.i_apiErrorType != null || answer.i_apiErrorCode != null;
  const code = hasCode ? ` (${answer.i_apiErrorType ?? '?'}/${answer.i_apiErrorCode ?? '?'})` : '';
  const extra =
    answer.s_apiErrorExtendedInformations &&
    answer.s_apiErrorExtendedInformations !== answer.s_apiErrorDescription
      ? ` - ${answer.s_apiErrorExtendedInformations}`
      : '';
  return `${where}${text}${code}${extra}`;
}

function stringOrNull(value) {
  return typeof value === 'string' ? value : value == null ? null : String(value);
}

function numberOrNull(value) {
  if (typeof value === 'number') return value;
  if (typeof value === 'string' && value.trim() !== '' && !Number.isNaN(Number(value))) {
    return Number(value);
  }
  return null;
}
