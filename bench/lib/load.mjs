// Load at a fixed number of concurrent clients, over HTTP (autocannon) or against any async function
// (the database floor), with the same figures for both: p50/p95/p99 from every response's own
// latency (autocannon's histogram keeps whole milliseconds and has no p95) and requests per second.
import autocannon from 'autocannon';
import { percentile } from './report.mjs';

/** p50/p95/p99 in ms (0.01 ms resolution) and requests per second from latencies in ms. */
export function summarize(latencies, seconds) {
  const sorted = Float64Array.from(latencies).sort();
  const at = (p) => (sorted.length ? Math.round(percentile(sorted, p) * 100) / 100 : null);
  return { requests: sorted.length, seconds: Math.round(seconds * 100) / 100, p50: at(50), p95: at(95), p99: at(99), max: at(100), perSecond: Math.round(sorted.length / seconds) };
}

function cannon(options, onLatency) {
  return new Promise((resolve, reject) => {
    const instance = autocannon(options, (error, result) => (error ? reject(error) : resolve(result)));
    instance.on('response', (_client, statusCode, _bytes, responseTime) => {
      if (statusCode >= 200 && statusCode < 300) onLatency(responseTime);
    });
  });
}

/**
 * `probe`, when given, starts a count once the warm-up is over (e.g. of CPU time) and answers the
 * function that stops it and answers `{ name: total }`; the figures then carry `{ name: total per request }`.
 */
async function withProbe(probe, measure) {
  const stop = probe ? await probe() : null;
  const figures = await measure();
  if (stop) {
    const totals = await stop();
    figures.perRequest = Object.fromEntries(Object.entries(totals).map(([name, total]) => [name, figures.requests ? Math.round((total / figures.requests) * 1000) / 1000 : null]));
  }
  return figures;
}

/**
 * GETs `url` from `connections` keep-alive clients for `seconds`, after a warm-up of its own. Any
 * answer other than 2xx, or any socket error, makes the figures meaningless: it throws.
 */
export async function measureHttp(url, { headers, connections, seconds, warmupSeconds = 1, probe }) {
  const options = { url, headers, connections, pipelining: 1, timeout: 30 };
  if (warmupSeconds > 0) await cannon({ ...options, duration: warmupSeconds }, () => undefined);
  return withProbe(probe, async () => {
    const latencies = [];
    const started = performance.now();
    const result = await cannon({ ...options, duration: seconds }, (ms) => latencies.push(ms));
    const elapsed = (performance.now() - started) / 1000;
    if (result.non2xx > 0 || result.errors > 0 || result.timeouts > 0) {
      throw new Error(`${url}: ${result.non2xx} non-2xx answers, ${result.errors} errors, ${result.timeouts} timeouts at ${connections} connections`);
    }
    return summarize(latencies, elapsed);
  });
}

/** Runs `work` back to back from `connections` concurrent loops for `seconds` (after a warm-up). */
export async function measureLoop(work, { connections, seconds, warmupSeconds = 1, probe }) {
  const loop = async (until, latencies) => {
    while (performance.now() < until) {
      const t0 = performance.now();
      await work();
      latencies?.push(performance.now() - t0);
    }
  };
  const concurrently = (until, latencies) => Promise.all(Array.from({ length: connections }, () => loop(until, latencies)));
  if (warmupSeconds > 0) await concurrently(performance.now() + warmupSeconds * 1000);
  return withProbe(probe, async () => {
    const latencies = [];
    const started = performance.now();
    await concurrently(started + seconds * 1000, latencies);
    return summarize(latencies, (performance.now() - started) / 1000);
  });
}

/** Runs `work` `runs` times in all, `connections` at a time, and summarizes each run's duration. */
export async function measureRuns(work, { runs, connections = 1, warmupRuns = 2, probe }) {
  for (let i = 0; i < warmupRuns; i += 1) await work();
  return withProbe(probe, async () => {
    const latencies = [];
    let next = 0;
    const started = performance.now();
    await Promise.all(
      Array.from({ length: connections }, async () => {
        while (next < runs) {
          next += 1;
          const t0 = performance.now();
          await work();
          latencies.push(performance.now() - t0);
        }
      }),
    );
    return summarize(latencies, (performance.now() - started) / 1000);
  });
}
