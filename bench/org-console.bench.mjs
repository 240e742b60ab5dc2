// The org console's users list on an org of 100,000 users, through the API as the console calls it:
// search + sort + page, filters + sort, and a deep page. Reports p50/p95 against floors.
import { randomBytes } from 'node:crypto';
import speakeasy from 'speakeasy';
import { generate } from './generator/generate.mjs';
import { buildPortal, newDataDir, removeDataDir, startPortal } from './lib/portal.mjs';
import { percentile, report } from './lib/report.mjs';

const USERS = 100_000;
const ROUNDS = 60;

buildPortal();
const { createDatabase, dropDatabase, startTestServer } = await import('@mtp/testing');
const server = await startTestServer();
const database = await createDatabase(server.adminUrl, 'mtp_bench_console');
const dataDir = newDataDir();
const secret = () => randomBytes(32).toString('base64');
const portal = await startPortal(dataDir, { DATABASE_URL: database.url, DEMO_DATA: 'true', JWT_SECRET: secret(), COOKIE_SECRET: secret(), ENCRYPTION_KEY: secret() });
try {
  const olivia = portal.accounts().find((account) => account.email === 'olivia@demo.mtp.local');
  let publicId;
  const { timings } = await generate({
    databaseUrl: database.url, partners: 1, orgs: 1, users: USERS, seed: 7, shape: 'flat',
    afterOrgs: async (pool, orgs) => {
      publicId = orgs[0].publicId;
      await pool.query(`INSERT INTO org_admins (org_id, administrator_id) SELECT $1, id FROM administrators WHERE email = $2`, [orgs[0].id, olivia.email]);
    },
  });
  console.log(`generated one org of ${USERS.toLocaleString('en')} users in ${timings.total.toFixed(1)} s`);

  const post = (path, body) => fetch(`${portal.base}${path}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) }).then((r) => r.json());
  const { challengeToken } = await post('/api/v1/auth/login', { email: olivia.email, password: olivia.password });
  const { accessToken } = await post('/api/v1/auth/mfa', { challengeToken, code: speakeasy.totp({ secret: olivia.totpSecret, encoding: 'base32' }) });
  if (!accessToken) throw new Error('could not sign in as the demo org admin');

  const scenarios = {
    'search "mar" + sort by last name + page 1': { search: 'mar', sort: 'lastName', limit: 50 },
    'filter active without MFA + newest first': { state: 'active', mfa: 'false', sort: 'createdAt', order: 'desc', limit: 50 },
    'sort by username, page 100 (offset 4,950)': { sort: 'username', offset: 4950, limit: 50 },
  };
  for (const [name, query] of Object.entries(scenarios)) {
    const url = `${portal.base}/api/v1/orgs/${publicId}/users?${new URLSearchParams(query)}`;
    const latencies = [];
    for (let round = 0; round < ROUNDS; round += 1) {
      const t0 = performance.now();
      const response = await fetch(url, { headers: { authorization: `Bearer ${accessToken}` } });
      if (response.status !== 200) throw new Error(`${name}: ${response.status} ${await response.text()}`);
      await response.arrayBuffer();
      if (round >= 5) latencies.push(performance.now() - t0);
    }
    latencies.sort((a, b) => a - b);
    report(`users list p50: ${name}`, percentile(latencies, 50).toFixed(1), 'ms', 100);
    report(`users list p95: ${name}`, percentile(latencies, 95).toFixed(1), 'ms', 200);
  }
} finally {
  await portal.stop();
  removeDataDir(dataDir);
  await dropDatabase(server.adminUrl, database.name);
  await server.stop();
}
