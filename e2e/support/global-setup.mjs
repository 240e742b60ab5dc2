import { startTestServer } from '@mtp/testing';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const WORKSPACE = fileURLToPath(new URL('../../', import.meta.url));
const BUILD_OUTPUTS = ['api/dist/main.js', 'web/dist/browser/index.html'];
const DEFAULT_CHROMIUM = '/usr/bin/chromium';

/**
 * Checks what the browser tests need before any of them starts, then one PostgreSQL server for the
 * whole run; each test file makes its own database on it (or runs the embedded one).
 */
export default async function globalSetup() {
  const missing = BUILD_OUTPUTS.filter((file) => !existsSync(`${WORKSPACE}${file}`));
  if (missing.length > 0) {
    throw new Error(`The e2e tests run the built application, but ${missing.join(' and ')} ${missing.length > 1 ? 'are' : 'is'} missing: run npm run build first`);
  }
  const chromium = process.env.CHROMIUM_PATH ?? DEFAULT_CHROMIUM;
  if (!existsSync(chromium)) {
    throw new Error(`Chromium not found at ${chromium}: install it with \`apt-get install -y chromium\` (or set CHROMIUM_PATH)`);
  }
  const server = await startTestServer();
  globalThis.mtpE2eTestServer = server;
  process.env.MTP_TEST_SERVER_URL = server.adminUrl;
  process.stderr.write(`\ne2e tests: PostgreSQL from ${server.kind}, Chromium at ${chromium}\n`);
}
