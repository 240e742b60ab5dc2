// Verification requests through the API: their latency (p50/p95) and whether the answer's timing
// tells a real request (code sent) from one naming an unknown org or a non-admin email. Every answer
// is held to a floor of 40 ms by design (EVEN_ANSWER_MS), so the latency sits just above it. The rate
// limits (5 per admin per 10 minutes, 3 per recipient per hour) would stop a benchmark after a few
// requests: the counters are cleared before each one, since the limits are not what is measured.
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import speakeasy from 'speakeasy';
import { buildPortal, newDataDir, removeDataDir, startPortal } from './lib/portal.mjs';
import { percentile, report } from './lib/report.mjs';

const ROUNDS = 100;

buildPortal();
const { createDatabase, dropDatabase, startTestServer } = await import('@mtp/testing');
const server = await startTestServer();
const database = await createDatabase(server.adminUrl, 'mtp_bench_verification');
const dataDir = newDataDir();
const secret = () => randomBytes(32).toString('base64');
const portal = await startPortal(dataDir, { DATABASE_URL: database.url, DEMO_DATA: 'true', JWT_SECRET: secret(), COOKIE_SECRET: secret(), ENCRYPTION_KEY: secret() });
const db = new pg.Client({ connectionString: database.url });
await db.connect();
try {
  const ana = portal.accounts().find((account) => account.email === 'ana@demo.mtp.local');
  const post = (path, body, token) =>
    fetch(`${portal.base}${path}`, { method: 'POST', headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) }, body: JSON.stringify(body) });
  const { challengeToken } = await (await post('/api/v1/auth/login', { email: ana.email, password: ana.password })).json();
  const { accessToken } = await (await post('/api/v1/auth/mfa', { challengeToken, code: speakeasy.totp({ secret: ana.totpSecret, encoding: 'base32' }) })).json();
  if (!accessToken) throw new Error('could not sign in as the demo partner owner');

  // Tailspin Travel: no partner manages it, and olivia@ is one of its admins.
  const [{ public_id: tailspin }] = (await db.query(`SELECT public_id FROM organizations WHERE name = 'Tailspin Travel'`)).rows;
  const cases = {
    'real (code sent)': () => ({ orgId: tailspin, email: 'olivia@demo.mtp.local' }),
    'unknown OrgID': () => ({ orgId: randomBytes(12).toString('hex'), email: 'olivia@demo.mtp.local' }),
    'email not an admin': () => ({ orgId: tailspin, email: `nobody.${randomBytes(3).toString('hex')}@example.com` }),
  };
  const latencies = Object.fromEntries(Object.keys(cases).map((name) => [name, []]));
  const ask = async (name) => {
    await db.query('DELETE FROM rate_limit_counters');
    const t0 = performance.now();
    const response = await post('/api/v1/partner/verifications', cases[name](), accessToken);
    await response.arrayBuffer();
    if (response.status !== 202) throw new Error(`${name}: ${response.status}`);
    return performance.now() - t0;
  };
  for (const name of Object.keys(cases)) for (let i = 0; i < 5; i += 1) await ask(name);
  // Interleaved, so that a slow moment of the machine falls on every case alike.
  for (let round = 0; round < ROUNDS; round += 1) for (const name of Object.keys(cases)) latencies[name].push(await ask(name));

  const all = Object.values(latencies).flat().sort((a, b) => a - b);
  report('POST /partner/verifications p50 (all cases)', percentile(all, 50).toFixed(1), 'ms', 60);
  report('POST /partner/verifications p95 (all cases)', percentile(all, 95).toFixed(1), 'ms', 100);
  const medians = {};
  for (const [name, values] of Object.entries(latencies)) {
    values.sort((a, b) => a - b);
    medians[name] = percentile(values, 50);
    report(`  median, ${name}`, medians[name].toFixed(2), 'ms', 60);
  }
  const real = medians['real (code sent)'];
  const spread = Math.max(...Object.values(medians)) - Math.min(...Object.values(medians));
  report('neutral answer: largest gap between case medians', spread.toFixed(2), 'ms', 2);
  report('  as a share of the real case’s median', ((100 * spread) / real).toFixed(1), '%', 10);
} finally {
  await db.end();
  await portal.stop();
  removeDataDir(dataDir);
  await dropDatabase(server.adminUrl, database.name);
  await server.stop();
}
