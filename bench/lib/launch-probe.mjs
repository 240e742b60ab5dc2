// Loaded into the built API by the launch benchmark (`node --import <this file> api/dist/main.js`),
// never by the API itself: it measures the org console's guard where it runs, without a change to
// the API's code. A control server on 127.0.0.1:LAUNCH_PROBE_PORT (JSON) offers:
//   POST /check/live | /check/skip  the launch session check as shipped, or answered from memory
//                                   (the session's row as its first read found it): "without the check"
//   POST /timings/reset, GET /timings   how long each org guard and each check took (ms), since the reset
//   GET /recording/<id>             the SQL sent while serving the request marked `x-bench-record: <id>`
// The same module records are the API's: Node loads each file once, so the API's classes are patched.
// As in the API's main.js: AdminJS reads its environment when first imported.
import '../../api/dist/backoffice/adminjs-environment.js';
import 'reflect-metadata';
import { AsyncLocalStorage } from 'node:async_hooks';
import http from 'node:http';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import pg from 'pg';
import { root } from '../../scripts/lib/workspace.mjs';

const fromApi = (path) => import(pathToFileURL(join(root, 'api/dist', path)).href);
const [{ AccessGuard }, { LaunchSessionsService }, { LaunchSessionsRepository }] = await Promise.all([
  fromApi('identity/access/access.guard.js'),
  fromApi('sessions/launch-sessions.service.js'),
  fromApi('sessions/launch-sessions.repository.js'),
]);

const timings = { guardLaunch: [], guardOwnAdmin: [], resolve: [], check: [] };
const timed = (prototype, name, bucketOf) => {
  const original = prototype[name];
  if (typeof original !== 'function') throw new Error(`launch probe: ${prototype.constructor.name}.${name} is gone: update bench/lib/launch-probe.mjs`);
  prototype[name] = async function (...args) {
    const t0 = performance.now();
    try {
      return await original.apply(this, args);
    } finally {
      timings[bucketOf(this, args)]?.push(performance.now() - t0);
    }
  };
  return original;
};

// The whole org guard of an org console request: token, then the session check (launch) or the
// sign-in and membership lookups (own admin).
timed(AccessGuard.prototype, 'resolveOrg', (_guard, [context]) =>
  (context.switchToHttp().getRequest().user?.kind === 'launch' ? 'guardLaunch' : 'guardOwnAdmin'));
timed(LaunchSessionsService.prototype, 'resolve', () => 'resolve');

let skipCheck = false;
const knownRows = new Map();
const check = LaunchSessionsRepository.prototype.check;
if (typeof check !== 'function') throw new Error('launch probe: LaunchSessionsRepository.check is gone: update bench/lib/launch-probe.mjs');
LaunchSessionsRepository.prototype.check = async function (sessionId) {
  if (skipCheck && knownRows.has(sessionId)) return knownRows.get(sessionId);
  const t0 = performance.now();
  const row = await check.call(this, sessionId);
  timings.check.push(performance.now() - t0);
  knownRows.set(sessionId, row);
  return row;
};

// The SQL of one marked request: every statement a pg client is asked to run in its async context.
const recordingOf = new AsyncLocalStorage();
const recordings = new Map();
const emit = http.Server.prototype.emit;
http.Server.prototype.emit = function (event, request, ...rest) {
  const id = event === 'request' ? request.headers['x-bench-record'] : undefined;
  if (!id) return emit.call(this, event, request, ...rest);
  const statements = [];
  recordings.set(id, statements);
  return recordingOf.run(statements, () => emit.call(this, event, request, ...rest));
};
const query = pg.Client.prototype.query;
pg.Client.prototype.query = function (config, values, callback) {
  const statements = recordingOf.getStore();
  if (statements) {
    const text = typeof config === 'string' ? config : config?.text;
    if (text) statements.push({ sql: text, params: (typeof config === 'object' ? config.values : undefined) ?? (Array.isArray(values) ? values : []) });
  }
  return query.call(this, config, values, callback);
};

const routes = {
  'POST /check/live': () => ((skipCheck = false), { check: 'live' }),
  'POST /check/skip': () => ((skipCheck = true), { check: 'skip', sessionsKnown: knownRows.size }),
  'POST /timings/reset': () => {
    for (const list of Object.values(timings)) list.length = 0;
    return {};
  },
  'GET /timings': () => timings,
};
const control = http.createServer((request, response) => {
  const path = request.url.startsWith('/recording/') ? '/recording' : request.url;
  const route = path === '/recording' && request.method === 'GET'
    ? () => recordings.get(decodeURIComponent(request.url.slice('/recording/'.length))) ?? null
    : routes[`${request.method} ${path}`];
  response.writeHead(route ? 200 : 404, { 'content-type': 'application/json' });
  response.end(JSON.stringify(route ? route() : { error: `no ${request.method} ${request.url}` }));
});
control.listen(Number(process.env.LAUNCH_PROBE_PORT), '127.0.0.1');
control.unref();
