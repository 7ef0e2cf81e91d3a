/** Steps on the examples page, as a person would do them: click, then read the log entry. */

import assert from 'node:assert/strict';

/** The connector answered: success, or a JS2 error shown in the page. */
export const OK = /^OK$/;
export const ERROR = /^ERROR$/;

const STEP_TIMEOUT_MS = 30_000;

/** Opens a page and waits until its defaults (connector address) are in place. */
export async function openExamples(page, url) {
  await page.goto(url);
  await page.locator('body[data-ready="true"]').waitFor();
}

/**
 * Clicks a button, waits for the new log entry of `command` to be answered, and checks its
 * status against `expected`. An error must come with its JS2 error panel. Returns the entry.
 */
export async function step(page, buttonId, command, expected) {
  const entries = page.locator(`#log > li[data-command="${command}"]`);
  const before = await entries.count();
  await page.click(`#${buttonId}`);
  await page.waitForFunction(
    ({ selector, count }) => {
      const found = document.querySelectorAll(selector);
      return found.length > count && found[0].dataset.status !== 'PENDING';
    },
    { selector: `#log > li[data-command="${command}"]`, count: before },
    { timeout: STEP_TIMEOUT_MS },
  );
  const entry = entries.first();
  const status = await entry.getAttribute('data-status');
  assert.match(status, expected, `${command} answered ${status}:\n${await entry.innerText()}`);
  assert.notEqual(await entry.locator('.answer').innerText(), '(waiting)', `${command}: no answer shown`);
  if (status === 'ERROR') {
    assert.equal(await entry.locator('.js2-error').count(), 1, `${command}: no error panel`);
  }
  return entry;
}

/** Waits until the event list holds at least `count` items matching `text` for a monitor. */
export async function waitForEvents(page, monitor, text, count = 1) {
  await page.waitForFunction(
    ({ monitor: name, text: part, count: wanted }) =>
      [...document.querySelectorAll(`#events > li[data-monitor="${name}"]`)].filter((item) =>
        item.textContent.includes(part),
      ).length >= wanted,
    { monitor, text, count },
    { timeout: STEP_TIMEOUT_MS },
  );
}

/** Polls `probe` until it returns a truthy value, or fails after `timeoutMs`. */
export async function eventually(probe, message, timeoutMs = 10_000) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value) return value;
    if (Date.now() > deadline) assert.fail(message);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}
