// The launch benchmark's results, as bench/results/launch.json (every figure) and
// bench/results/launch.md (the tables people read), both meant to be committed.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { root } from '../../scripts/lib/workspace.mjs';
import { percentile } from './report.mjs';

const round2 = (value) => (value === null || value === undefined ? null : Math.round(value * 100) / 100);
const median = (values) => {
  if (values.some((value) => value === null || value === undefined)) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
};
const difference = (a, b) => (a === null || a === undefined || b === null || b === undefined ? null : round2(a - b));

/**
 * Several runs' figures as one: the median of their percentiles, rates and CPU times (an estimate, not
 * a percentile of the pooled latencies; a burst of the machine's other work in one run weighs less).
 */
export function latencyFigures(runs) {
  const combined = { runs: runs.length, requests: runs.reduce((sum, run) => sum + run.requests, 0) };
  for (const key of ['p50', 'p95', 'p99']) combined[key] = round2(median(runs.map((run) => run[key])));
  combined.perSecond = Math.round(median(runs.map((run) => run.perSecond)));
  combined.p95Range = [Math.min(...runs.map((run) => run.p95)), Math.max(...runs.map((run) => run.p95))];
  if (runs.every((run) => run.perRequest)) {
    combined.perRequest = Object.fromEntries(Object.keys(runs[0].perRequest).map((name) => [name, round2(median(runs.map((run) => run.perRequest[name])))]));
  }
  return combined;
}

/** p50/p95/p99 of raw durations in ms. */
function spread(durations) {
  const sorted = Float64Array.from(durations).sort();
  const at = (p) => (sorted.length ? round2(percentile(sorted, p)) : null);
  return { count: sorted.length, p50: at(50), p95: at(95), p99: at(99) };
}

const pooled = (runs, bucket) => spread(runs.flatMap((run) => run.timings?.[bucket] ?? []));
const cpuTotal = (figures) => (figures?.perRequest?.node === undefined ? null : round2(figures.perRequest.node + (figures.perRequest.postgres ?? 0)));

/** The figures each table shows, per concurrency: computed once, kept in the JSON too. */
function derive(run) {
  const withCheck = run.inSession.api;
  const withoutCheck = run.inSessionWithoutCheck.api;
  const inside = {
    resolve: pooled(run.inSession.runs, 'resolve'),
    checkQuery: pooled(run.inSession.runs, 'check'),
    guardWithCheck: pooled(run.inSession.runs, 'guardLaunch'),
    guardWithoutCheck: pooled(run.inSessionWithoutCheck.runs, 'guardLaunch'),
    guardOwnAdmin: pooled(run.ownAdmin.runs, 'guardOwnAdmin'),
  };
  const added = {
    http: { p50: difference(withCheck.p50, withoutCheck.p50), p95: difference(withCheck.p95, withoutCheck.p95), p99: difference(withCheck.p99, withoutCheck.p99) },
    guard: { p50: difference(inside.guardWithCheck.p50, inside.guardWithoutCheck.p50), p95: difference(inside.guardWithCheck.p95, inside.guardWithoutCheck.p95), p99: difference(inside.guardWithCheck.p99, inside.guardWithoutCheck.p99) },
    floor: { p50: difference(run.floors.checkThenRoute.p50, run.floors.route.p50), p95: difference(run.floors.checkThenRoute.p95, run.floors.route.p95), p99: difference(run.floors.checkThenRoute.p99, run.floors.route.p99) },
    cpuPerRequest: difference(cpuTotal(withCheck), cpuTotal(withoutCheck)),
  };
  return { inside, added };
}

const fixed = (value, digits = 1) => (value === null || value === undefined ? '-' : value.toFixed(digits));
const whole = (value) => (value === null || value === undefined ? '-' : value.toLocaleString('en'));
const verdict = (value, met) => (value === null || value === undefined ? 'no figure' : met ? 'met' : 'missed');
const row = (cells) => `| ${cells.join(' | ')} |`;

