import { createDatabase, dropDatabase, freePort } from '@mtp/testing';
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { chmodSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as delay } from 'node:timers/promises';
import { fileURLToPath } from 'node:url';

const WORKSPACE = fileURLToPath(new URL('../../', import.meta.url));
/** The built API, which also serves the built portal and the back-office. */
const MAIN = 'api/dist/main.js';

const READY_TIMEOUT_MS = 60_000;
const EXIT_TIMEOUT_MS = 30_000;
const STOP_GRACE_MS = 20_000;

import type { DemoAccount, DemoAccountsFile } from '@mtp/contract';

export type { DemoAccount, DemoAccountsFile };

export interface Exit {
  code: number | null;
  signal: NodeJS.Signals | null;
}

export interface PortalOptions {
  /**
   * `fresh`: a new, empty database on the test server (DATABASE_URL) with DEMO_DATA=true;
   * `embedded`: no DATABASE_URL at all, so the portal runs PostgreSQL inside its data folder;
   * `{ url }`: that DATABASE_URL as given.
   */
  database: 'fresh' | 'embedded' | { url: string };
  /** A data folder to start on, left in place at stop (see makeDataDir); by default a new one, removed at stop. */
  dataDir?: string;
  /** Further settings, which win over the defaults (e.g. a bad PORT). */
  env?: Record<string, string>;
}

export interface PortalProcess {
  /** http://127.0.0.1:<port> */
  readonly baseUrl: string;
  readonly port: number;
  readonly dataDir: string;
  readonly pid: number;
  /** Everything printed so far. */
  readonly stdout: string;
  readonly stderr: string;
  demoAccounts(): DemoAccountsFile;
  /** The demo account with this email; fails the test when there is none. */
  demoAccount(email: string): DemoAccount;
  /** SIGTERM, then SIGKILL if it has not exited after 20 s; resolves with how it exited. Safe to call twice. */
  stop(): Promise<Exit>;
}

export interface FinishedRun extends Exit {
  stdout: string;
  stderr: string;
}

interface Launched {
  child: ChildProcess;
  port: number;
  dataDir: string;
  output: { stdout: string; stderr: string };
  exited: Promise<Exit>;
  stop(): Promise<Exit>;
}

const running = new Set<ChildProcess>();
// A worker that dies mid-file must not leave portals (and their PostgreSQL) behind.
process.once('exit', () => {
  for (const child of running) child.kill('SIGTERM');
});

/** Starts `node api/dist/main.js` and waits for GET /api/health/ready to answer 200. */
export async function startPortal(options: PortalOptions): Promise<PortalProcess> {
  const launched = await launch(options);
  const baseUrl = `http://127.0.0.1:${launched.port}`;
  try {
    await waitUntilReady(baseUrl, launched);
  } catch (error) {
    await launched.stop();
    throw error;
  }
  return {
    baseUrl,
    port: launched.port,
    dataDir: launched.dataDir,
    pid: launched.child.pid!,
    get stdout() {
      return launched.output.stdout;
    },
    get stderr() {
      return launched.output.stderr;
    },
    demoAccounts: () => readDemoAccounts(launched.dataDir),
    demoAccount: (email: string) => {
      const account = readDemoAccounts(launched.dataDir).accounts.find((candidate) => candidate.email === email);
      if (!account) throw new Error(`No demo account ${email} in ${join(launched.dataDir, 'demo-accounts.json')}`);
      return account;
    },
    stop: launched.stop,
  };
}

function readDemoAccounts(dataDir: string): DemoAccountsFile {
  return JSON.parse(readFileSync(join(dataDir, 'demo-accounts.json'), 'utf8')) as DemoAccountsFile;
}

/** Runs the portal where it is expected to refuse to start, and returns how it ended. */
export async function runPortalUntilExit(options: PortalOptions): Promise<FinishedRun> {
  const launched = await launch(options);
  const outcome = await Promise.race([launched.exited, delay(EXIT_TIMEOUT_MS, 'still running' as const, { ref: false })]);
  const exit = await launched.stop();
  if (outcome === 'still running') {
    throw new Error(`The portal was expected to exit but still ran after ${EXIT_TIMEOUT_MS / 1000} s.\n${describeOutput(launched.output)}`);
  }
  return { ...exit, ...launched.output };
}

/** A data folder that outlives one portal, to start another on it; remove it with removeDataDir. */
export function makeDataDir(): string {
  return makeTemporaryFolder('mtp-e2e-data-');
}

export function removeDataDir(dir: string): void {
  rmSync(dir, { recursive: true, force: true });
}

function makeTemporaryFolder(prefix: string): string {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  // Run as root, the embedded PostgreSQL runs as the postgres user, which must reach its folder.
  chmodSync(dir, 0o755);
  return dir;
}

