// Launch sessions (issue #8): what a launch costs, and what the per-request revocation check adds to
// a console read in a launched session. At 1 and 10 connections, after a warm-up:
//   - launch: POST /api/v1/partner/orgs/{orgId}/sessions (each request starts a session), target p95 ≤ 30 ms;
//   - a console read in the session, GET /api/v1/orgs/{orgId}/users?limit=50 with the org-console token,
//     with the check as shipped and without it (the API's check answered from memory: every other step
//     the same), interleaved with, without, ..., without, with; target: the check adds ≤ 1 ms at p95;
//   - the same read by the org's own admin with a portal token (the path without a launch session);
//   - the check on its own: its SQL replayed with pg, and its time inside the API (LaunchSessionsService.resolve).
// Floors: the SQL each request sent (recorded from the built API), replayed with pg at the same
// concurrency. Data: the demo seed, 585 small generated orgs in 20 partners' portfolios and a history
// of 6,000 past sessions of 120 partner admins. Writes bench/results/launch.{json,md}.
//   node bench/launch.bench.mjs        (or `npm run bench launch`)
//   LAUNCH_BENCH_SECONDS=1 node bench/launch.bench.mjs   (a quick try; its results go to the temporary folder)
import { randomBytes } from 'node:crypto';
import { loadavg, tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import pg from 'pg';
import { generate } from './generator/generate.mjs';
import { backendPids, canMeasureCpu, startCpuCount } from './lib/cpu.mjs';
import { machineInfo } from './lib/dashboard-results.mjs';
import { explain } from './lib/explain.mjs';
import { addLaunchHistory, launchTables } from './lib/launch-history.mjs';
import { latencyFigures, writeLaunchResults } from './lib/launch-results.mjs';
import { measureHttp, measureLoop } from './lib/load.mjs';
import { measureRequest } from './lib/load-request.mjs';
import { attachToPartners } from './lib/partner-portfolio.mjs';
import { buildPortal, freePort, newDataDir, removeDataDir, signIn, startPortal } from './lib/portal.mjs';
import { apiPoolSize, replay } from './lib/portfolio-sql.mjs';
import { cleanUpOnExit } from './lib/clean-up.mjs';
import { report } from './lib/report.mjs';

const SECONDS = Number(process.env.LAUNCH_BENCH_SECONDS ?? 5);
const FULL_SECONDS = 5;
const WARMUP_SECONDS = 1;
const CONNECTIONS = [1, 10];
/** What launch sessions are held to (issue #8): reported beside the figures, never as an exit code. */
const TARGETS = { connections: 10, launchP95Ms: 30, checkAddedP95Ms: 1 };
/** Northwind and 19 neighbour partners (the dashboard's shape, smaller), each with 6 admins who signed in 10 times and launched 5 times each time. */
const HISTORY = { partnerOrgs: [300, ...Array(19).fill(15)], partnerUsers: [6_000, ...Array(19).fill(300)], adminsPerPartner: 6, signInsPerAdmin: 10, launchesPerSignIn: 5 };
/** Rounds of with/without runs of the console read per concurrency (each round: with, without, without, with). */
const READ_ROUNDS = { 1: 1, 10: 2 };
const LAUNCH_BODY = { reason: 'User locked out after a password change', ticket: 'PSA-4411' };
const FLOOR_APPLICATION = 'mtp-bench-floor';
const here = dirname(fileURLToPath(import.meta.url));

const ms = (value) => (value === null || value === undefined ? '-' : value.toFixed(2));
const line = (label, figures) => `${label.padEnd(52)} p50 ${ms(figures.p50).padStart(7)}  p95 ${ms(figures.p95).padStart(7)}  p99 ${ms(figures.p99).padStart(7)} ms  ${String(figures.perSecond ?? '-').padStart(6)}/s`;
const loadAverage1m = () => Math.round(loadavg()[0] * 100) / 100;

buildPortal();
if (loadavg()[0] > machineInfo().cores) console.warn(`the load average (${loadavg()[0].toFixed(1)}) is above the core count: other work on this machine will show in the figures`);
const { createDatabase, dropDatabase, startTestServer } = await import('@mtp/testing');
const server = await startTestServer();
const results = {
  startedAt: new Date().toISOString(), machine: machineInfo(),
  settings: { connections: CONNECTIONS, seconds: SECONDS, warmupSeconds: WARMUP_SECONDS, targets: TARGETS, history: HISTORY, launchBody: LAUNCH_BODY },
};
let database;
let dataDir;
let portal;
let admin;
const cleanUp = async () => {
  await admin?.end().catch(() => undefined);
  await portal?.stop().catch((error) => console.error(`stopping the portal: ${error.message}`));
  if (dataDir) removeDataDir(dataDir);
  if (database) await dropDatabase(server.adminUrl, database.name).catch((error) => console.error(`dropping ${database.name}: ${error.message}`));
  await server.stop();
};
const finish = cleanUpOnExit(cleanUp);

try {
  // The portal migrates and seeds the demo data: Northwind IT Services, its owner ana@ (who launches)
  // and olivia@, an admin of Acme Manufacturing, one of Northwind's orgs (who reads it as its own admin).
  database = await createDatabase(server.adminUrl, 'mtp_bench_launch');
  dataDir = newDataDir();
  const secret = () => randomBytes(32).toString('base64');
  const probePort = await freePort();
  portal = await startPortal(
    dataDir,
    { DATABASE_URL: database.url, DEMO_DATA: 'true', JWT_SECRET: secret(), COOKIE_SECRET: secret(), ENCRYPTION_KEY: secret(), LAUNCH_PROBE_PORT: String(probePort) },
    { nodeArgs: ['--import', pathToFileURL(join(here, 'lib/launch-probe.mjs')).href] },
  );
  console.log(`portal up with demo data in ${portal.seconds.toFixed(1)} s; PostgreSQL: ${server.kind}`);
  const control = async (method, path) => {
    const response = await fetch(`http://127.0.0.1:${probePort}${path}`, { method });
    if (!response.ok) throw new Error(`launch probe: ${method} ${path} answered ${response.status}`);
    return response.json();
  };
  await control('POST', '/check/live');

  admin = new pg.Client({ connectionString: database.url });
  await admin.connect();
  const setting = async (name) => (await admin.query(`SELECT current_setting($1) AS value`, [name])).rows[0].value;
  results.machine.postgres = { version: await setting('server_version'), kind: server.kind, sharedBuffers: await setting('shared_buffers') };
  const { rows: [northwind] } = await admin.query(`SELECT id FROM partners WHERE name = 'Northwind IT Services'`);
  const { rows: [acme] } = await admin.query(`SELECT id, public_id FROM organizations WHERE name = 'Acme Manufacturing'`);
  if (!northwind || !acme) throw new Error('the demo partner or its org Acme Manufacturing is missing: was the demo data seeded?');

  const t0 = performance.now();
  let partnerIds;
  await generate({
    databaseUrl: database.url, partnerOrgs: HISTORY.partnerOrgs, partnerUsers: HISTORY.partnerUsers, seed: 8, shape: 'skewed',
    afterOrgs: async (pool, orgs) => {
      partnerIds = await attachToPartners(pool, orgs, { firstPartnerId: northwind.id, namePrefix: 'Neighbour MSP' });
    },
  });
  const added = await addLaunchHistory(admin, { partnerIds, ...HISTORY });
  await admin.query('VACUUM ANALYZE');
  results.dataSet = { generatedSeconds: Math.round((performance.now() - t0) / 100) / 10, history: added, tables: await launchTables(admin) };
  console.log(`data: ${HISTORY.partnerOrgs.reduce((a, b) => a + b)} orgs generated, ${added.admins} partner admins with ${added.signIns.toLocaleString('en')} past sign-ins ` +
    `and ${added.launches.toLocaleString('en')} past launch sessions, in ${results.dataSet.generatedSeconds} s`);

  const accounts = portal.accounts();
  const ana = accounts.find((account) => account.email === 'ana@demo.mtp.local');
  const olivia = accounts.find((account) => account.email === 'olivia@demo.mtp.local');
  const anaHeaders = { authorization: `Bearer ${await signIn(portal.base, ana)}` };
  const oliviaHeaders = { authorization: `Bearer ${await signIn(portal.base, olivia)}` };

  const launchUrl = `${portal.base}/api/v1/partner/orgs/${acme.public_id}/sessions`;
  const readUrl = `${portal.base}/api/v1/orgs/${acme.public_id}/users?limit=50`;
  const call = async (url, { method = 'GET', headers, body, record }) => {
    const response = await fetch(url, {
      method, headers: { ...headers, ...(body ? { 'content-type': 'application/json' } : {}), ...(record ? { 'x-bench-record': record } : {}) }, body: body && JSON.stringify(body),
    });
    const answer = await response.json();
    if (!response.ok) throw new Error(`${method} ${url.slice(portal.base.length)} answered ${response.status}: ${JSON.stringify(answer)}`);
    return { answer, statements: record ? await control('GET', `/recording/${record}`) : undefined };
  };

  // One launch to read in, and the SQL of each request as the API sends it.
  const launched = await call(launchUrl, { method: 'POST', headers: anaHeaders, body: LAUNCH_BODY, record: 'launch' });
  const sessionHeaders = { authorization: `Bearer ${launched.answer.token}` };
  const inSession = await call(readUrl, { headers: sessionHeaders, record: 'read-in-session' });
  const asOwnAdmin = await call(readUrl, { headers: oliviaHeaders, record: 'read-as-own-admin' });
  const ids = (page) => JSON.stringify(page.items.map((user) => user.id));
  if (ids(inSession.answer) !== ids(asOwnAdmin.answer)) throw new Error('the launched session and the own admin read different users: the two paths are not the same read');
  const ownSql = new Set(asOwnAdmin.statements.map((statement) => statement.sql));
  const sessionSql = new Set(inSession.statements.map((statement) => statement.sql));
  const statements = {
    launch: launched.statements,
    check: inSession.statements.filter((statement) => !ownSql.has(statement.sql)),
    ownAdminLookups: asOwnAdmin.statements.filter((statement) => !sessionSql.has(statement.sql)),
    route: inSession.statements.filter((statement) => ownSql.has(statement.sql)),
  };
  if (statements.check.length !== 1 || !/FROM launch_sessions/.test(statements.check[0].sql)) {
    throw new Error(`expected one launch session read before the route's SQL, found: ${statements.check.map((statement) => statement.sql.slice(0, 80)).join(' | ')}`);
  }
  results.statements = Object.fromEntries(Object.entries(statements).map(([name, list]) => [name, list.map(({ sql }) => sql.replace(/\s+/g, ' ').trim())]));
  console.log(`a launch sends ${statements.launch.length} statements; a console read in a session ${inSession.statements.length} (the check and ${statements.route.length} of the route); ` +
    `the own admin's ${asOwnAdmin.statements.length} (${statements.ownAdminLookups.length} guard lookups)`);

  const { text: planText, ...planFacts } = await explain(admin, statements.check[0].sql, statements.check[0].params);
  results.checkPlan = { sql: results.statements.check[0], ...planFacts, text: planText };
  if (planFacts.seqScans.length) {
    // A table of a page or two is read whole whatever its indexes: the plan it gets once it is larger.
    await admin.query('BEGIN');
    await admin.query('SET LOCAL enable_seqscan = off');
    const { text, ...facts } = await explain(admin, statements.check[0].sql, statements.check[0].params);
    await admin.query('ROLLBACK');
    results.checkPlan.withoutSeqScans = { indexes: facts.indexes, seqScans: facts.seqScans, executionMs: facts.executionMs, text };
  }
  console.log(`\nEXPLAIN (ANALYZE, BUFFERS) of the check:\n${planText.replace(/^/gm, '  ')}\n  -> indexes: ${planFacts.indexes.join(', ') || 'none'}` +
    `${planFacts.seqScans.length ? `; sequential scans: ${planFacts.seqScans.join(', ')} (with enable_seqscan off: ${results.checkPlan.withoutSeqScans.indexes.join(', ')})` : ''}`);

  // CPU time per request of the API's process and its PostgreSQL backends (or the floor's backends),
  // and the guard's own timings from inside the API, over each measured interval.
  const poolSize = await apiPoolSize();
  results.settings.floorPoolSize = `min(connections, ${poolSize}): the API's pool size`;
  let lastTimings = null;
  const apiProbe = async () => {
    await control('POST', '/timings/reset');
    const cpu = canMeasureCpu() ? startCpuCount({ node: [portal.child.pid], postgres: await backendPids(admin, 'mtp-api') }) : null;
    return async () => {
      lastTimings = await control('GET', '/timings');
      return cpu ? cpu() : {};
    };
  };
  const floorProbe = canMeasureCpu() ? async () => startCpuCount({ postgres: await backendPids(admin, FLOOR_APPLICATION) }) : undefined;
  const withPool = async (connections, work) => {
    const pool = new pg.Pool({ connectionString: database.url, max: Math.min(connections, poolSize), application_name: FLOOR_APPLICATION });
    try {
      return await work(pool);
    } finally {
      await pool.end();
    }
  };
  const measureFloor = (connections, work) =>
    withPool(connections, (pool) => measureLoop(() => work(pool), { connections, seconds: SECONDS, warmupSeconds: WARMUP_SECONDS, probe: floorProbe }));
  const oneClient = async (pool, list) => {
    const client = await pool.connect();
    try {
      await replay(client, list, false);
    } finally {
      client.release();
    }
  };
  const readIn = async (mode, headers, connections) => {
    if (mode) await control('POST', `/check/${mode}`);
    const figures = await measureHttp(readUrl, { headers, connections, seconds: SECONDS, warmupSeconds: WARMUP_SECONDS, probe: apiProbe });
    return { figures, timings: lastTimings, loadAverage1m: loadAverage1m() };
  };

  results.runs = [];
  for (const connections of CONNECTIONS) {
    console.log(`\n## ${connections} connection${connections > 1 ? 's' : ''}`);
    const run = { connections };
    const launch = await measureRequest(launchUrl, { method: 'POST', body: LAUNCH_BODY, headers: anaHeaders, connections, seconds: SECONDS, warmupSeconds: WARMUP_SECONDS, probe: apiProbe });
    run.launch = { api: launch, floor: await measureFloor(connections, (pool) => oneClient(pool, statements.launch)), loadAverage1m: loadAverage1m() };
    console.log(`  ${line('launch: API', launch)}`);
    console.log(`  ${line(`launch: floor (its ${statements.launch.length} statements on one connection)`, run.launch.floor)}`);

    // With and without the check, interleaved (with, without, own admin, without, with; then without,
    // with, with, without...) so that a change in the machine's load falls on both alike.
    const order = [];
    for (let round = 0; round < (READ_ROUNDS[connections] ?? 1); round += 1) {
      const [first, second] = round % 2 === 0 ? ['with', 'without'] : ['without', 'with'];
      order.push(first, second, ...(round === 0 ? ['own admin'] : []), second, first);
    }
    const withCheck = [];
    const withoutCheck = [];
    let ownAdmin;
    for (const kind of order) {
      if (kind === 'with') withCheck.push(await readIn('live', sessionHeaders, connections));
      else if (kind === 'without') withoutCheck.push(await readIn('skip', sessionHeaders, connections));
      else ownAdmin = await readIn('live', oliviaHeaders, connections);
    }
    run.order = order;
    run.inSession = { runs: withCheck, api: latencyFigures(withCheck.map((r) => r.figures)) };
    run.inSessionWithoutCheck = { runs: withoutCheck, api: latencyFigures(withoutCheck.map((r) => r.figures)) };
    run.ownAdmin = { runs: [ownAdmin], api: ownAdmin.figures };
    for (const [label, entry] of [['read in session, with the check', run.inSession], ['read in session, check from memory', run.inSessionWithoutCheck], ['read as the org\'s own admin', run.ownAdmin]]) {
      console.log(`  ${line(label, entry.api)}${entry.runs.length > 1 ? `  (p95 of each run: ${entry.runs.map((r) => ms(r.figures.p95)).join(', ')})` : ''}`);
    }

    run.floors = {
      check: await measureFloor(connections, (pool) => replay(pool, statements.check, false)),
      // The same SQL as a named statement: parsed and planned once per connection rather than per request.
      checkPrepared: await measureFloor(connections, (pool) => pool.query({ name: 'launch-session-check', text: statements.check[0].sql, values: statements.check[0].params })),
      route: await measureFloor(connections, (pool) => replay(pool, statements.route, false)),
      checkThenRoute: await measureFloor(connections, async (pool) => {
        await replay(pool, statements.check, false);
        await replay(pool, statements.route, false);
      }),
      ownAdminLookupsThenRoute: await measureFloor(connections, async (pool) => {
        await replay(pool, statements.ownAdminLookups, false);
        await replay(pool, statements.route, false);
      }),
    };
    run.loadAverage1m = loadAverage1m();
    console.log(`  ${line('floor: the check\'s SQL alone', run.floors.check)}`);
    console.log(`  ${line('floor: the check\'s SQL, prepared once per connection', run.floors.checkPrepared)}`);
    console.log(`  ${line('floor: the route\'s SQL', run.floors.route)}`);
    console.log(`  ${line('floor: the check, then the route\'s SQL', run.floors.checkThenRoute)}`);
    console.log(`  ${line('floor: own admin\'s lookups, then the route\'s SQL', run.floors.ownAdminLookupsThenRoute)}`);
    results.runs.push(run);
  }

  results.dataSet.launchSessionsAfter = (await admin.query('SELECT count(*)::int AS rows FROM launch_sessions')).rows[0].rows;
  results.finishedAt = new Date().toISOString();
  results.machine.loadAverageAfter = machineInfo().loadAverage;
  const written = writeLaunchResults(results, SECONDS >= FULL_SECONDS ? undefined : tmpdir());
  console.log(`\n${written.markdown}`);
  const atTarget = written.summary;
  report(`launch p95 at ${TARGETS.connections} conn.`, atTarget.launchP95, 'ms', TARGETS.launchP95Ms);
  report(`check added at p95, HTTP with - without (${TARGETS.connections} conn.)`, atTarget.checkAddedHttpP95, 'ms', TARGETS.checkAddedP95Ms);
  report(`check inside the API (resolve) p95 (${TARGETS.connections} conn.)`, atTarget.resolveP95, 'ms', TARGETS.checkAddedP95Ms);
  report(`check SQL alone with pg p95 (${TARGETS.connections} conn.)`, atTarget.checkFloorP95, 'ms', TARGETS.checkAddedP95Ms);
  console.log(`written: ${written.files.join(', ')}`);
} finally {
  await finish();
}