/** Why the launch's p95 at the targets' concurrency is what it is: closed-loop clients make latency follow throughput. */
function launchNote(results) {
  const { targets } = results.settings;
  const run = results.runs.find((candidate) => candidate.connections === targets.connections);
  if (!run) return [];
  const needed = Math.round(targets.connections / (targets.launchP95Ms / 1000));
  const cpu = cpuTotal(run.launch.api);
  const ceiling = cpu > 0 ? Math.round((results.machine.cores * 1000) / cpu) : null;
  return [
    `At ${targets.connections} connections each client sends its next launch when the last one answers, so latency is about connections ÷ throughput: a p95 of ${targets.launchP95Ms} ms ` +
      `needs well over ${targets.connections} ÷ ${targets.launchP95Ms / 1000} s = ${whole(needed)} launches/s. Measured: ${whole(run.launch.api.perSecond)}/s (p50 ${fixed(run.launch.api.p50)} ms)` +
      (cpu ? `; a launch costs ${fixed(cpu, 2)} ms of CPU (API ${fixed(run.launch.api.perRequest.node, 2)}, PostgreSQL ${fixed(run.launch.api.perRequest.postgres, 2)}), a ceiling of ${whole(ceiling)}/s on ` +
        `${results.machine.cores} cores with nothing else running` : '') +
      `. Its ${results.statements.launch.length} statements alone, replayed with pg, reach ${whole(run.launch.floor.perSecond)}/s (p95 ${fixed(run.launch.floor.p95)} ms): ` +
      'the transaction commits, and waits for its WAL flush, on every launch.',
    '',
  ];
}

