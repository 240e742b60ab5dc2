// The partner dashboard's API under load, on the portfolio of the largest partner: 10,000 orgs of
// skewed sizes and 1,000,000 directory users, beside 19 neighbour partners of 500 orgs each. Every
// request is measured at 1, 10 and 50 concurrent clients and set beside its floor: the same SQL the
// API's repositories send, run straight on PostgreSQL with pg. Each floor query is EXPLAINed once to
// show which partner-scoped indexes it walks. Writes bench/results/dashboard.{json,md}.
//   node bench/dashboard.bench.mjs        (or `npm run bench dashboard`)
//   DASHBOARD_BENCH_SCALE=0.05 DASHBOARD_BENCH_SECONDS=1 node bench/dashboard.bench.mjs   (to try the benchmark itself quickly)
import { randomBytes } from 'node:crypto';
import { loadavg, tmpdir } from 'node:os';
import pg from 'pg';
import { generate } from './generator/generate.mjs';
import { writeDashboardResults, machineInfo } from './lib/dashboard-results.mjs';
import { backendPids, canMeasureCpu, startCpuCount } from './lib/cpu.mjs';
import { explain } from './lib/explain.mjs';
import { measureHttp, measureLoop, measureRuns } from './lib/load.mjs';
import { attachToPartners, portfolioCounts } from './lib/partner-portfolio.mjs';
import { buildPortal, newDataDir, removeDataDir, signIn, startPortal } from './lib/portal.mjs';
import { apiPoolSize, guardStatements, portfolioService, replay } from './lib/portfolio-sql.mjs';
import { cleanUpOnExit } from './lib/clean-up.mjs';
import { report } from './lib/report.mjs';

const SCALE = Number(process.env.DASHBOARD_BENCH_SCALE ?? 1);
const scaled = (count) => Math.max(1, Math.round(count * SCALE));
const NEIGHBOURS = 19;
const PARTNER_ORGS = [scaled(10_000), ...Array(NEIGHBOURS).fill(scaled(500))];
const PARTNER_USERS = [scaled(1_000_000), ...Array(NEIGHBOURS).fill(scaled(500) * 20)];
const CONNECTIONS = [1, 10, 50];
const SECONDS = Number(process.env.DASHBOARD_BENCH_SECONDS ?? 5);
const WARMUP_SECONDS = 1;
const EXPORT_RUNS = 20;
const EXPORT_CONNECTIONS = [1, 2];
/** What the dashboard is held to: ceilings and a floor, reported beside the figures, never as an exit code. */
const TARGETS = { connections: 10, pageP95Ms: 25, orgTablePerSecond: 1_000, exportMs: 1_000 };
// Part of two of the generator's org name prefixes ("Blue Harbor", "Harborview"): about one org in 18.
const SEARCH = 'harbor';
const TOKEN_MAX_AGE_MS = 10 * 60_000;
const FLOOR_APPLICATION = 'mtp-bench-floor';

const orgPage = (body) => [body.total, ...body.items.map((org) => org.orgId)];
const SCENARIOS = [
  { key: 'overview', name: 'home totals (overview)', path: '/api/v1/partner/overview', query: {}, together: true,
    call: (service, scope) => service.overview(scope), answer: (body) => [body.totals.orgs, body.totals.users.total, ...body.largestOrgs.map((org) => org.orgId)] },
  { key: 'orgs-by-users', name: 'org table: users desc, page 1', path: '/api/v1/partner/orgs', query: { sort: 'users', order: 'desc', limit: 50 }, together: true,
    call: (service, scope, query) => service.orgPage(scope, query), answer: orgPage, perSecondTarget: true },
  { key: 'orgs-filtered', name: 'org table: lockouts + MFA < 80 %, by MFA', path: '/api/v1/partner/orgs', query: { hasLockouts: true, mfaBelow: 80, sort: 'mfaCoverage', limit: 50 }, together: true,
    call: (service, scope, query) => service.orgPage(scope, query), answer: orgPage },
  { key: 'orgs-search', name: `org table: search "${SEARCH}"`, path: '/api/v1/partner/orgs', query: { search: SEARCH, limit: 50 }, together: true,
    call: (service, scope, query) => service.orgPage(scope, query), answer: orgPage },
  { key: 'users', name: 'users tab: page 1', path: '/api/v1/partner/users', query: { limit: 50 }, together: true,
    call: (service, scope, query) => service.userPage(scope, query), answer: (body) => body.items.map((user) => user.id) },
];
const EXPORT = { key: 'orgs-export', name: 'org table: CSV export, all rows', path: '/api/v1/partner/orgs/export', query: {} };

