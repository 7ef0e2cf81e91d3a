/**
 * The examples page: one button per step, each step one JS2 command sent with the
 * @libreconnect/client library. Served by the connector at /examples/, or from any web server
 * whose origin the connector allows (?host=…&port=… preset the connector's address).
 */

import { DEFAULT_HOST, DEFAULT_PORT, LibreConnectClient } from './client/index.js';
import { ExchangeLog } from './exchange-log.js';

const $ = (id) => document.getElementById(id);
const log = new ExchangeLog($('log'), $('events'), $('entry-template'));
const monitors = { dummy: null, card: null, vitale: null, printer: null };
let client = null;
let clientKey = '';

const SESSION_DATA_TEXT = 'Hello from the LibreConnect examples page';
const SCENARIO_MONITORING_MS = 3000;

/** The connector address and options typed in the page. */
/**
 * The software identification INSi requests carry. A real deployment sends its own CNDA
 * authorisation number, installation UUID and billing number.
 */
const EXAMPLE_LPS_INFOS = Object.freeze({
  s_idam: 'LIBRECONNECT-EXAMPLES',
  s_numAM: '4',
  s_version: '1.0.0',
  s_instance: '00000000-0000-4000-8000-000000000000',
  s_name: 'LibreConnect examples',
  s_billingNumber: '',
});

function settings() {
  return {
    host: $('host').value.trim() || DEFAULT_HOST,
    port: Number.parseInt($('port').value, 10) || DEFAULT_PORT,
    applicationId: $('application-id').value.trim(),
    healthCheck: $('health-check').checked,
  };
}

/** The client for the current settings; a new one (no session) when they changed. */
function connector() {
  const { host, port, healthCheck } = settings();
  const key = `${host}:${port}:${healthCheck}`;
  if (client === null || key !== clientKey) {
    client = new LibreConnectClient({
      host,
      port,
      healthCheck,
      WebSocket: log.webSocketClass(globalThis.WebSocket),
      fetch: log.fetchFunction(globalThis.fetch.bind(globalThis)),
    });
    clientKey = key;
  }
  return client;
}

function showSession() {
  $('session-id').textContent = client?.sessionId ?? 'none';
}

/** The handle typed in the object panel. */
function objectHandle() {
  return Number.parseInt($('object-handle').value, 10);
}

function showAddress() {
  const { host, port } = settings();
  $('socket-url').textContent = `wss://${host}:${port}`;
  $('status-link').href = `https://${host}:${port}/`;
  $('ca-link').href = `https://${host}:${port}/ca.crt`;
}

/**
 * Sends one command as one logged step; `describe` turns the answer into a short note. Resolves
 * with `{ ok, result: { answer, note } }` or `{ ok: false, error }`.
 */
function command(name, send, describe) {
  return log.step(name, async () => {
    try {
      const answer = await send(connector());
      return { answer, note: describe?.(answer) };
    } finally {
      showSession();
    }
  });
}

