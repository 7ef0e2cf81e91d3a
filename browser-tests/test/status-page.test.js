/**
 * The status page as support staff read it, in Debian's Chromium at 1200 px: "(master)" in the
 * title, the configuration file and log folder, the last refused origins by name, readers and
 * checks, French and English; the diagnostics bundle button downloads a zip from the page itself
 * and a foreign page cannot get one. Screenshots: target/status-page-support-en.png and -fr.png.
 */

import assert from 'node:assert/strict';
import { mkdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { Browser } from '../lib/browser.js';
import { Connector } from '../lib/connector.js';
import { DIST, TARGET } from '../lib/paths.js';
import { StaticServer } from '../lib/static-server.js';
import { eventually } from './helpers.js';

describe('The status page for support', { timeout: 180_000 }, () => {
  let connector;
  let browser;
  let foreignSite;

  before(async () => {
    await mkdir(TARGET, { recursive: true });
    foreignSite = await StaticServer.start(path.join(DIST, 'examples'));
    connector = await Connector.start({ allowedOrigins: [] });
    browser = await Browser.launch({ hostName: connector.hostName, caFile: connector.caFile });
  });

  after(async () => {
    await browser?.close();
    await connector?.stop();
    await foreignSite?.close();
  });

  test('a foreign page is refused, named on the status page, and gets no bundle', async () => {
    const page = await browser.newPage();
    await page.goto(`http://127.0.0.1:${foreignSite.port}/`);
    await page.waitForLoadState('load');
    const refused = await page.evaluate(async (url) => {
      const socket = new WebSocket(url);
      return new Promise((resolve) => {
        socket.onopen = () => resolve('open');
        socket.onerror = () => resolve('refused');
      });
    }, `wss://${connector.hostName}:${connector.port}/`);
    assert.equal(refused, 'refused');
    const answer = await Promise.all([
      page.waitForNavigation(),
      page.evaluate((url) => {
        const form = document.createElement('form');
        form.method = 'post';
        form.action = url;
        document.body.append(form);
        form.submit();
      }, `${connector.origin}/diagnostics.zip`),
    ]).then(([response]) => response);
    assert.equal(answer.status(), 403, 'a form posted by a foreign page gets no bundle');
    assert.match(await page.innerText('body'), /own status page only/);
    await eventually(async () => (await connector.status()).support.recentRefusals
      .some((r) => r.origin === `http://127.0.0.1:${foreignSite.port}`), 'the refused origin is named');
    await page.close();
  });

  test('the page answers support questions at 1200 px in English', async () => {
    const page = await browser.newPage();
    await page.setViewportSize({ width: 1200, height: 900 });
    await page.goto(`${connector.origin}/?lang=en`);
    assert.equal(await page.title(), 'LibreConnect status (master)');
    await eventually(async () => {
      await page.reload();
      return (await page.locator('#checks + p').count()) === 1;
    }, 'the checks have run', 30_000);
    const status = await connector.status();
    const text = await page.innerText('body');
    assert.ok(text.includes(status.support.configFile), 'the configuration file path');
    assert.ok(text.includes(status.support.logDirectory), 'the log folder path');
    assert.ok(text.includes(`http://127.0.0.1:${foreignSite.port}`), 'the refused origin, by name');
    assert.match(text, /Readers and cards/);
    assert.match(text, /resolves to loopback/);
    assert.match(text, /NTP server/);
    assert.match(text, /through the proxy/);
    const width = await page.evaluate(() => document.documentElement.scrollWidth);
    assert.ok(width <= 1200, `no horizontal scrolling at 1200 px (${width})`);
    await page.screenshot({ path: path.join(TARGET, 'status-page-support-en.png'), fullPage: true });

    const [download] = await Promise.all([page.waitForEvent('download', { timeout: 60_000 }), page.click('#bundle')]);
    assert.match(download.suggestedFilename(), /^libreconnect-diagnostics-\d{8}-\d{6}\.zip$/);
    const zip = await readFile(await download.path());
    assert.equal(zip.subarray(0, 2).toString('latin1'), 'PK', 'a zip file');
    assert.ok(zip.includes(Buffer.from('checks.txt')) && zip.includes(Buffer.from('configuration.xml')));
    await page.close();
  });

  test('the page speaks French when the browser prefers it', async () => {
    const page = await browser.newPage();
    await page.setViewportSize({ width: 1200, height: 900 });
    await page.setExtraHTTPHeaders({ 'Accept-Language': 'fr-FR,fr;q=0.9' });
    await page.goto(`${connector.origin}/`);
    assert.equal(await page.title(), 'État de LibreConnect (master)');
    const text = await page.innerText('body');
    assert.match(text, /Fichier de configuration/);
    assert.match(text, /Dernières origines refusées/);
    assert.match(text, /Télécharger le paquet de diagnostic/);
    await page.screenshot({ path: path.join(TARGET, 'status-page-support-fr.png'), fullPage: true });
    await page.goto(`${connector.origin}/?lang=en`);
    assert.equal(await page.title(), 'LibreConnect status (master)', 'the switch wins over Accept-Language');
    await page.close();
  });
});