async function launch(options: PortalOptions): Promise<Launched> {
  const scratch = makeTemporaryFolder('mtp-e2e-');
  const dataDir = options.dataDir ?? join(scratch, 'data');
  const port = await freePort();
  const database = options.database === 'fresh' ? await createDatabase(testServerUrl(), 'mtp_e2e') : undefined;
  const databaseEnv =
    options.database === 'embedded'
      ? {}
      : { DATABASE_URL: database?.url ?? (options.database as { url: string }).url, DEMO_DATA: 'true', ...productionSecrets() };

  const child = spawn(process.execPath, [MAIN], {
    // As a person starts it: `node api/dist/main.js` in the workspace.
    cwd: WORKSPACE,
    env: {
      ...inheritedEnvironment(),
      NODE_ENV: 'production',
      LOG_LEVEL: 'warn',
      PORT: String(port),
      DATA_DIR: dataDir,
      ADMIN_JS_TMP_DIR: join(scratch, 'adminjs'),
      ...databaseEnv,
      ...options.env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  running.add(child);
  const output = { stdout: '', stderr: '' };
  child.stdout!.setEncoding('utf8').on('data', (chunk: string) => (output.stdout += chunk));
  child.stderr!.setEncoding('utf8').on('data', (chunk: string) => (output.stderr += chunk));
  const exited = new Promise<Exit>((resolve) => {
    child.once('error', (error) => {
      output.stderr += `${error.message}\n`;
      resolve({ code: null, signal: null });
    });
    child.once('close', (code, signal) => resolve({ code, signal }));
  }).finally(() => running.delete(child));

  let stopping: Promise<Exit> | undefined;
  const stop = () =>
    (stopping ??= (async () => {
      const exit = await terminate(child, exited);
      if (database) await dropDatabase(testServerUrl(), database.name);
      rmSync(scratch, { recursive: true, force: true });
      return exit;
    })());
  return { child, port, dataDir, output, exited, stop };
}

async function terminate(child: ChildProcess, exited: Promise<Exit>): Promise<Exit> {
  if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
  const outcome = await Promise.race([exited, delay(STOP_GRACE_MS, 'too slow' as const, { ref: false })]);
  if (outcome !== 'too slow') return outcome;
  child.kill('SIGKILL');
  return exited;
}

async function waitUntilReady(baseUrl: string, launched: Launched): Promise<void> {
  let exit: Exit | undefined;
  void launched.exited.then((value) => (exit = value));
  const deadline = Date.now() + READY_TIMEOUT_MS;
  while (Date.now() < deadline) {
    if (await answersReady(baseUrl)) return;
    if (exit) throw new Error(`The portal exited (code ${exit.code}, signal ${exit.signal}) before it was ready.\n${describeOutput(launched.output)}`);
    await delay(200);
  }
  throw new Error(`The portal did not answer GET /api/health/ready with 200 within ${READY_TIMEOUT_MS / 1000} s.\n${describeOutput(launched.output)}`);
}

async function answersReady(baseUrl: string): Promise<boolean> {
  try {
    const response = await fetch(`${baseUrl}/api/health/ready`, { signal: AbortSignal.timeout(2_000) });
    await response.arrayBuffer();
    return response.status === 200;
  } catch {
    return false;
  }
}

function describeOutput(output: { stdout: string; stderr: string }): string {
  return `stderr:\n${output.stderr.trim() || '(nothing)'}\nstdout:\n${output.stdout.trim().slice(-4_000) || '(nothing)'}`;
}

/** In production on a database of its own choosing the portal has no default secrets: a deployment gives them. */
function productionSecrets(): Record<string, string> {
  return {
    JWT_SECRET: randomBytes(48).toString('base64url'),
    COOKIE_SECRET: randomBytes(48).toString('base64url'),
    ENCRYPTION_KEY: randomBytes(32).toString('base64'),
  };
}

/** Only what a shell would pass on: no DATABASE_URL or NODE_OPTIONS from the test run. */
function inheritedEnvironment(): NodeJS.ProcessEnv {
  const names = ['PATH', 'HOME', 'USER', 'LANG', 'LC_ALL', 'TMPDIR', 'TZ'];
  return Object.fromEntries(names.filter((name) => process.env[name] !== undefined).map((name) => [name, process.env[name]]));
}

function testServerUrl(): string {
  const url = process.env.MTP_TEST_SERVER_URL;
  if (!url) throw new Error('MTP_TEST_SERVER_URL is not set: run the e2e tests through jest (-c e2e/jest.config.mjs), whose global setup starts PostgreSQL');
  return url;
}