const steps = {
  openSession: () =>
    command(
      'hl_openSession',
      (c) => c.openSession({ applicationId: settings().applicationId || undefined }),
      (answer) => `session ${answer.s_sessionId}`,
    ),

  closeSession: () => command('hl_closeSession', (c) => c.closeSession()),

  async sessionData() {
    const stored = await command(
      'hl_setSessionData',
      (c) => c.setSessionData({ sessionData64: toBase64(SESSION_DATA_TEXT) }),
      (answer) => `id ${answer.s_sessionDataId}`,
    );
    if (!stored.ok) return [stored];
    const id = stored.result.answer.s_sessionDataId;
    const read = await command(
      'hl_getSessionData',
      (c) => c.getSessionData({ sessionDataId: id }),
      (answer) => {
        const text = fromBase64(answer.s_sessionData64);
        if (text !== SESSION_DATA_TEXT) throw new Error(`read back "${text}", expected the stored text`);
        return `read back "${text}"`;
      },
    );
    return [stored, read];
  },

  startDummy: () => startMonitor('dummy', 'hl_startDummyMonitoring', (c) => c.startDummyMonitoring()),
  stopDummy: () => stopMonitor('dummy'),

  listReaders: () =>
    command(
      'hl_getPcscReaders',
      (c) => c.getPcscReaders(),
      (answer) => {
        const readers = Array.isArray(answer.Readers) ? answer.Readers : [];
        fillReaders(readers);
        return `${readers.length} reader(s)`;
      },
    ),

  selectCard: () => {
    const option = $('reader').selectedOptions[0];
    return command('hl_getCpxCard', (c) =>
      c.getCpxCard({ readerNumber: Number(option?.value ?? 0), readerName: option?.dataset.name ?? '' }),
    );
  },

  readCard: () =>
    command(
      'hl_readCpxCard',
      (c) => c.readCpxCard({ pinCode: $('pin').value }),
      (answer) => [answer.s_given, answer.s_name].filter(Boolean).join(' ') || undefined,
    ),

  sign: () =>
    command(
      'hl_signWithCpxCard',
      (c) => c.signWithCpxCard({ pinCode: $('pin').value, stringToSign: $('string-to-sign').value }),
      (answer) => (answer.s_signature ? `signature of ${answer.s_signature.length} base64 characters` : undefined),
    ),

  startCardMonitoring: () =>
    startMonitor('card', 'hl_startCpxCardMonitoring', (c) =>
      c.startCpxCardMonitoring({ checkingInterval: Number.parseInt($('checking-interval').value, 10) || 1 }),
    ),
  stopCardMonitoring: () => stopMonitor('card'),

  selectVitaleCard: () => {
    const option = $('vitale-reader').selectedOptions[0];
    return command('hl_getVitaleCard', (c) =>
      c.getVitaleCard({ readerNumber: Number(option?.value ?? 0), readerName: option?.dataset.name ?? '' }),
    );
  },

  readVitaleCard: () =>
    command(
      'hl_readVitaleCard',
      (c) => c.readVitaleCard(),
      (answer) => {
        const patients = Array.isArray(answer.Patients) ? answer.Patients : [];
        const names = patients.map((p) => `${p.s_given} ${p.s_name} (${p.s_birthday}, quality ${p.i_quality})`);
        return `${answer.s_cardStatusText ?? ''} ${patients.length} patient(s)${names.length ? `: ${names.join('; ')}` : ''}`;
      },
    ),

  startVitaleMonitoring: () =>
    startMonitor('vitale', 'hl_startVitaleCardMonitoring', (c) =>
      c.startVitaleCardMonitoring({ checkingInterval: Number.parseInt($('checking-interval').value, 10) || 1 }),
    ),
  stopVitaleMonitoring: () => stopMonitor('vitale'),

  createInsiConnector: () => {
    const insiUrl = $('insi-url').value.trim();
    return command('hl_createInsiConnector', (c) =>
      c.createInsiConnector({ pinCode: $('pin').value, insiUrl: insiUrl === '' ? undefined : insiUrl }),
    );
  },

  insiSearch: () =>
    command(
      'hl_getInsFromIdentityInformation',
      (c) =>
        c.getInsFromIdentityInformation({
          lpsInfos: EXAMPLE_LPS_INFOS,
          birthName: $('birth-name').value.trim(),
          given: $('given').value.trim(),
          sex: Number.parseInt($('sex').value, 10),
          birthDate: $('birth-date').value.trim(),
        }),
      (answer) => {
        const ins = answer.Identity?.Ins;
        if (answer.i_insIdentityResult === 2 && ins) {
          $('ins').value = `${ins.s_value}${ins.s_key}`;
          return `INS ${ins.s_value} ${ins.s_key}`;
        }
        return answer.i_insIdentityResult === 3 ? 'several identities' : 'no identity';
      },
    ),

  createDmpConnector: () => {
    const dmpUrl = $('dmp-url').value.trim();
    return command('hl_createDmpConnector', (c) =>
      c.createDmpConnector({ pinCode: $('pin').value, dmpUrl: dmpUrl === '' ? undefined : dmpUrl }),
    );
  },

  sessionState: () =>
    command(
      'hl_getSessionState',
      (c) => c.getSessionState(),
      (answer) => `DMP connector ${answer.i_dmpConnector}, INSi connector ${answer.i_insiConnector ?? 0}, CPx card ${answer.i_cpxCard}`,
    ),

  sessionExists: () =>
    command('hl_sessionExists', (c) => c.sessionExists(), (answer) => `i_sessionExists ${answer.i_sessionExists}`),

  licenceRight: () => command('hl_checkUserLicenseRight', (c) => c.checkUserLicenseRight()),

  createConnection: () =>
    command(
      'hl_createConnection',
      (c) => c.createConnection({ server: 'https://example.org', requestTimeout: 30 }),
      (answer) => `handle ${answer.i_connectionHandle}`,
    ),

  objectDump: () =>
    command(
      'hl_getObjectParameters',
      (c) => c.getObjectParameters({ objectHandle: objectHandle() }),
      (answer) => `type ${answer.type}, ${Object.keys(answer).filter((key) => /^\d+$/.test(key)).length} parameter(s)`,
    ),

  objectType: () =>
    command('getHandleType', (c) => c.getHandleType({ handle: objectHandle() }), (answer) => `HandleType ${answer.i_returnValue}`),

  userName: () =>
    command(
      'getObjectParameterString',
      // 1003: the DMP connector's user (HandleType HP); 9: HpName
      (c) => c.getObjectParameterString({ object: 1003, parameter: 9 }),
      (answer) => answer.s_utf8String,
    ),

  startPrinterMonitoring: () =>
    startMonitor('printer', 'hl_startPrintedDocumentsMonitoring', (c) => c.startPrintedDocumentsMonitoring()),
  stopPrinterMonitoring: () => stopMonitor('printer'),

  printedCount: () =>
    command('hl_getPrintedDocumentsCount', (c) => c.getPrintedDocumentsCount(), (answer) => `${answer.i_count} document(s)`),

  nextPrinted: () =>
    command(
      'hl_getNextPrintedDocument',
      (c) => c.getNextPrintedDocument(),
      (answer) =>
        answer.PrintedDocument
          ? `${answer.PrintedDocument.s_fileName} (${answer.PrintedDocument.i_fileSize} bytes)`
          : 'no printed document',
    ),

  dmpStatus: () =>
    command(
      'hl_getDirectAuthenticationDMPStatus',
      (c) => c.getDirectAuthenticationDMPStatus({ ins: $('ins').value.trim() }),
      (answer) => {
        const status = answer.ExistingTestAnswer?.i_dmpStatus;
        return status === undefined ? undefined : `i_dmpStatus ${status}`;
      },
    ),

  /** TD1.3a then TD1.3b: the administrative data read, then sent back whole (as the JS2 example does). */
  updateAdministrativeData: async () => {
    const read = await command('hl_getDmpAdministrativeData', (c) =>
      c.getDmpAdministrativeData({ ins: $('ins').value.trim() }),
    );
    if (!read.ok) return [read];
    const update = await command('hl_updateDmpAdministrativeData', (c) =>
      c.updateDmpAdministrativeData({ dmpAdministrativeData: read.result.answer }),
    );
    return [read, update];
  },

  acknowledgementPdf: () =>
    command(
      'hl_createAcknowledgementPdf',
      (c) =>
        c.createAcknowledgementPdf({
          ins: $('ins').value.trim(),
          civilStatus: { i_gender: 3, s_name: 'MARTIN-ESSAI', s_given: 'ALICE' },
        }),
      (answer) => `PDF of ${Math.floor((answer.s_pdfFileContentInBase64?.length ?? 0) * 0.75)} bytes`,
    ),
};