const ms = (value) => (value === null ? '-' : value.toFixed(2));
const cpuNote = ({ perRequest }) => (perRequest ? `  CPU/req ${Object.entries(perRequest).map(([name, value]) => `${name} ${ms(value)}`).join(', ')} ms` : '');
const line = (label, figures) => `${label.padEnd(44)} p50 ${ms(figures.p50).padStart(7)}  p95 ${ms(figures.p95).padStart(7)}  p99 ${ms(figures.p99).padStart(7)} ms  ${String(figures.perSecond).padStart(6)}/s${cpuNote(figures)}`;
const loadAverage1m = () => Math.round(loadavg()[0] * 100) / 100;
const ratioOf = (api, floor) => (api.p95 && floor.p95 ? Math.round((api.p95 / floor.p95) * 10) / 10 : null);
const urlOf = (base, { path, query }) => `${base}${path}${Object.keys(query).length ? `?${new URLSearchParams(query)}` : ''}`;

buildPortal();
if (loadavg()[0] > machineInfo().cores) console.warn(`the load average (${loadavg()[0].toFixed(1)}) is above the core count: other work on this machine will show in the figures`);
const { createDatabase, dropDatabase, startTestServer } = await import('@mtp/testing');
const server = await startTestServer();
const results = { startedAt: new Date().toISOString(), scale: SCALE, machine: machineInfo(), settings: { connections: CONNECTIONS, seconds: SECONDS, warmupSeconds: WARMUP_SECONDS, exportRuns: EXPORT_RUNS, targets: TARGETS } };
let database;
let dataDir;
let portal;
let admin;
let recorder;
const cleanUp = async () => {
  await recorder?.end().catch(() => undefined);
  await admin?.end().catch(() => undefined);
  await portal?.stop().catch((error) => console.error(`stopping the portal: ${error.message}`));
  if (dataDir) removeDataDir(dataDir);
  if (database) await dropDatabase(server.adminUrl, database.name).catch((error) => console.error(`dropping ${database.name}: ${error.message}`));
  await server.stop();
};
const finish = cleanUpOnExit(cleanUp);

