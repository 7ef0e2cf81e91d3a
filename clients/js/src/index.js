export { LibreConnectClient, DEFAULT_HOST, DEFAULT_PORT } from './client.js';
export { Js2Error, ErrorType, WrapperErrorCode, SoftwareErrorCode } from './errors.js';
export { Monitor } from './monitor.js';
export { DEFAULT_TIMEOUTS_MS, FALLBACK_TIMEOUT_MS } from './timeouts.js';
export { PERSISTENT_COMMANDS, SESSIONLESS_COMMANDS, SESSION_PROBE_COMMANDS, DMP_PRODUCTION_URL } from './commands.js';