/** Starts a monitor as a logged step; its events go to the event list until it stops. */
function startMonitor(slot, name, start) {
  const started = async (c) => {
    const monitor = await start(c);
    monitors[slot] = monitor;
    setMonitorButtons(slot, true);
    monitor
      .on('event', (event) => log.event(name, event))
      .on('error', (error) => log.event(name, `ended by error ${error.apiErrorType}/${error.apiErrorCode}: ${error.message}`))
      .on('close', ({ code }) => {
        log.event(name, `socket closed (code ${code})`);
        if (monitors[slot] === monitor) monitors[slot] = null;
        setMonitorButtons(slot, false);
      });
    return monitor;
  };
  return command(name, started, () => 'monitoring; events below');
}

async function stopMonitor(slot) {
  const monitor = monitors[slot];
  if (monitor) await monitor.stop();
}

function setMonitorButtons(slot, running) {
  const buttons = {
    dummy: ['start-dummy', 'stop-dummy'],
    card: ['start-card-monitoring', 'stop-card-monitoring'],
    vitale: ['start-vitale-monitoring', 'stop-vitale-monitoring'],
    printer: ['start-printer-monitoring', 'stop-printer-monitoring'],
  };
  const [start, stop] = buttons[slot];
  $(start).disabled = running;
  $(stop).disabled = !running;
}

function fillReaders(readers) {
  fillReaderList($('reader'), readers, 3);
  fillReaderList($('vitale-reader'), readers, 2);
}

/** Lists the readers in `select`, choosing the first that holds a card of `slotType`. */
function fillReaderList(select, readers, slotType) {
  select.replaceChildren();
  readers.forEach((reader, index) => {
    const option = document.createElement('option');
    option.value = String(index);
    option.dataset.name = reader.s_name ?? '';
    option.textContent = `${index}: ${reader.s_name ?? '(no name)'}${reader.s_slotType ? ` — ${reader.s_slotType}` : ''}`;
    select.append(option);
  });
  const holder = readers.findIndex((reader) => reader.i_slotType === slotType);
  if (holder >= 0) select.value = String(holder);
  if (readers.length === 0) {
    const option = document.createElement('option');
    option.value = '0';
    option.dataset.name = '';
    option.textContent = 'no reader found';
    select.append(option);
  }
}

