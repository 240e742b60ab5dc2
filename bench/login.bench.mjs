// Sign-in cost: the password step is bounded by argon2id (19 MiB, t=2) by design. Reports its
// latency one at a time and its throughput with concurrent clients, against floors.
import { percentile, report } from './lib/report.mjs';
import { buildPortal, newDataDir, removeDataDir, startPortal } from './lib/portal.mjs';

const SEQUENTIAL = 100;
const CONCURRENT_CLIENTS = 4;
const CONCURRENT_REQUESTS = 200;

buildPortal();
const dataDir = newDataDir();
const portal = await startPortal(dataDir);
try {
  const ana = portal.accounts().find((account) => account.email === 'ana@demo.mtp.local');
  const login = () =>
    fetch(`${portal.base}/api/v1/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: ana.email, password: ana.password }),
    }).then(async (response) => {
      if (response.status !== 200) throw new Error(`login answered ${response.status}: ${await response.text()}`);
    });

  for (let i = 0; i < 5; i += 1) await login();
  const latencies = [];
  for (let i = 0; i < SEQUENTIAL; i += 1) {
    const t0 = performance.now();
    await login();
    latencies.push(performance.now() - t0);
  }
  latencies.sort((a, b) => a - b);
  report('POST /auth/login p50 (password step, sequential)', percentile(latencies, 50).toFixed(1), 'ms', 60);
  report('POST /auth/login p95 (password step, sequential)', percentile(latencies, 95).toFixed(1), 'ms', 120);

  let next = 0;
  const t0 = performance.now();
  await Promise.all(
    Array.from({ length: CONCURRENT_CLIENTS }, async () => {
      while (next < CONCURRENT_REQUESTS) {
        next += 1;
        await login();
      }
    }),
  );
  const perSecond = CONCURRENT_REQUESTS / ((performance.now() - t0) / 1000);
  report(`logins per second (${CONCURRENT_CLIENTS} concurrent clients)`, perSecond.toFixed(0), '/s', 50, false);
} finally {
  await portal.stop();
  removeDataDir(dataDir);
}
