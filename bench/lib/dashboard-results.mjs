// The dashboard benchmark's results, as bench/results/dashboard.json (every figure) and
// bench/results/dashboard.md (the table people read), both meant to be committed.
import { mkdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { join } from 'node:path';
import { root } from '../../scripts/lib/workspace.mjs';

export function machineInfo() {
  const cpus = os.cpus();
  return {
    cores: cpus.length, cpu: cpus[0]?.model.trim(), memoryGiB: Math.round(os.totalmem() / 2 ** 30), platform: `${os.type()} ${os.release()} ${os.arch()}`,
    node: process.version, loadAverage: os.loadavg().map((load) => Math.round(load * 100) / 100),
  };
}

/** A short name for one of a request's statements, from its SQL. */
export function statementLabel(sql) {
  if (sql.includes('band_none')) return 'org sums';
  if (sql.includes('LIMIT 20')) return 'largest orgs';
  if (sql.includes('password_expires_at <')) return 'user time windows';
  if (sql.includes('count(*)::int AS total')) return 'count';
  return /\) [<>] \(\$\d+::/.test(sql) ? 'page after cursor' : 'page';
}

const fixed = (value) => (value === null || value === undefined ? '-' : value.toFixed(1));
const whole = (value) => value.toLocaleString('en');
const verdict = (value, met) => (value === null ? 'no figure' : met ? 'met' : 'missed');

function rows(results) {
  const { targets } = results.settings;
  const lines = [];
  for (const run of results.baseline.runs) {
    lines.push([`baseline: ${results.baseline.request} (public, no SQL)`, run.connections, fixed(run.api.p50), fixed(run.api.p95), fixed(run.api.p99), whole(run.api.perSecond), '-', '-', '']);
  }
  for (const scenario of results.scenarios) {
    for (const run of scenario.runs) {
      const target = [];
      if (run.connections === targets.connections) {
        target.push(`p95 ≤ ${targets.pageP95Ms} ms: ${verdict(run.api.p95, run.api.p95 <= targets.pageP95Ms)}`);
        if (scenario.key === 'orgs-by-users') target.push(`≥ ${whole(targets.orgTablePerSecond)} req/s: ${verdict(run.api.perSecond, run.api.perSecond >= targets.orgTablePerSecond)}`);
      }
      lines.push([scenario.name, run.connections, fixed(run.api.p50), fixed(run.api.p95), fixed(run.api.p99), whole(run.api.perSecond), fixed(run.floor.p95), (run.ratioP95 === null ? '-' : `${run.ratioP95}x`), target.join('; ')]);
    }
  }
  const exported = results.export;
  for (const run of exported.runs) {
    lines.push([`CSV export (${whole(exported.rows)} rows), ${results.settings.exportRuns} downloads`, run.connections, fixed(run.api.p50), fixed(run.api.p95), fixed(run.api.p99),
      `${run.api.perSecond} dl/s`, fixed(run.floor.p95), (run.ratioP95 === null ? '-' : `${run.ratioP95}x`), `< ${whole(results.settings.targets.exportMs)} ms: ${verdict(run.api.p95, run.api.p95 < results.settings.targets.exportMs)}`]);
  }
  return lines;
}

/** CPU time per request at the targets' concurrency, and the rate the machine's cores would allow at that cost. */
function cpuTable(results) {
  const { connections } = results.settings.targets;
  const atTarget = (runs) => runs.find((run) => run.connections === connections) ?? runs[0];
  const entries = [['baseline: GET /api/health/live', atTarget(results.baseline.runs)], ...results.scenarios.map((scenario) => [scenario.name, atTarget(scenario.runs)]),
    [results.export.name, results.export.runs[0]]];
  if (!entries.every(([, run]) => run.api.perRequest)) return [];
  const cell = (value) => (value === null || value === undefined ? '-' : value.toFixed(2));
  return [
    `CPU time per request (ms, from /proc) at ${connections} connections (the export: per download, one at a time). ` +
      `The ceiling is what ${results.machine.cores} cores allow at that cost if nothing else ran; the load generator's own CPU is not counted.`,
    '',
    '| scenario | API process | API\'s PostgreSQL backends | together | ceiling req/s | floor\'s PostgreSQL backends |',
    '|---|---:|---:|---:|---:|---:|',
    ...entries.map(([name, run]) => {
      const { node, postgres } = run.api.perRequest;
      const together = node + (postgres ?? 0);
      return `| ${name} | ${cell(node)} | ${cell(postgres)} | ${cell(together)} | ${together > 0 ? whole(Math.round((results.machine.cores * 1000) / together)) : '-'} | ${cell(run.floor?.perRequest?.postgres)} |`;
    }),
    '',
  ];
}

export function dashboardMarkdown(results) {
  const { machine, dataSet, generation, settings } = results;
  const table = [
    '| scenario | conn. | p50 ms | p95 ms | p99 ms | req/s | floor p95 ms | API/floor p95 | target |',
    '|---|---:|---:|---:|---:|---:|---:|---:|---|',
    ...rows(results).map((cells) => `| ${cells.join(' | ')} |`),
  ];
  const big = dataSet.partners[0];
  const orgStats = dataSet.tables.find((table) => table.table === 'org_stats');
  const neighbours = dataSet.partners.filter((partner) => partner.name?.startsWith('Neighbour MSP'));
  const indexes = [...results.scenarios, results.export].map((scenario) =>
    `- ${scenario.name}: ${scenario.plans.map((plan) => `${statementLabel(plan.sql)} → ${plan.indexes.join(', ') || 'no index'}${plan.seqScans.length ? ` (seq scan: ${plan.seqScans.join(', ')})` : ''} (${fixed(plan.executionMs)} ms)`).join('; ')}`);
  return [
    `# Partner dashboard benchmark`,
    '',
    `${results.startedAt.slice(0, 16).replace('T', ' ')} UTC. ${machine.cores} cores (${machine.cpu}), ${machine.memoryGiB} GiB, Node ${machine.node}, PostgreSQL ${machine.postgres?.version} (${machine.postgres?.kind}, shared_buffers ${machine.postgres?.sharedBuffers}). ` +
      `Load average before/after: ${machine.loadAverage.join(' ')} / ${machine.loadAverageAfter?.join(' ')}. The load generator, the API and PostgreSQL share the machine.`,
    '',
    `Data set: ${big.name} manages ${whole(big.orgs)} orgs, ${whole(big.users)} users, ${whole(big.systems)} systems; ${neighbours.length} neighbour partners manage ` +
      `${whole(neighbours.reduce((sum, partner) => sum + partner.orgs, 0))} orgs and ${whole(neighbours.reduce((sum, partner) => sum + partner.users, 0))} users; ` +
      `${whole(dataSet.totals.users)} users and ${whole(dataSet.totals.systems)} systems in all, database ${whole(Math.round(dataSet.totals.database_bytes / 1_048_576))} MiB. ` +
      `org_stats: ${whole(orgStats.rows)} rows in ${whole(orgStats.pages)} pages after the load and VACUUM ANALYZE. ` +
      `Generated in ${generation.seconds} s (users and systems ${fixed(generation.usersAndSystemsSeconds)} s, VACUUM ANALYZE ${fixed(generation.vacuumAnalyzeSeconds)} s).`,
    '',
    `Each page: ${settings.warmupSeconds} s warm-up, then ${settings.seconds} s at each concurrency (autocannon, keep-alive). Floor: the SQL the API's repositories send for that request, ` +
      `run with pg at the same concurrency on a pool of ${settings.floorPoolSize}. Targets are at ${settings.targets.connections} connections.`,
    '',
    ...table,
    '',
    `The guard's two lookups per request (session, partner membership), added to the floor at ${settings.targets.connections} connections: ` +
      results.scenarios.map((scenario) => {
        const run = scenario.runs.find((candidate) => candidate.floorWithGuard);
        return `${scenario.name} p95 ${fixed(run.floor.p95)} → ${fixed(run.floorWithGuard.p95)} ms, ${whole(run.floor.perSecond)} → ${whole(run.floorWithGuard.perSecond)} req/s`;
      }).join('; ') + '.',
    '',
    ...cpuTable(results),
    'Indexes the floor queries used (EXPLAIN ANALYZE, BUFFERS; execution time of that one run):',
    '',
    ...indexes,
    '',
  ].join('\n');
}

/** Writes both files (into bench/results unless told otherwise); answers the Markdown and the paths written. */
export function writeDashboardResults(results, dir = join(root, 'bench/results')) {
  mkdirSync(dir, { recursive: true });
  const markdown = dashboardMarkdown(results);
  const files = [join(dir, 'dashboard.json'), join(dir, 'dashboard.md')];
  writeFileSync(files[0], `${JSON.stringify(results, null, 2)}\n`);
  writeFileSync(files[1], markdown);
  return { markdown, files };
}
