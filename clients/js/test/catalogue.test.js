/**
 * The Java command catalogue (protocol module, `CommandCatalogue`) is the one source of truth for
 * the command list. `java-catalogue.json` is its export, kept current by the protocol module's
 * `JsCatalogueExportTest`; these tests fail with the list of differences when the client's command
 * table drifts from it.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { COMMANDS, PERSISTENT_COMMANDS, SESSION_PROBE_COMMANDS, SESSIONLESS_COMMANDS } from '../src/commands.js';

const catalogue = JSON.parse(readFileSync(new URL('./java-catalogue.json', import.meta.url), 'utf8'));
const byName = new Map(catalogue.map((entry) => [entry.command, entry]));
const clientNames = new Set(COMMANDS.map(({ command }) => command));

function differences(label, expected, actual) {
  const missing = [...expected].filter((name) => !actual.has(name)).sort();
  const extra = [...actual].filter((name) => !expected.has(name)).sort();
  const lines = [];
  if (missing.length) lines.push(`${label}: missing in the JS client: ${missing.join(', ')}`);
  if (extra.length) lines.push(`${label}: in the JS client but not in the Java catalogue: ${extra.join(', ')}`);
  return lines;
}

test('the client has one method per catalogue command, and no other', () => {
  const lines = differences('commands', new Set(byName.keys()), clientNames);
  assert.deepEqual(lines, [], lines.join('\n'));
});

test('persistent and session-less commands are the catalogue ones', () => {
  const persistent = new Set(catalogue.filter((e) => e.persistent).map((e) => e.command));
  const sessionless = new Set(catalogue.filter((e) => !e.session).map((e) => e.command));
  const lines = [
    ...differences('persistent commands', persistent, PERSISTENT_COMMANDS),
    ...differences('session-less commands', sessionless, new Set([...SESSIONLESS_COMMANDS, ...SESSION_PROBE_COMMANDS])),
  ];
  assert.deepEqual(lines, [], lines.join('\n'));
});

test('every wire key the client sends is one the catalogue input binds', () => {
  const lines = [];
  for (const { command, fields, defaults } of COMMANDS) {
    const entry = byName.get(command);
    if (!entry) continue;
    const bound = new Set(entry.inputKeys);
    const sent = new Set([...Object.values(fields), ...Object.keys(defaults ?? {})]);
    const unbound = [...sent].filter((key) => !bound.has(key));
    if (unbound.length) lines.push(`${command}: ${unbound.join(', ')} not bound by the Java input`);
  }
  assert.deepEqual(lines, [], lines.join('\n'));
});
