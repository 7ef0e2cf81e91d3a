/**
 * LibreConnect in Debian's Chromium: a fresh profile whose NSS database trusts the
 * installation's CA (no certificate error is ignored), the host name mapped to 127.0.0.1, the
 * connector in simulation mode with a temporary home. The examples page runs the scenario and
 * the results are read in the page.
 * In simulation mode the card steps use the simulated CPS card (PIN 1234), the INSi steps the
 * embedded INSi simulator and the DMP steps the embedded DMP training simulator: every step must
 * succeed.
 */

import assert from 'node:assert/strict';
import { mkdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { Browser } from '../lib/browser.js';
import { Connector } from '../lib/connector.js';
import { DIST, TARGET } from '../lib/paths.js';
import { StaticServer } from '../lib/static-server.js';
import { ERROR, OK, eventually, openExamples, step, waitForEvents } from './helpers.js';

const SIMULATED_CARD_PIN = '1234';

describe('LibreConnect in Chromium', { timeout: 240_000 }, () => {
  let connector;
  let browser;
  let allowedSite;
  let refusedSite;

  before(async () => {
    await mkdir(TARGET, { recursive: true });
    const examples = path.join(DIST, 'examples');
    allowedSite = await StaticServer.start(examples);
    refusedSite = await StaticServer.start(examples);
    connector = await Connector.start({ allowedOrigins: [`http://localhost:${allowedSite.port}`] });
    browser = await Browser.launch({ hostName: connector.hostName, caFile: connector.caFile });
  });

  after(async () => {
    await browser?.close();
    await connector?.stop();
    await allowedSite?.close();
    await refusedSite?.close();
  });

  test('the examples page served by the connector runs the whole scenario', async () => {
    const page = await browser.newPage();
    await openExamples(page, `${connector.origin}/examples/`);
    assert.equal(await page.inputValue('#host'), connector.hostName);
    assert.equal(await page.inputValue('#port'), String(connector.port));

    await step(page, 'open-session', 'hl_openSession', OK);
    const health = page.locator('#log > li[data-command="health"]').first();
    assert.equal(await health.getAttribute('data-status'), 'OK', 'the library checks /health before its first socket');
    const sessionId = await page.textContent('#session-id');
    assert.match(sessionId, /^[0-9a-f-]{36}$/);

    await step(page, 'session-data', 'hl_setSessionData', OK);
    await page.locator('#log > li[data-command="hl_getSessionData"][data-status="OK"]').waitFor();

    await step(page, 'start-dummy', 'hl_startDummyMonitoring', OK);
    await waitForEvents(page, 'hl_startDummyMonitoring', '"sMessage":"Test"', 2);

    await statusPageWhileASessionIsOpen(sessionId);

    await page.click('#stop-dummy');
    await waitForEvents(page, 'hl_startDummyMonitoring', 'socket closed (code 1000)');

    await page.fill('#pin', SIMULATED_CARD_PIN);
    await step(page, 'list-readers', 'hl_getPcscReaders', OK);
    await step(page, 'select-card', 'hl_getCpxCard', OK);
    await step(page, 'read-card', 'hl_readCpxCard', OK);
    await step(page, 'sign', 'hl_signWithCpxCard', OK);
    await step(page, 'start-card-monitoring', 'hl_startCpxCardMonitoring', OK);
    await waitForEvents(page, 'hl_startCpxCardMonitoring', '"s_cardStatus":"ValidCardInserted"');
    await page.click('#stop-card-monitoring');
    await waitForEvents(page, 'hl_startCpxCardMonitoring', 'socket closed (code 1000)');
    assert.match(await page.inputValue('#vitale-reader'), /^1$/, 'the reader holding the Vitale card is chosen');
    await step(page, 'select-vitale-card', 'hl_getVitaleCard', OK);
    const vitale = await step(page, 'read-vitale-card', 'hl_readVitaleCard', OK);
    const vitaleAnswer = await vitale.locator('.answer').innerText();
    for (const text of ['"i_cardStatus": 4', '"s_given": "LEO"', '"s_birthday": "00001948"', '"s_nir": "1530789876585 13"']) {
      assert.ok(vitaleAnswer.includes(text), `hl_readVitaleCard answer holds ${text}:\n${vitaleAnswer}`);
    }
    assert.match(await vitale.innerText(), /4 patient\(s\)/);
    await step(page, 'start-vitale-monitoring', 'hl_startVitaleCardMonitoring', OK);
    await waitForEvents(page, 'hl_startVitaleCardMonitoring', '"s_cardStatus":"NewCardFound"');
    await page.click('#stop-vitale-monitoring');
    await waitForEvents(page, 'hl_startVitaleCardMonitoring', 'socket closed (code 1000)');
    await step(page, 'create-insi-connector', 'hl_createInsiConnector', OK);
    await step(page, 'insi-search', 'hl_getInsFromIdentityInformation', OK);
    assert.equal(await page.inputValue('#ins'), '153078987658513', 'the INS INSi gives feeds the DMP step');
    await step(page, 'create-dmp-connector', 'hl_createDmpConnector', OK);
    await step(page, 'dmp-status', 'hl_getDirectAuthenticationDMPStatus', OK);
    await step(page, 'acknowledgement-pdf', 'hl_createAcknowledgementPdf', OK);

    // session and housekeeping: the session state shows the connectors just created
    const state = await step(page, 'session-state', 'hl_getSessionState', OK);
    const stateAnswer = await state.locator('.answer').innerText();
    for (const text of ['"i_dmpConnector": 1001', '"i_insiConnector": 1', '"i_vitaleCard": 1006']) {
      assert.ok(stateAnswer.includes(text), `hl_getSessionState answer holds ${text}:\n${stateAnswer}`);
    }
    // object API: the DMP connector just created, and its user's name
    const dump = await step(page, 'object-dump', 'hl_getObjectParameters', OK);
    const dumpAnswer = await dump.locator('.answer').innerText();
    for (const text of ['"handleId": 1001', '"type": 13', '"77": {', '"18": "2.25.']) {
      assert.ok(dumpAnswer.includes(text), `hl_getObjectParameters answer holds ${text}:\n${dumpAnswer}`);
    }
    const type = await step(page, 'object-type', 'getHandleType', OK);
    assert.match(await type.innerText(), /HandleType 13/);
    const user = await step(page, 'user-name', 'getObjectParameterString', OK);
    assert.ok((await user.locator('.answer').innerText()).includes('"s_utf8String": "'));
    await page.fill('#object-handle', '424242');
    await step(page, 'object-dump', 'hl_getObjectParameters', ERROR);
    const exists = await step(page, 'session-exists', 'hl_sessionExists', OK);
    assert.ok((await exists.locator('.answer').innerText()).includes('"i_sessionExists": 1'));
    await step(page, 'licence-right', 'hl_checkUserLicenseRight', OK);
    const connection = await step(page, 'create-connection', 'hl_createConnection', OK);
    assert.ok((await connection.locator('.answer').innerText()).includes('"i_connectionHandle": 2'));

    // virtual printer: nothing printed yet
    await step(page, 'start-printer-monitoring', 'hl_startPrintedDocumentsMonitoring', OK);
    const count = await step(page, 'printed-count', 'hl_getPrintedDocumentsCount', OK);
    assert.ok((await count.locator('.answer').innerText()).includes('"i_count": 0'));
    await step(page, 'next-printed', 'hl_getNextPrintedDocument', OK);
    await page.click('#stop-printer-monitoring');
    await waitForEvents(page, 'hl_startPrintedDocumentsMonitoring', 'socket closed (code 1000)');

    await step(page, 'close-session', 'hl_closeSession', OK);
    assert.equal(await page.textContent('#session-id'), 'none');

    const requests = await page.locator('#log .request').allInnerTexts();
    const pinShown = requests.filter((text) => text.includes('"s_pinCode"'));
    assert.equal(pinShown.length, 4, 'readCpxCard, signWithCpxCard, createInsiConnector and createDmpConnector carry the PIN');
    for (const text of pinShown) assert.match(text, /"s_pinCode": "\*\*\*\*"/);
    assert.ok(!requests.some((text) => text.includes(`"${SIMULATED_CARD_PIN}"`)), 'the PIN is never shown');

    await page.screenshot({ path: path.join(TARGET, 'examples-page.png'), fullPage: true });
    await page.close();
  });

  /** The status page in a second tab: the open session, the certificate expiry, the CA download. */
  async function statusPageWhileASessionIsOpen(sessionId) {
    const page = await browser.newPage();
    await page.goto(`${connector.origin}/`);
    const text = await page.innerText('body');
    assert.match(text, /Number of active sessions: 1/);
    assert.ok(text.includes(sessionId.slice(0, 8)), 'the session is listed, by its short id');
    assert.ok(!text.includes(sessionId), 'never by its whole id: an id is a capability');
    const status = await connector.status();
    assert.match(status.certificateExpiresAt, /^\d{4}-\d{2}-\d{2}T/);
    assert.equal(await page.locator(`time[datetime="${status.certificateExpiresAt}"]`).count(), 1,
      'the certificate expiry is shown, in local time');

    const [download] = await Promise.all([page.waitForEvent('download'), page.click('text=Download the CA certificate')]);
    assert.equal(download.suggestedFilename(), 'libreconnect-ca.crt');
    assert.equal(await readFile(await download.path(), 'utf8'), await readFile(connector.caFile, 'utf8'));

    await page.screenshot({ path: path.join(TARGET, 'status-page.png'), fullPage: true });
    await page.close();
  }

  test('"Run every step" goes through the scenario and counts the answers', async () => {
    const page = await browser.newPage();
    await openExamples(page, `${connector.origin}/examples/`);
    await page.fill('#pin', SIMULATED_CARD_PIN);
    await page.click('#run-all');
    await page.locator('#summary[data-state="done"]').waitFor({ timeout: 90_000 });
    const ok = Number(await page.getAttribute('#summary', 'data-ok'));
    const errors = Number(await page.getAttribute('#summary', 'data-errors'));
    assert.equal(ok + errors, 17, await page.textContent('#summary'));
    for (const command of ['hl_openSession', 'hl_setSessionData', 'hl_getSessionData', 'hl_startDummyMonitoring',
      'hl_getVitaleCard', 'hl_readVitaleCard', 'hl_startVitaleCardMonitoring', 'hl_closeSession']) {
      assert.equal(await page.getAttribute(`#log > li[data-command="${command}"]`, 'data-status'), 'OK', command);
    }
    assert.equal(ok, 17, await page.textContent('#summary'));
    await waitForEvents(page, 'hl_startDummyMonitoring', '"sMessage":"Test"');
    await page.close();
  });

  test('the page works from an allowed origin of another web server', async () => {
    const page = await browser.newPage();
    const query = `?host=${connector.hostName}&port=${connector.port}`;
    await openExamples(page, `http://localhost:${allowedSite.port}/${query}`);
    assert.equal(await page.inputValue('#port'), String(connector.port));
    await step(page, 'open-session', 'hl_openSession', OK);
    assert.equal(
      await page.getAttribute('#log > li[data-command="health"]', 'data-status'),
      'OK',
      '/health answers with CORS headers for an allowed origin',
    );
    await step(page, 'close-session', 'hl_closeSession', OK);
    await step(page, 'check-health', 'health', OK);
    assert.match(await page.locator('#log > li[data-command="health"] .answer').first().innerText(), /"s_serviceVersion"/);
    await page.close();
  });

  test('a page from an origin that is not allowed cannot connect (403)', async () => {
    const page = await browser.newPage();
    const socketErrors = [];
    page.on('websocket', (socket) => socket.on('socketerror', (message) => socketErrors.push(message)));
    const refusalsBefore = (await connector.status()).refusedOrigins;
    await openExamples(page, `http://127.0.0.1:${refusedSite.port}/?host=${connector.hostName}&port=${connector.port}`);

    // With the health check, the browser blocks /health (no CORS header for this origin) and
    // the library reports it before opening any socket.
    const checked = await step(page, 'open-session', 'hl_openSession', ERROR);
    assert.equal(await checked.getAttribute('data-error-type'), '5000');
    assert.equal(await checked.getAttribute('data-error-code'), '6', 'InitializationError');
    assert.equal(await page.getAttribute('#log > li[data-command="health"]', 'data-status'), 'ERROR');
    assert.equal((await connector.status()).refusedOrigins, refusalsBefore, 'no handshake was attempted');

    // Without it, the WebSocket handshake itself is refused with 403.
    await page.uncheck('#health-check');
    const refused = await step(page, 'open-session', 'hl_openSession', ERROR);
    assert.equal(await refused.getAttribute('data-error-type'), '5000');
    assert.ok(['2', '3'].includes(await refused.getAttribute('data-error-code')), 'a connection error');
    await eventually(
      () => socketErrors.some((message) => message.includes('Unexpected response code: 403')),
      `Chromium did not report a 403 handshake: ${JSON.stringify(socketErrors)}`,
    );
    assert.equal((await connector.status()).refusedOrigins, refusalsBefore + 1);
    assert.equal(await page.textContent('#session-id'), 'none');
    await page.close();
  });

  test('without the CA in its NSS database, Chromium refuses the connector', async () => {
    const untrusting = await Browser.launch({ hostName: connector.hostName, caFile: null });
    try {
      const page = await untrusting.newPage();
      await assert.rejects(page.goto(`${connector.origin}/examples/`), /net::ERR_CERT_AUTHORITY_INVALID/);
    } finally {
      await untrusting.close();
    }
  });
});
