// Starts the built portal for a benchmark: embedded PostgreSQL in a fresh data folder, demo data on.
import { spawn } from 'node:child_process';
import { chmodSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ensureBuilt, root } from '../../scripts/lib/workspace.mjs';

export const freePort = () =>
  new Promise((resolve) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });

export function newDataDir() {
  const dir = mkdtempSync(join(tmpdir(), 'mtp-bench-'));
  chmodSync(dir, 0o755);
  return dir;
}

export function buildPortal() {
  // The benchmarks measure the API; the portal's pages are not needed.
  for (const part of ['libs', 'api']) ensureBuilt(part);
}

export async function startPortal(dataDir, env = {}) {
  const port = await freePort();
  const started = performance.now();
  const child = spawn(process.execPath, [join(root, 'api/dist/main.js')], {
    cwd: root,
    env: { ...process.env, PORT: String(port), DATA_DIR: dataDir, NODE_ENV: 'production', LOG_LEVEL: 'warn', DATABASE_URL: '', MAIL_POLL_INTERVAL_MS: '1000', ...env },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  child.stderr.on('data', (chunk) => (stderr += chunk));
  const base = `http://127.0.0.1:${port}`;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`portal exited with ${child.exitCode}: ${stderr.trim()}`);
    if (await fetch(`${base}/api/health/ready`).then((r) => r.ok, () => false)) break;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  return {
    child,
    base,
    seconds: (performance.now() - started) / 1000,
    accounts: () => JSON.parse(readFileSync(join(dataDir, 'demo-accounts.json'), 'utf8')).accounts,
    stop: async () => {
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      await exited;
    },
  };
}

export function removeDataDir(dir) {
  rmSync(dir, { recursive: true, force: true });
}
