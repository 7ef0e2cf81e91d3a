import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { COMMANDS, PERSISTENT_COMMANDS } from '../src/commands.js';
import * as api from '../src/index.js';

const declarations = readFileSync(new URL('../types/index.d.ts', import.meta.url), 'utf8');
const readme = readFileSync(new URL('../README.md', import.meta.url), 'utf8');

test('every catalogue method exists on the client, is declared and is documented with its command', () => {
  const client = new api.LibreConnectClient({ WebSocket: class {} });
  for (const { method, command } of COMMANDS) {
    assert.equal(typeof client[method], 'function', method);
    assert.match(declarations, new RegExp(`\\n  ${method}\\(`), `${method} missing in index.d.ts`);
    assert.ok(readme.includes(`| \`${method}\` | \`${command}\` |`), `${method} missing in README`);
  }
});

test('every option name of the catalogue is declared', () => {
  for (const { method, fields } of COMMANDS) {
    for (const name of Object.keys(fields)) {
      assert.match(declarations, new RegExp(`\\n  ${name}\\??:`), `${method}: option ${name} missing in index.d.ts`);
    }
  }
});

test('method names are the command names without hl_, in camelCase', () => {
  for (const { method, command } of COMMANDS) {
    assert.equal(method, command.replace(/^hl_/, ''));
  }
  assert.equal(COMMANDS.filter(({ command }) => PERSISTENT_COMMANDS.has(command)).length, 4);
});

test('every runtime export is declared', () => {
  for (const name of Object.keys(api)) {
    assert.match(declarations, new RegExp(`export declare (const|class) ${name}\\b`), `${name} missing in index.d.ts`);
  }
});