/** Every step in order, going on after errors; the summary counts the answers. */
async function runAll() {
  const summary = $('summary');
  summary.dataset.state = 'running';
  summary.textContent = 'Running…';
  const results = [];
  const add = (result) => results.push(...[result].flat().filter(Boolean));
  add(await steps.openSession());
  add(await steps.sessionData());
  add(await steps.startDummy());
  await pause(SCENARIO_MONITORING_MS);
  await steps.stopDummy();
  add(await steps.listReaders());
  add(await steps.selectCard());
  add(await steps.readCard());
  add(await steps.sign());
  add(await steps.startCardMonitoring());
  await pause(SCENARIO_MONITORING_MS);
  await steps.stopCardMonitoring();
  add(await steps.selectVitaleCard());
  add(await steps.readVitaleCard());
  add(await steps.startVitaleMonitoring());
  await pause(SCENARIO_MONITORING_MS);
  await steps.stopVitaleMonitoring();
  add(await steps.createInsiConnector());
  add(await steps.insiSearch());
  add(await steps.createDmpConnector());
  add(await steps.dmpStatus());
  add(await steps.closeSession());
  const ok = results.filter((result) => result.ok).length;
  summary.dataset.state = 'done';
  summary.dataset.ok = String(ok);
  summary.dataset.errors = String(results.length - ok);
  summary.textContent = `${results.length} commands: ${ok} OK, ${results.length - ok} answered with an error`;
}

function pause(ms) {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

function toBase64(text) {
  return btoa(String.fromCharCode(...new TextEncoder().encode(text)));
}

function fromBase64(base64) {
  return new TextDecoder().decode(Uint8Array.from(atob(base64 ?? ''), (c) => c.charCodeAt(0)));
}

/** Served by a connector when the page's own /health answers like one. */
async function servedByConnector() {
  if (location.protocol !== 'https:') return false;
  try {
    const response = await fetch('/health', { cache: 'no-store', signal: AbortSignal.timeout(3000) });
    if (!response.ok) return false;
    const body = await response.json();
    return body?.s_status === 'OK';
  } catch {
    return false;
  }
}

async function init() {
  $('page-origin').textContent = location.origin;
  const params = new URLSearchParams(location.search);
  let host = DEFAULT_HOST;
  let port = String(DEFAULT_PORT);
  if (await servedByConnector()) {
    host = location.hostname;
    port = location.port || '443';
  }
  $('host').value = params.get('host') ?? host;
  $('port').value = params.get('port') ?? port;
  if (params.has('app')) $('application-id').value = params.get('app');
  if (params.get('health') === 'off') $('health-check').checked = false;
  showAddress();
  for (const id of ['host', 'port', 'health-check']) $(id).addEventListener('change', showAddress);

  const buttons = {
    'check-health': () => log.queued(() => connector().checkHealth().catch(() => undefined)),
    'open-session': steps.openSession,
    'close-session': steps.closeSession,
    'session-data': steps.sessionData,
    'start-dummy': steps.startDummy,
    'stop-dummy': steps.stopDummy,
    'list-readers': steps.listReaders,
    'select-card': steps.selectCard,
    'read-card': steps.readCard,
    sign: steps.sign,
    'start-card-monitoring': steps.startCardMonitoring,
    'stop-card-monitoring': steps.stopCardMonitoring,
    'select-vitale-card': steps.selectVitaleCard,
    'read-vitale-card': steps.readVitaleCard,
    'start-vitale-monitoring': steps.startVitaleMonitoring,
    'stop-vitale-monitoring': steps.stopVitaleMonitoring,
    'create-insi-connector': steps.createInsiConnector,
    'insi-search': steps.insiSearch,
    'create-dmp-connector': steps.createDmpConnector,
    'dmp-status': steps.dmpStatus,
    'update-admin-data': steps.updateAdministrativeData,
    'acknowledgement-pdf': steps.acknowledgementPdf,
    'session-state': steps.sessionState,
    'session-exists': steps.sessionExists,
    'licence-right': steps.licenceRight,
    'create-connection': steps.createConnection,
    'object-dump': steps.objectDump,
    'object-type': steps.objectType,
    'user-name': steps.userName,
    'start-printer-monitoring': steps.startPrinterMonitoring,
    'stop-printer-monitoring': steps.stopPrinterMonitoring,
    'printed-count': steps.printedCount,
    'next-printed': steps.nextPrinted,
    'run-all': runAll,
    'clear-log': () => log.clear(),
  };
  for (const [id, action] of Object.entries(buttons)) {
    $(id).addEventListener('click', () => {
      action();
    });
  }
  document.body.dataset.ready = 'true';
}

init();
