// Cold start of the built portal on the embedded PostgreSQL (first start: initdb, migrations, demo
// data; then a restart), memory at idle, and the latency of the readiness check.
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { percentile, report } from './lib/report.mjs';
import { ensureBuilt, root } from '../scripts/lib/workspace.mjs';

const freePort = () =>
  new Promise((resolve) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });

async function startPortal(dataDir) {
  const port = await freePort();
  const started = performance.now();
  const child = spawn(process.execPath, [join(root, 'api/dist/main.js')], {
    cwd: root,
    env: { ...process.env, PORT: String(port), DATA_DIR: dataDir, NODE_ENV: 'production', LOG_LEVEL: 'warn', DATABASE_URL: '' },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  child.stderr.on('data', (chunk) => (stderr += chunk));
  const base = `http://127.0.0.1:${port}`;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`portal exited with ${child.exitCode}: ${stderr.trim()}`);
    const ready = await fetch(`${base}/api/health/ready`).then((r) => r.ok, () => false);
    if (ready) break;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  return { child, base, seconds: (performance.now() - started) / 1000 };
}

async function stop(child) {
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.kill('SIGTERM');
  await exited;
}

function rssMiB(pid) {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  return Math.round(Number(/VmRSS:\s+(\d+)/.exec(status)[1]) / 1024);
}

ensureBuilt('libs');
ensureBuilt('api');
ensureBuilt('web');
const dataDir = mkdtempSync(join(tmpdir(), 'mtp-bench-'));
try {
  const first = await startPortal(dataDir);
  report('first start to ready (embedded, initdb + seed)', first.seconds.toFixed(1), 's', 15);
  await stop(first.child);

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
  await stop(second.child);
} finally {
  rmSync(dataDir, { recursive: true, force: true });
}
