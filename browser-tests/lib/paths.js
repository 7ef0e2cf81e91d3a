/** Where the suite finds the distribution Maven built, and where it writes its screenshots. */

import { fileURLToPath } from 'node:url';
import path from 'node:path';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
export const DIST = path.join(ROOT, 'installer', 'target', 'libreconnect');
export const TARGET = path.join(ROOT, 'browser-tests', 'target');
export const CHROMIUM = process.env.LIBRECONNECT_CHROMIUM ?? '/usr/bin/chromium';
