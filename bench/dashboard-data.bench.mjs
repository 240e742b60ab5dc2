// The data set the partner dashboard is measured on: one partner with 10,000 orgs of skewed sizes
// (most small, a few with thousands of users), 1,000,000 users and their systems, loaded into a fresh
// database. Reports how long generation takes, its rate, and the size of the database that results.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import pg from 'pg';
import { generate } from './generator/generate.mjs';
import { report } from './lib/report.mjs';
import { root, run } from '../scripts/lib/workspace.mjs';

const ORGS = 10_000;
const USERS = 1_000_000;

// Built only when missing: another benchmark or engineer may be rebuilding them at the same time.
if (!existsSync(join(root, 'libs/testing/dist/index.js'))) run('npx', ['tsc', '-b', 'libs/testing']);
if (!existsSync(join(root, 'api/dist/database/migrator.js'))) run('npx', ['nest', 'build']);
const { createDatabase, dropDatabase, startTestServer } = await import('@mtp/testing');
const { loadMigrations, migrate } = await import(pathToFileURL(join(root, 'api/dist/database/migrator.js')).href);

const server = await startTestServer();
const database = await createDatabase(server.adminUrl, 'mtp_bench_dashboard');
try {
  // The compiled migrator, with the migrations from the source tree: a build made before the latest
  // migration landed still migrates to the schema the code is at.
  await migrate(database.url, loadMigrations(join(root, 'api/src/database/migrations')));
  const { counts, timings, partners } = await generate({ databaseUrl: database.url, partners: 1, orgs: ORGS, users: USERS, seed: 42, shape: 'skewed', log: console.log });
  const rows = counts.orgs + counts.users + counts.systems + counts.systemUsers;
  const sizes = partners[0].orgs.map((org) => org.users).sort((a, b) => a - b);
  console.log(`${counts.orgs} orgs (median ${sizes[sizes.length >> 1]} users, largest ${sizes.at(-1)}), ${counts.users} users, ${counts.systems} systems, ${counts.systemUsers} bindings`);

  report(`generate ${ORGS} orgs / ${USERS} users (total)`, timings.total.toFixed(1), 's', 300);
  report('  of which users, systems and bindings', timings.directories.toFixed(1), 's', 280);
  report('  of which org_stats recount check', timings.verify.toFixed(2), 's', 5);
  report('rows loaded per second (all tables)', Math.round(rows / timings.total), 'rows/s', 10_000, false);
  report('users loaded per second', Math.round(counts.users / timings.directories), 'users/s', 4_000, false);

  const client = new pg.Client({ connectionString: database.url });
  await client.connect();
  try {
    // Settle the visibility map and statistics first, as autovacuum would before anyone reads.
    await client.query('VACUUM ANALYZE');
    const size = await client.query(`SELECT pg_database_size(current_database()) AS database,
      pg_total_relation_size('directory_users') AS users, pg_relation_size('directory_users_search_idx') AS search,
      pg_total_relation_size('systems') + pg_total_relation_size('system_users') AS systems`);
    const mib = (bytes) => Math.round(Number(bytes) / 1_048_576);
    report('database size', mib(size.rows[0].database), 'MiB', 2_048);
    report('  directory_users with indexes', mib(size.rows[0].users), 'MiB', 1_024);
    report('  of which the trigram search index', mib(size.rows[0].search), 'MiB', 256);
    report('  systems and system_users with indexes', mib(size.rows[0].systems), 'MiB', 768);
  } finally {
    await client.end();
  }
} finally {
  await dropDatabase(server.adminUrl, database.name);
  await server.stop();
}
