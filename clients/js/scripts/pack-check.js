/**
 * Checks what `npm pack` would publish: the module (src/), its types (types/index.d.ts), the
 * README and package.json, and nothing else. Fails with the list of unexpected or missing files.
 */
import { execFileSync } from 'node:child_process';
import { readdirSync } from 'node:fs';

const [report] = JSON.parse(
  execFileSync('npm', ['pack', '--dry-run', '--json', '--ignore-scripts'], { encoding: 'utf8' }),
);
const packed = new Set(report.files.map(({ path }) => path));
const modules = readdirSync(new URL('../src/', import.meta.url)).map((name) => `src/${name}`);
const expected = new Set(['package.json', 'README.md', 'types/index.d.ts', ...modules]);

const unexpected = [...packed].filter((path) => !expected.has(path)).sort();
const missing = [...expected].filter((path) => !packed.has(path)).sort();
if (unexpected.length || missing.length) {
  if (unexpected.length) console.error(`npm pack would publish unexpected files: ${unexpected.join(', ')}`);
  if (missing.length) console.error(`npm pack would leave out: ${missing.join(', ')}`);
  process.exit(1);
}
console.log(`npm pack: ${report.name}@${report.version}, ${packed.size} files (module, types, README)`);
