// Fails when a migration that has landed was edited, renamed or deleted: the databases that already
// applied it would never see the change. A change to the schema is always a new migration.
import { execFileSync } from 'node:child_process';
import { root } from './lib/workspace.mjs';

const folder = 'api/src/database/migrations';
const git = (...args) => execFileSync('git', args, { cwd: root, encoding: 'utf8' }).trim();

const history = git('log', '--diff-filter=MDR', '--name-status', '--format=%h %s', '--', folder);
const working = git('diff', 'HEAD', '--diff-filter=MDR', '--name-status', '--', folder);
if (history || working) {
  console.error(`Landed migrations must never change. Found:\n${[history, working].filter(Boolean).join('\n')}`);
  process.exit(1);
}
console.log('Migrations: every landed migration is unchanged');
