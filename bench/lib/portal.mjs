// Starts the built portal for a benchmark: embedded PostgreSQL in a fresh data folder, demo data on.
import { spawn } from 'node:child_process';
import { chmodSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as delay } from 'node:timers/promises';
import speakeasy from 'speakeasy';
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

/** `nodeArgs`: options for the portal's node (e.g. --cpu-prof), which NODE_OPTIONS does not all take. */
export async function startPortal(dataDir, env = {}, { nodeArgs = [] } = {}) {
  const port = await freePort();
  const started = performance.now();
  const child = spawn(process.execPath, [...nodeArgs, join(root, 'api/dist/main.js')], {
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
      if (child.exitCode !== null || child.signalCode !== null) return;
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      // A portal that does not drain within its grace period is stopped hard (by its pid, like SIGTERM).
      const hard = setTimeout(() => child.kill('SIGKILL'), 30_000);
      await exited;
      clearTimeout(hard);
    },
  };
}

export function removeDataDir(dir) {
  rmSync(dir, { recursive: true, force: true });
}

const TOTP_STEP_MS = 30_000;

/**
 * Signs a demo account in through the API (password, then TOTP) and answers its access token. The
 * portal accepts each TOTP step's code once (the seed used one when it enrolled the account): when
 * the code is refused, the next step's code is tried once.
 */
export async function signIn(base, account) {
  const post = (path, body) =>
    fetch(`${base}${path}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) }).then(async (response) => ({ status: response.status, body: await response.json() }));
  for (let attempt = 1; ; attempt += 1) {
    const login = await post('/api/v1/auth/login', { email: account.email, password: account.password });
    if (!login.body.challengeToken) throw new Error(`password step for ${account.email} answered ${login.status}: ${JSON.stringify(login.body)}`);
    const step = Math.floor(Date.now() / TOTP_STEP_MS);
    const code = speakeasy.totp({ secret: account.totpSecret, encoding: 'base32', time: (step * TOTP_STEP_MS) / 1000 });
    const mfa = await post('/api/v1/auth/mfa', { challengeToken: login.body.challengeToken, code });
    if (mfa.body.accessToken) return mfa.body.accessToken;
    if (attempt === 2) throw new Error(`TOTP step for ${account.email} answered ${mfa.status}: ${JSON.stringify(mfa.body)}`);
    await delay((step + 1) * TOTP_STEP_MS + 250 - Date.now());
  }
}
