// Cold start of the built portal on the embedded PostgreSQL (first start: initdb, migrations, demo
// data; then a restart), memory at idle, and the latency of the readiness check.
import { readFileSync } from 'node:fs';
import { percentile, report } from './lib/report.mjs';
import { buildPortal, newDataDir, removeDataDir, startPortal } from './lib/portal.mjs';

const stop = (portal) => portal.stop();

function rssMiB(pid) {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  return Math.round(Number(/VmRSS:\s+(\d+)/.exec(status)[1]) / 1024);
}

buildPortal();
const dataDir = newDataDir();
try {
  const first = await startPortal(dataDir);
  report('first start to ready (embedded, initdb + seed)', first.seconds.toFixed(1), 's', 15);
  await stop(first);

  const second = await startPortal(dataDir);
  report('restart to ready (embedded)', second.seconds.toFixed(1), 's', 5);
  await new Promise((resolve) => setTimeout(resolve, 5000));
  report('API process memory at idle (RSS)', rssMiB(second.child.pid), 'MiB', 350);

  const latencies = [];
  for (let i = 0; i < 500; i += 1) {
    const t0 = performance.now();
    await fetch(`${second.base}/api/health/ready`).then((r) => r.arrayBuffer());
    latencies.push(performance.now() - t0);
  }
  latencies.sort((a, b) => a - b);
  report('GET /api/health/ready p50 (sequential)', percentile(latencies, 50).toFixed(2), 'ms', 5);
  report('GET /api/health/ready p99 (sequential)', percentile(latencies, 99).toFixed(2), 'ms', 25);
  await stop(second);
} finally {
  removeDataDir(dataDir);
}