try {
  // The portal migrates the new database and seeds the demo data: the partner "Northwind IT Services"
  // and its owner ana@, who signs in below.
  database = await createDatabase(server.adminUrl, 'mtp_bench_partner_dashboard');
  dataDir = newDataDir();
  const secret = () => randomBytes(32).toString('base64');
  portal = await startPortal(dataDir, { DATABASE_URL: database.url, DEMO_DATA: 'true', JWT_SECRET: secret(), COOKIE_SECRET: secret(), ENCRYPTION_KEY: secret() });
  console.log(`portal up with demo data in ${portal.seconds.toFixed(1)} s; PostgreSQL: ${server.kind}`);
  admin = new pg.Client({ connectionString: database.url });
  await admin.connect();
  const { rows: [northwind] } = await admin.query(`SELECT id FROM partners WHERE name = 'Northwind IT Services'`);
  if (!northwind) throw new Error('the demo partner Northwind IT Services is missing: was the demo data seeded?');
  const scope = { partnerId: northwind.id, orgIds: null };
  const setting = async (name) => (await admin.query(`SELECT current_setting($1) AS value`, [name])).rows[0].value;
  results.machine.postgres = { version: await setting('server_version'), kind: server.kind, sharedBuffers: await setting('shared_buffers'), workMem: await setting('work_mem') };

  console.log(`generating ${PARTNER_ORGS.reduce((a, b) => a + b).toLocaleString('en')} orgs and ${PARTNER_USERS.reduce((a, b) => a + b).toLocaleString('en')} users...`);
  let attachSeconds = 0;
  const generated = await generate({
    databaseUrl: database.url, partnerOrgs: PARTNER_ORGS, partnerUsers: PARTNER_USERS, seed: 42, shape: 'skewed', log: console.log,
    afterOrgs: async (pool, orgs) => {
      const t0 = performance.now();
      await attachToPartners(pool, orgs, { firstPartnerId: northwind.id, namePrefix: 'Neighbour MSP' });
      attachSeconds = (performance.now() - t0) / 1000;
    },
  });
  const vacuumStarted = performance.now();
  await admin.query('VACUUM ANALYZE');
  await admin.query('CHECKPOINT');
  const vacuumSeconds = (performance.now() - vacuumStarted) / 1000;
  const { timings } = generated;
  results.generation = {
    seconds: Math.round((timings.total + vacuumSeconds) * 10) / 10,
    orgsSeconds: timings.orgs, attachSeconds, usersAndSystemsSeconds: timings.directories, statsCheckSeconds: timings.verify, vacuumAnalyzeSeconds: vacuumSeconds,
    usersPerSecond: Math.round(generated.counts.users / timings.directories),
  };
  results.dataSet = await portfolioCounts(admin, northwind.id);
  const big = results.dataSet.partners[0];
  console.log(`generated in ${results.generation.seconds} s (users ${timings.directories.toFixed(0)} s at ${results.generation.usersPerSecond.toLocaleString('en')}/s, VACUUM ANALYZE ${vacuumSeconds.toFixed(0)} s); ` +
    `${big.name}: ${big.orgs.toLocaleString('en')} orgs, ${big.users.toLocaleString('en')} users; database ${Math.round(results.dataSet.totals.database_bytes / 1_048_576)} MiB`);
  if (results.dataSet.partnerRowsCopied.users !== big.users) throw new Error(`${results.dataSet.partnerRowsCopied.users} users carry Northwind's partner_id, org_stats counts ${big.users}`);

  const account = portal.accounts().find((candidate) => candidate.email === 'ana@demo.mtp.local');
  let token;
  let signedInAt = 0;
  const bearer = async () => {
    if (Date.now() - signedInAt > TOKEN_MAX_AGE_MS) {
      token = await signIn(portal.base, account);
      signedInAt = Date.now();
    }
    return { authorization: `Bearer ${token}` };
  };
  const claims = JSON.parse(Buffer.from((await bearer()).authorization.split('.')[1], 'base64url').toString());
  const guard = guardStatements({ sessionId: claims.sid, administratorId: claims.sub });
  const poolSize = await apiPoolSize();
  results.settings.floorPoolSize = `min(connections, ${poolSize}): the API's pool size`;
  const withPool = async (connections, work) => {
    const pool = new pg.Pool({ connectionString: database.url, max: Math.min(connections, poolSize), application_name: FLOOR_APPLICATION });
    try {
      return await work(pool);
    } finally {
      await pool.end();
    }
  };
  recorder = new pg.Pool({ connectionString: database.url, max: poolSize, application_name: 'mtp-bench-recorder' });
  // CPU time per request: the API's process and its PostgreSQL backends, or the floor's backends.
  const apiCpu = canMeasureCpu() ? async () => startCpuCount({ node: [portal.child.pid], postgres: await backendPids(admin, 'mtp-api') }) : undefined;
  const floorCpu = canMeasureCpu() ? async () => startCpuCount({ postgres: await backendPids(admin, FLOOR_APPLICATION) }) : undefined;
  const api = await portfolioService(recorder);
  const explainEach = async (statements) => {
    const plans = [];
    for (const { sql, params } of statements) {
      const { text, ...facts } = await explain(admin, sql, params);
      plans.push({ sql, params, ...facts, text });
      console.log(`  EXPLAIN (ANALYZE, BUFFERS): ${sql.replace(/\s+/g, ' ').slice(0, 110)}...\n${text.replace(/^/gm, '    ')}`);
      console.log(`  -> indexes: ${facts.indexes.join(', ') || 'none'}${facts.seqScans.length ? `; sequential scans: ${facts.seqScans.join(', ')}` : ''}`);
    }
    return plans;
  };

  // What any request costs before its route's work: HTTP, the middleware (request id and logger,
  // helmet) and Nest's routing, on a public route that sends no SQL.
  const baselineUrl = `${portal.base}/api/health/live`;
  console.log(`\n## baseline: GET /api/health/live (public, no SQL)`);
  results.baseline = { request: 'GET /api/health/live', runs: [] };
  for (const connections of CONNECTIONS) {
    const figures = await measureHttp(baselineUrl, { connections, seconds: SECONDS, warmupSeconds: WARMUP_SECONDS, probe: apiCpu });
    results.baseline.runs.push({ connections, api: figures, loadAverage1m: loadAverage1m() });
    console.log(`  ${line(`API   ${connections} conn.`, figures)}`);
  }

  results.scenarios = [];
  for (const scenario of SCENARIOS) {
    const url = urlOf(portal.base, scenario);
    console.log(`\n## ${scenario.name}: GET ${url.slice(portal.base.length)}`);
    const { result, statements } = await api.record((service) => scenario.call(service, scope, scenario.query));
    const body = await fetch(url, { headers: await bearer() }).then((response) => response.json());
    const matchesApi = JSON.stringify(scenario.answer(body)) === JSON.stringify(scenario.answer(result));
    if (!matchesApi) console.warn(`  the API answered differently from its repositories run directly: the floor may not be this request's SQL`);
    const plans = await explainEach(statements);
    const runs = [];
    for (const connections of CONNECTIONS) {
      const apiFigures = await measureHttp(url, { headers: await bearer(), connections, seconds: SECONDS, warmupSeconds: WARMUP_SECONDS, probe: apiCpu });
      const floor = await withPool(connections, (pool) => measureLoop(() => replay(pool, statements, scenario.together), { connections, seconds: SECONDS, warmupSeconds: WARMUP_SECONDS, probe: floorCpu }));
      // At the targets' concurrency, the floor again with the guard's two lookups first, as the API sends them.
      const floorWithGuard = connections !== TARGETS.connections ? null : await withPool(connections, (pool) =>
        measureLoop(async () => {
          await replay(pool, guard, false);
          await replay(pool, statements, scenario.together);
        }, { connections, seconds: SECONDS, warmupSeconds: WARMUP_SECONDS, probe: floorCpu }));
      const ratio = ratioOf(apiFigures, floor);
      runs.push({ connections, api: apiFigures, floor, floorWithGuard, ratioP95: ratio, loadAverage1m: loadAverage1m() });
      console.log(`  ${line(`API   ${connections} conn.`, apiFigures)}`);
      console.log(`  ${line(`floor ${connections} conn.`, floor)}  API/floor p95 ${ratio}x`);
      if (floorWithGuard) console.log(`  ${line(`floor + guard lookups ${connections} conn.`, floorWithGuard)}`);
    }
    const atTarget = runs.find((run) => run.connections === TARGETS.connections).api;
    report(`${scenario.name}: p95 at ${TARGETS.connections} conn.`, atTarget.p95, 'ms', TARGETS.pageP95Ms);
    if (scenario.perSecondTarget) report(`${scenario.name}: req/s at ${TARGETS.connections} conn.`, atTarget.perSecond, '/s', TARGETS.orgTablePerSecond, false);
    results.scenarios.push({ key: scenario.key, name: scenario.name, request: `GET ${url.slice(portal.base.length)}`, answerMatchesFloor: matchesApi, plans, runs });
  }

  const exportUrl = urlOf(portal.base, EXPORT);
  console.log(`\n## ${EXPORT.name}: GET ${exportUrl.slice(portal.base.length)}`);
  const { result: exportRows, statements: exportStatements } = await api.record(async (service) => {
    const orgs = service.exportOrgs(scope, EXPORT.query);
    let rows = 0;
    while (!(await orgs.next()).done) rows += 1;
    return rows;
  });
  let downloaded = { rows: 0, bytes: 0 };
  const download = async () => {
    const response = await fetch(exportUrl, { headers: await bearer() });
    if (response.status !== 200) throw new Error(`export answered ${response.status}`);
    const text = await response.text();
    downloaded = { rows: text.trimEnd().split('\n').length - 1, bytes: Buffer.byteLength(text) };
  };
  // The first page and a page after a cursor: the export's two statements, whatever its length.
  const exportPlans = await explainEach(exportStatements.slice(0, 2));
  const exportRuns = [];
  for (const connections of EXPORT_CONNECTIONS) {
    const apiFigures = await measureRuns(download, { runs: EXPORT_RUNS, connections, probe: apiCpu });
    const floor = await withPool(connections, (pool) => measureRuns(() => replay(pool, exportStatements, false), { runs: EXPORT_RUNS, connections, probe: floorCpu }));
    const ratio = ratioOf(apiFigures, floor);
    exportRuns.push({ connections, api: apiFigures, floor, floorWithGuard: null, ratioP95: ratio, loadAverage1m: loadAverage1m() });
    console.log(`  ${line(`API   ${connections} at a time, ${EXPORT_RUNS} downloads`, apiFigures)}`);
    console.log(`  ${line(`floor ${connections} at a time, ${exportStatements.length} pages`, floor)}  API/floor p95 ${ratio}x`);
  }
  console.log(`  ${downloaded.rows.toLocaleString('en')} rows, ${Math.round(downloaded.bytes / 1024)} KiB per download; the repositories read ${exportRows.toLocaleString('en')} rows in ${exportStatements.length} pages`);
  report(`${EXPORT.name}: p95 (1 at a time)`, exportRuns[0].api.p95, 'ms', TARGETS.exportMs);
  results.export = { key: EXPORT.key, name: EXPORT.name, request: `GET ${exportUrl.slice(portal.base.length)}`, rows: downloaded.rows, bytes: downloaded.bytes, repositoryRows: exportRows,
    pages: exportStatements.length, plans: exportPlans, runs: exportRuns };
  results.finishedAt = new Date().toISOString();
  results.machine.loadAverageAfter = machineInfo().loadAverage;
  // Only the full data set's figures are the results; a scaled-down try-out writes beside the temporary files.
  const written = writeDashboardResults(results, SCALE === 1 ? undefined : tmpdir());
  console.log(`\n${written.markdown}\nwritten: ${written.files.join(', ')}`);
} finally {
  await finish();
}