export function launchMarkdown(results) {
  const { machine, settings, dataSet } = results;
  const { targets } = settings;
  const atTarget = (run) => run.connections === targets.connections;
  const main = [
    '| scenario | conn. | p50 ms | p95 ms | p99 ms | req/s | floor p95 ms | target |',
    '|---|---:|---:|---:|---:|---:|---:|---|',
  ];
  const scenarios = [
    ['launch: POST /api/v1/partner/orgs/{orgId}/sessions (a new session each)', (run) => run.launch.api, (run) => run.launch.floor,
      (run) => `p95 ≤ ${targets.launchP95Ms} ms: ${verdict(run.launch.api.p95, run.launch.api.p95 <= targets.launchP95Ms)}`],
    ['console read in a session, with the check (org-console token; median of the runs)', (run) => run.inSession.api, (run) => run.floors.checkThenRoute, () => ''],
    ['console read in a session, without the check (answered from memory; median of the runs)', (run) => run.inSessionWithoutCheck.api, (run) => run.floors.route, () => ''],
    ['console read by the org\'s own admin (portal token, no launch session)', (run) => run.ownAdmin.api, (run) => run.floors.ownAdminLookupsThenRoute, () => ''],
  ];
  for (const [name, api, floor, target] of scenarios) {
    for (const run of results.runs) {
      const figures = api(run);
      main.push(row([name, run.connections, fixed(figures.p50), fixed(figures.p95), fixed(figures.p99), whole(figures.perSecond), fixed(floor(run).p95), atTarget(run) ? target(run) : '']));
    }
  }

  const check = [
    '| measure of the check | conn. | p50 ms | p95 ms | p99 ms | what is compared | target (≤ 1 ms at p95) |',
    '|---|---:|---:|---:|---:|---|---|',
  ];
  const checkTarget = (run, value) => (atTarget(run) ? verdict(value, value <= targets.checkAddedP95Ms) : '');
  for (const run of results.runs) {
    const { added } = run.derived;
    const range = (figures) => `${fixed(figures.p95Range[0])}–${fixed(figures.p95Range[1])}`;
    check.push(row(['**added to the console read, over HTTP**', run.connections, fixed(added.http.p50, 2), `**${fixed(added.http.p95, 2)}**`, fixed(added.http.p99, 2),
      `read in a session with the check − the same read with the check answered from memory (${run.inSession.runs.length} runs each; p95 of the runs: with ${range(run.inSession.api)}, ` +
      `without ${range(run.inSessionWithoutCheck.api)} ms)`, checkTarget(run, added.http.p95)]));
  }
  // Inside the API a query's duration includes the wait for the event loop to take its answer: at
  // 10 connections that wait is there with or without the check (the route's query has it too).
  const waits = ' (its duration, waits included: see the note)';
  for (const run of results.runs) {
    const { added } = run.derived;
    check.push(row(['added to the org guard, inside the API', run.connections, fixed(added.guard.p50, 2), fixed(added.guard.p95, 2), fixed(added.guard.p99, 2),
      'AccessGuard.resolveOrg with the check − without', atTarget(run) ? `${checkTarget(run, added.guard.p95)}${waits}` : '']));
  }
  for (const run of results.runs) {
    const { inside } = run.derived;
    check.push(row(['the check inside the API (LaunchSessionsService.resolve)', run.connections, fixed(inside.resolve.p50, 2), fixed(inside.resolve.p95, 2), fixed(inside.resolve.p99, 2),
      `its own duration, ${whole(inside.resolve.count)} calls in the runs with the check`, atTarget(run) ? `${checkTarget(run, inside.resolve.p95)}${waits}` : '']));
  }
  for (const run of results.runs) {
    check.push(row(['the check\'s SQL alone, replayed with pg', run.connections, fixed(run.floors.check.p50, 2), fixed(run.floors.check.p95, 2), fixed(run.floors.check.p99, 2),
      `${whole(run.floors.check.perSecond)} checks/s`, checkTarget(run, run.floors.check.p95)]));
  }
  for (const run of results.runs.filter((candidate) => candidate.floors.checkPrepared)) {
    const prepared = run.floors.checkPrepared;
    check.push(row(['the same SQL as a named prepared statement, with pg', run.connections, fixed(prepared.p50, 2), fixed(prepared.p95, 2), fixed(prepared.p99, 2),
      `${whole(prepared.perSecond)} checks/s; PostgreSQL CPU ${fixed(prepared.perRequest?.postgres, 3)} ms per check, against ${fixed(run.floors.check.perRequest?.postgres, 3)} ms as the API sends it (parsed and planned each time)`,
      checkTarget(run, prepared.p95)]));
  }
  for (const run of results.runs) {
    const { added } = run.derived;
    check.push(row(['added to the route\'s SQL, replayed with pg', run.connections, fixed(added.floor.p50, 2), fixed(added.floor.p95, 2), fixed(added.floor.p99, 2),
      'check then route − route alone', checkTarget(run, added.floor.p95)]));
  }

  const targetRun = results.runs.find((run) => run.connections === targets.connections);
  const cpuAdded = targetRun?.derived.added.cpuPerRequest;
  const cpuAsLatency = cpuAdded === null || cpuAdded === undefined ? '-'
    : `${targetRun.connections} × ${fixed(cpuAdded, 2)} ms ÷ ${machine.cores} cores ≈ ${fixed((targetRun.connections * cpuAdded) / machine.cores, 1)} ms added to every request`;
  const cpuRows = results.runs.every((run) => run.launch.api.perRequest) ? [
    '',
    'CPU time per request (ms, from /proc: the API process and its PostgreSQL backends; the load generator is not counted). Less sensitive to the machine\'s other work than latency.',
    '',
    `| request | conn. | API process | PostgreSQL | together | ceiling req/s on ${machine.cores} cores |`,
    '|---|---:|---:|---:|---:|---:|',
    ...results.runs.flatMap((run) => [['launch', run.launch.api], ['read in a session, with the check', run.inSession.api], ['read in a session, without the check', run.inSessionWithoutCheck.api],
      ['read by the own admin', run.ownAdmin.api]].map(([name, figures]) =>
      row([name, run.connections, fixed(figures.perRequest.node, 2), fixed(figures.perRequest.postgres, 2), fixed(cpuTotal(figures), 2),
        cpuTotal(figures) > 0 ? whole(Math.round((machine.cores * 1000) / cpuTotal(figures))) : '-']))),
    '',
    `The check's CPU per request (with − without): ${results.runs.map((run) => `${fixed(run.derived.added.cpuPerRequest, 2)} ms at ${run.connections} conn.`).join(', ')}. ` +
      `With ${targets.connections} clients each waiting for its answer and ${machine.cores} busy cores, CPU per request turns into latency: ${cpuAsLatency}, to set beside the HTTP difference above.`,
  ] : [];

  const insideRows = [
    '',
    'Inside the API, timed by the bench\'s probe during the HTTP runs (ms). Note: a step that awaits PostgreSQL lasts until the Node process is free to take the answer; at 10 connections ' +
      'it is mostly busy with other requests, so the check\'s own duration there is its round trip plus that wait, which the route\'s query would otherwise wait in its turn; ' +
      'answered from memory, the check does not wait at all.',
    '',
    '| step | conn. | calls | p50 | p95 | p99 |',
    '|---|---:|---:|---:|---:|---:|',
    ...results.runs.flatMap((run) => [
      ['org guard, launched session, with the check', run.derived.inside.guardWithCheck],
      ['org guard, launched session, check from memory', run.derived.inside.guardWithoutCheck],
      ['org guard, own admin (sign-in + membership lookups)', run.derived.inside.guardOwnAdmin],
      ['LaunchSessionsService.resolve (with the check)', run.derived.inside.resolve],
      ['LaunchSessionsRepository.check (its SQL through TypeORM)', run.derived.inside.checkQuery],
    ].map(([name, figures]) => row([name, run.connections, whole(figures.count), fixed(figures.p50, 2), fixed(figures.p95, 2), fixed(figures.p99, 2)]))),
  ];

  const spreadNote = results.runs.map((run) =>
    `${run.connections} conn.: with ${run.inSession.runs.map((r) => fixed(r.figures.p95, 2)).join(' / ')}, without ${run.inSessionWithoutCheck.runs.map((r) => fixed(r.figures.p95, 2)).join(' / ')} ms`).join('; ');
  const loads = results.runs.map((run) => `${run.connections} conn. ${run.launch.loadAverage1m}–${run.loadAverage1m}`).join(', ');
  const tables = dataSet.tables.map((table) => `${table.table} ${whole(table.rows)}`).join(', ');
  const launches = results.runs.reduce((sum, run) => sum + run.launch.api.requests, 0);
  const after = dataSet.launchSessionsAfter === undefined ? '' : `; ${whole(dataSet.launchSessionsAfter)} launch sessions at the end`;
  const plan = results.checkPlan;
  return [
    '# Launch sessions benchmark',
    '',
    `${results.startedAt.slice(0, 16).replace('T', ' ')} UTC. ${machine.cores} cores (${machine.cpu}), ${machine.memoryGiB} GiB, Node ${machine.node}, PostgreSQL ${machine.postgres?.version} (${machine.postgres?.kind}, shared_buffers ${machine.postgres?.sharedBuffers}). ` +
      `Load average before/after: ${machine.loadAverage.join(' ')} / ${machine.loadAverageAfter?.join(' ')} (1-minute load during the runs: ${loads}). The load generator, the API and PostgreSQL share the machine.`,
    '',
    `Data set: the demo seed, ${whole(settings.history.partnerOrgs.reduce((a, b) => a + b, 0))} generated orgs in ${settings.history.partnerOrgs.length} partners' portfolios (Northwind and neighbours), and a history of ${whole(dataSet.history.launches)} past launch sessions ` +
      `of ${whole(dataSet.history.admins)} partner admins (${whole(dataSet.history.signIns)} signed-out sign-ins). Rows before the runs: ${tables}. ` +
      `The launch runs add a session (and an audit event) per launch: ${whole(launches)} measured, besides the warm-ups${after}.`,
    '',
    `Each request: ${settings.warmupSeconds} s warm-up, then ${settings.seconds} s at each concurrency (autocannon, keep-alive). Launch and read are in Acme Manufacturing (48 users), launched by its partner's owner; ` +
      `the own-admin read is by one of Acme's admins. Floor: the SQL the built API sent for that request (recorded from its pg client), replayed with pg at the same concurrency on a pool of ${settings.floorPoolSize}; ` +
      'the launch\'s statements (its transaction included) on one connection each time. Targets are at ' + `${targets.connections} connections.`,
    '',
    ...main,
    '',
    ...launchNote(results),
    '## What the revocation check adds',
    '',
    '"With" is the console read in a launched session as shipped: every request reads its launch_sessions row (`LaunchSessionsRepository.check`). "Without" is the same read, same token, same API process, ' +
      'with that one read answered from memory (the row as the first read found it) by the bench\'s probe (bench/lib/launch-probe.mjs, loaded with `node --import`; the API\'s code is unchanged): ' +
      'JWT verification, the ended/expired test, the role\'s permission and the route are the same. The runs alternate (with, without, own admin, without, with, then without, with, with, without); ' +
      `the figures are the median of the runs of each. p95 of each run: ${spreadNote}. The HTTP difference is the one the target is about; on a shared machine it moves with everyone's load, ` +
      'so the rows below measure the same check in ways less exposed to it: inside the API (where, at 10 connections, an awaited query also waits for the busy event loop), on PostgreSQL alone, and in CPU time.',
    '',
    ...check,
    ...cpuRows,
    ...insideRows,
    '',
    `## The check's plan`,
    '',
    `Indexes: ${plan.indexes.join(', ') || 'none'}${plan.seqScans.length ? `; sequential scans: ${plan.seqScans.join(', ')}` : ''}. Execution ${fixed(plan.executionMs, 3)} ms, planning ${fixed(plan.planningMs, 3)} ms, ` +
      `${plan.sharedHit} buffers hit, ${plan.sharedRead} read.` +
      (plan.withoutSeqScans ? ` The tables read whole are a page or so here; with sequential scans turned off (as a larger table would plan) the check uses ${plan.withoutSeqScans.indexes.join(', ')}.` : ''),
    '',
    '```',
    plan.sql,
    '',
    plan.text,
    '```',
    '',
  ].join('\n');
}

