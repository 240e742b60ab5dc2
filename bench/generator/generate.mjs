// Generates a realistic data set of organizations, directory users and systems, for benchmarks and
// demos. Import `generate` from a benchmark, or run:
//   node bench/generator/generate.mjs --database-url <url> --partners 20 --orgs 10000 --users 1000000 [--seed 42] [--shape skewed]
//   node bench/generator/generate.mjs --database-url <url> --partner-orgs 10000,500,500 --partner-users 1000000,10000,10000
// The database must be migrated. The same seed gives the same orgs, OrgIDs, names and users; times
// are relative to the moment of the run, so the data always looks current.
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import pg from 'pg';
import { loadDirectories, loadOrgs } from './load.mjs';
import { buildOrgs } from './orgs.mjs';
import { createRandom } from './random.mjs';
import { planOrgs } from './shape.mjs';
import { orgStatsDrift } from './verify.mjs';

export { SHAPES } from './shape.mjs';

const seconds = (since) => (performance.now() - since) / 1000;

/**
 * Loads the data set and checks org_stats against a recount. Partners and their associations do not
 * exist yet: the orgs come back grouped by `partnerIndex`, for the code that will attach them.
 * `afterOrgs(pool, orgs)` runs once the orgs exist and before their users: the place to add org
 * admins, which need administrators (the identity module's) and are therefore not made here, or to
 * attach the orgs to partners, so that their users take the managing partner as they are inserted.
 *
 * `partnerOrgs` ([orgs of partner 0, orgs of partner 1, ...]) and `partnerUsers` (users of each,
 * optional) give the partners' sizes explicitly; `partners`, `orgs` and `users` then follow from them.
 */
export async function generate({
  databaseUrl, partners = 20, orgs = 10_000, users = 1_000_000, seed = 42, shape = 'skewed',
  partnerOrgs, partnerUsers, connections = 2, batchRows = 8_000, now = Date.now(), afterOrgs, log = () => undefined,
}) {
  if (partnerOrgs) ({ partners, orgs, users } = explicitSizes(partnerOrgs, partnerUsers, users));
  else if (partnerUsers) throw new Error('partnerUsers needs partnerOrgs');
  if (partners < 1) throw new Error('at least one partner is needed to group the orgs');
  const started = performance.now();
  // Keyed by the sizes too: the same seed at other sizes must not repeat the ids of an earlier run.
  const sizes = partnerOrgs ? `orgs:${partnerOrgs.join(',')}/users:${partnerUsers?.join(',') ?? users}` : `${partners}/${orgs}/${users}`;
  const random = createRandom(`${seed}/${shape}/${sizes}`);
  const built = buildOrgs(planOrgs({ partners, orgs, users, shape, random, partnerOrgs, partnerUsers }), random, now);
  log(`  ${orgs.toLocaleString('en')} orgs planned for ${partners} partners, ${users.toLocaleString('en')} users`);
  const pool = new pg.Pool({ connectionString: databaseUrl, max: connections });
  // A lost last commit costs nothing here (the run is repeated), and not waiting for each flush is faster.
  pool.on('connect', (client) => client.query('SET synchronous_commit = off'));
  const timings = {};
  try {
    let phase = performance.now();
    await loadOrgs(pool, built, batchRows);
    timings.orgs = seconds(phase);
    if (afterOrgs) await afterOrgs(pool, built);
    phase = performance.now();
    let reported = 0;
    await loadDirectories(pool, built, {
      random, now, batchRows, connections,
      onProgress: (loaded) => {
        if (loaded - reported < 100_000) return;
        reported = loaded;
        log(`  ${loaded.toLocaleString('en')} users after ${seconds(phase).toFixed(1)} s`);
      },
    });
    timings.directories = seconds(phase);
    phase = performance.now();
    const drift = await orgStatsDrift(pool);
    timings.verify = seconds(phase);
    if (drift.length > 0) throw new Error(`org_stats differs from a recount for ${drift.length} orgs, e.g. ${JSON.stringify(drift[0])}`);
  } finally {
    await pool.end();
  }
  timings.total = seconds(started);
  const systems = built.reduce((sum, org) => sum + org.systems, 0);
  const groups = Array.from({ length: partners }, (_, partnerIndex) => ({ partnerIndex, orgs: [] }));
  for (const { id, publicId, name, partnerIndex, users: userCount, systems: systemCount } of built) {
    groups[partnerIndex].orgs.push({ id, publicId, name, users: userCount, systems: systemCount });
  }
  return { partners: groups, counts: { orgs: built.length, users, systems, systemUsers: systems }, timings };
}

function explicitSizes(partnerOrgs, partnerUsers, users) {
  const whole = (list) => Array.isArray(list) && list.length > 0 && list.every((value) => Number.isInteger(value) && value >= 0);
  if (!whole(partnerOrgs)) throw new Error('partnerOrgs must list a whole number of orgs for each partner');
  if (partnerUsers && (!whole(partnerUsers) || partnerUsers.length !== partnerOrgs.length)) throw new Error('partnerUsers must list a whole number of users for each partner of partnerOrgs');
  if (partnerUsers?.some((count, index) => count > 0 && partnerOrgs[index] === 0)) throw new Error('a partner without orgs cannot have users');
  const sum = (list) => list.reduce((a, b) => a + b, 0);
  return { partners: partnerOrgs.length, orgs: sum(partnerOrgs), users: partnerUsers ? sum(partnerUsers) : users };
}

async function main() {
  const { values } = parseArgs({
    options: {
      'database-url': { type: 'string', default: process.env.DATABASE_URL },
      partners: { type: 'string', default: '20' },
      orgs: { type: 'string', default: '10000' },
      users: { type: 'string', default: '1000000' },
      seed: { type: 'string', default: '42' },
      shape: { type: 'string', default: 'skewed' },
      connections: { type: 'string', default: '2' },
      'partner-orgs': { type: 'string' },
      'partner-users': { type: 'string' },
    },
  });
  if (!values['database-url']) throw new Error('give --database-url (or set DATABASE_URL) to a migrated database');
  const number = (name) => {
    const value = Number(values[name]);
    if (!Number.isInteger(value) || value < 0) throw new Error(`--${name} must be a whole number`);
    return value;
  };
  const list = (name) => values[name]?.split(',').map((item) => Number(item.trim()));
  const result = await generate({
    databaseUrl: values['database-url'], partners: number('partners'), orgs: number('orgs'), users: number('users'),
    partnerOrgs: list('partner-orgs'), partnerUsers: list('partner-users'),
    seed: number('seed'), shape: values.shape, connections: Math.max(1, number('connections')), log: console.log,
  });
  const { counts, timings } = result;
  const rows = counts.orgs + counts.users + counts.systems + counts.systemUsers;
  console.log(`orgs ${counts.orgs}, users ${counts.users}, systems ${counts.systems}, system bindings ${counts.systemUsers}`);
  console.log(`orgs ${timings.orgs.toFixed(1)} s, users and systems ${timings.directories.toFixed(1)} s, stats check ${timings.verify.toFixed(1)} s, total ${timings.total.toFixed(1)} s`);
  console.log(`${Math.round(rows / timings.total).toLocaleString('en')} rows/s; org_stats equals a recount for every org`);
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  main().catch((error) => {
    const hint = error.code === '23505' ? ' (this data set is already loaded: use a fresh database or another --seed)' : '';
    console.error(`${error.message}${hint}`);
    process.exitCode = 1;
  });
}
