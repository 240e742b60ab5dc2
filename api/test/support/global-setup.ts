import { startTestServer, type TestServer } from '@mtp/testing';

declare global {
  var mtpTestServer: TestServer | undefined;
}

/** One PostgreSQL server for the whole run; each test file makes its own database on it. */
export default async function globalSetup(): Promise<void> {
  const server = await startTestServer();
  globalThis.mtpTestServer = server;
  process.env.MTP_TEST_SERVER_URL = server.adminUrl;
  process.stderr.write(`\napi tests: PostgreSQL from ${server.kind}\n`);
}