/** Writes both files (into bench/results unless told otherwise); answers the Markdown, the paths written and the figures at the targets' concurrency. */
export function writeLaunchResults(results, dir = join(root, 'bench/results')) {
  for (const run of results.runs) {
    run.derived = derive(run);
    // The raw durations made the figures above; the JSON keeps their spread.
    for (const entry of [...run.inSession.runs, ...run.inSessionWithoutCheck.runs, ...run.ownAdmin.runs]) {
      entry.timings = Object.fromEntries(Object.entries(entry.timings ?? {}).map(([bucket, durations]) => [bucket, Array.isArray(durations) ? spread(durations) : durations]));
    }
  }
  const run = results.runs.find((candidate) => candidate.connections === results.settings.targets.connections) ?? results.runs.at(-1);
  const summary = {
    connections: run.connections,
    launchP95: run.launch.api.p95,
    checkAddedHttpP95: run.derived.added.http.p95,
    checkAddedGuardP95: run.derived.added.guard.p95,
    resolveP95: run.derived.inside.resolve.p95,
    checkFloorP95: run.floors.check.p95,
    checkAddedFloorP95: run.derived.added.floor.p95,
    checkCpuPerRequest: run.derived.added.cpuPerRequest,
  };
  results.summary = summary;
  mkdirSync(dir, { recursive: true });
  const markdown = launchMarkdown(results);
  const files = [join(dir, 'launch.json'), join(dir, 'launch.md')];
  writeFileSync(files[0], `${JSON.stringify(results, null, 2)}\n`);
  writeFileSync(files[1], markdown);
  return { markdown, files, summary };
}
