// measureHttp (load.mjs) for any method and body: a POST that creates something each time, for
// instance. Same client (autocannon, keep-alive), same figures, same rule: any answer but 2xx, or a
// socket error, makes the figures meaningless and throws.
import autocannon from 'autocannon';
import { summarize } from './load.mjs';

function cannon(options, onResponse) {
  return new Promise((resolve, reject) => {
    const instance = autocannon(options, (error, result) => (error ? reject(error) : resolve(result)));
    instance.on('response', (_client, statusCode, _bytes, responseTime) => onResponse(statusCode, responseTime));
  });
}

/**
 * `method` and `body` (an object, sent as JSON) on `url` from `connections` clients for `seconds`,
 * after a warm-up. `probe` as in load.mjs: started after the warm-up, its totals come back per request.
 * The figures carry `statuses` (count per status code) of the measured part.
 */
export async function measureRequest(url, { method, body, headers = {}, connections, seconds, warmupSeconds = 1, probe }) {
  const options = {
    url, method, connections, pipelining: 1, timeout: 30,
    headers: { ...headers, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  };
  if (warmupSeconds > 0) await cannon({ ...options, duration: warmupSeconds }, () => undefined);
  const stop = probe ? await probe() : null;
  const latencies = [];
  const statuses = {};
  const started = performance.now();
  const result = await cannon({ ...options, duration: seconds }, (status, ms) => {
    statuses[status] = (statuses[status] ?? 0) + 1;
    if (status >= 200 && status < 300) latencies.push(ms);
  });
  const elapsed = (performance.now() - started) / 1000;
  const totals = stop ? await stop() : null;
  if (result.non2xx > 0 || result.errors > 0 || result.timeouts > 0) {
    throw new Error(`${method} ${url}: ${result.non2xx} non-2xx answers (${JSON.stringify(statuses)}), ${result.errors} errors, ${result.timeouts} timeouts at ${connections} connections`);
  }
  const figures = { ...summarize(latencies, elapsed), statuses };
  if (totals) figures.perRequest = Object.fromEntries(Object.entries(totals).map(([name, total]) => [name, figures.requests ? Math.round((total / figures.requests) * 1000) / 1000 : null]));
  return figures;
}
