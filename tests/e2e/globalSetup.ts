import { execFile } from 'node:child_process';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { chromiumAvailable } from './helpers/browser';

const WEB_ROOT = fileURLToPath(new URL('../../apps/web', import.meta.url));

/**
 * Builds apps/web once for every browser test file, with the web app's own Vite (vitest brings
 * another major), and the server serves the result as `npm start` does.
 */
export default async function setup(): Promise<void> {
  if (!chromiumAvailable()) return; // the suite skips (or fails under CI) on its own; no build needed
  const vitePackage = createRequire(join(WEB_ROOT, 'package.json')).resolve('vite/package.json');
  await promisify(execFile)(process.execPath, [join(dirname(vitePackage), 'bin/vite.js'), 'build', '--logLevel', 'warn'], {
    cwd: WEB_ROOT,
  });
}
