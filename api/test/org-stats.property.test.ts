import fc from 'fast-check';
import pg from 'pg';
import { addUsers, createOrg, orgStatsDrift, partnerHoursDrift, readOrgStats } from './support/org-factory.js';
import { createTestDatabase, type TestDatabase } from './support/test-database.js';

// org_stats is kept by statement-level triggers; whatever mix of statements, bulk or single,
// committed, rolled back or racing another transaction, its figures must equal a recount.

const STATES = ['active', 'staged', 'suspended'] as const;
const BASE = Date.UTC(2026, 0, 1);
const loginAt = fc.option(fc.integer({ min: 0, max: 500_000 }).map((minutes) => new Date(BASE + minutes * 60_000)), { nil: null });
const org = fc.nat({ max: 2 });
const expiry = fc.option(fc.integer({ min: -48, max: 48 }).map((hours) => new Date(BASE + hours * 3_600_000 + 1_800_000)), { nil: null });
const userSpec = fc.record({ state: fc.constantFrom(...STATES), mfa: fc.boolean(), locked: fc.boolean(), lastLoginAt: loginAt, passwordExpiresAt: expiry });

// Which rows a statement touches: one by position, a whole org, one state across the orgs, or none.
const target = fc.oneof(
  fc.record({ kind: fc.constant('one' as const), org, position: fc.nat({ max: 5 }) }),
  fc.record({ kind: fc.constant('org' as const), org }),
  fc.record({ kind: fc.constant('state' as const), state: fc.constantFrom(...STATES) }),
  fc.record({ kind: fc.constant('none' as const) }),
);
type Target = typeof target extends fc.Arbitrary<infer T> ? T : never;

const step = fc.oneof(
  fc.record({ kind: fc.constant('insertUsers' as const), org, users: fc.array(userSpec, { minLength: 1, maxLength: 4 }) }),
  fc.record({ kind: fc.constant('upsertUsers' as const), org, existing: fc.nat({ max: 3 }), fresh: fc.nat({ max: 2 }), state: fc.constantFrom(...STATES), lastLoginAt: loginAt }),
  fc.record({
    kind: fc.constant('updateUsers' as const),
    target,
    // 'same' and a rename alone change nothing the stats count: the triggers must add nothing.
    state: fc.option(fc.constantFrom(...STATES, 'same' as const), { nil: undefined }),
    mfa: fc.option(fc.constantFrom(true, false, 'toggle' as const), { nil: undefined }),
    locked: fc.option(fc.boolean(), { nil: undefined }),
    lastLoginAt: fc.option(loginAt, { nil: undefined }),
    passwordExpiresAt: fc.option(expiry, { nil: undefined }),
    rename: fc.boolean(),
  }),
  fc.record({ kind: fc.constant('deleteUsers' as const), target }),
  fc.record({
    kind: fc.constant('insertSystems' as const),
    org,
    active: fc.array(fc.boolean(), { minLength: 1, maxLength: 4 }),
    os: fc.constantFrom('windows', 'macos', 'linux', 'other'),
  }),
  // Partners taking an org on and letting it go: the managing partner is copied onto its rows.
  fc.record({ kind: fc.constant('attach' as const), org, partner: fc.nat({ max: 1 }) }),
  fc.record({ kind: fc.constant('detach' as const), org }),
  fc.record({ kind: fc.constant('updateSystems' as const), target, active: fc.option(fc.constantFrom(true, false, 'toggle' as const), { nil: undefined }) }),
  fc.record({ kind: fc.constant('deleteSystems' as const), target }),
);
type Step = typeof step extends fc.Arbitrary<infer T> ? T : never;

const command = fc.oneof(
  { weight: 6, arbitrary: step },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('transaction' as const), steps: fc.array(step, { minLength: 1, maxLength: 4 }), commit: fc.boolean() }) },
  {
    weight: 2,
    arbitrary: fc.record({
      kind: fc.constant('concurrent' as const),
      first: fc.array(step, { minLength: 1, maxLength: 4 }),
      second: fc.array(step, { minLength: 1, maxLength: 4 }),
      commitFirst: fc.boolean(),
      commitSecond: fc.boolean(),
    }),
  },
);
type Command = typeof command extends fc.Arbitrary<infer T> ? T : never;

/** The latest login each org has seen in committed work: what last_activity_at must hold. */
type Logins = Map<string, number>;

function noteLogins(into: Logins, rows: { org_id: string; last_login_at: Date | null }[]): void {
  for (const row of rows) if (row.last_login_at) into.set(row.org_id, Math.max(into.get(row.org_id) ?? 0, row.last_login_at.getTime()));
}

let serial = 0;
/** The two partners orgs are attached to and detached from. */
const partners: string[] = [];

function where(table: 'directory_users' | 'systems', chosen: Target, orgs: string[], params: unknown[]): string {
  const bind = (value: unknown) => `$${params.push(value)}`;
  const order = table === 'systems' ? 'hostname' : 'username';
  switch (chosen.kind) {
    case 'one':
      return `id = (SELECT id FROM ${table} WHERE org_id = ${bind(orgs[chosen.org % orgs.length])} ORDER BY ${order} OFFSET ${bind(chosen.position)} LIMIT 1)`;
    case 'org':
      return `org_id = ${bind(orgs[chosen.org % orgs.length])}`;
    case 'state':
      // Systems have no state: their flag splits them the same way, active ones or the others.
      return table === 'systems' ? `org_id = ANY(${bind(orgs)}::uuid[]) AND active = ${bind(chosen.state === 'active')}` : `org_id = ANY(${bind(orgs)}::uuid[]) AND state = ${bind(chosen.state)}`;
    case 'none':
      return `org_id = ANY(${bind(orgs)}::uuid[]) AND false`;
  }
}

function sqlOf(s: Step, orgs: string[]): [string, unknown[]] {
  const params: unknown[] = [];
  const bind = (value: unknown) => `$${params.push(value)}`;
  const orgOf = (index: number) => orgs[index % orgs.length];
  const returning = 'RETURNING org_id, last_login_at';
  switch (s.kind) {
    case 'insertUsers':
      return [`INSERT INTO directory_users (org_id, username, email, state, mfa_enrolled, locked_out, last_login_at, password_expires_at)
        SELECT ${bind(orgOf(s.org))}, n, n || '@prop.example.com', st, m, l, at, ex
        FROM unnest(${bind(s.users.map(() => `u${(serial += 1)}`))}::text[], ${bind(s.users.map((u) => u.state))}::text[], ${bind(s.users.map((u) => u.mfa))}::bool[],
          ${bind(s.users.map((u) => u.locked))}::bool[], ${bind(s.users.map((u) => u.lastLoginAt))}::timestamptz[],
          ${bind(s.users.map((u) => u.passwordExpiresAt))}::timestamptz[]) AS u(n, st, m, l, at, ex) ${returning}`, params];
    case 'upsertUsers': {
      const at = bind(orgOf(s.org));
      return [`INSERT INTO directory_users (org_id, username, email, state, last_login_at)
        SELECT ${at}, n, n || '@prop.example.com', ${bind(s.state)}, ${bind(s.lastLoginAt)}::timestamptz
        FROM ((SELECT username FROM directory_users WHERE org_id = ${at} ORDER BY username LIMIT ${bind(s.existing)})
          UNION ALL SELECT unnest(${bind(Array.from({ length: s.fresh }, () => `u${(serial += 1)}`))}::text[])) AS names(n)
        ON CONFLICT (org_id, username) DO UPDATE SET state = excluded.state, last_login_at = excluded.last_login_at ${returning}`, params];
    }
    case 'updateUsers': {
      const set = [s.rename ? "first_name = first_name || 'x'" : 'first_name = first_name'];
      if (s.state) set.push(s.state === 'same' ? 'state = state' : `state = ${bind(s.state)}`);
      if (s.mfa !== undefined) set.push(s.mfa === 'toggle' ? 'mfa_enrolled = NOT mfa_enrolled' : `mfa_enrolled = ${bind(s.mfa)}`);
      if (s.locked !== undefined) set.push(`locked_out = ${bind(s.locked)}`, `locked_out_at = CASE WHEN ${bind(s.locked)}::bool THEN now() END`);
      if (s.lastLoginAt !== undefined) set.push(`last_login_at = ${bind(s.lastLoginAt)}::timestamptz`);
      if (s.passwordExpiresAt !== undefined) set.push(`password_expires_at = ${bind(s.passwordExpiresAt)}::timestamptz`);
      return [`UPDATE directory_users SET ${set.join(', ')} WHERE ${where('directory_users', s.target, orgs, params)} ${returning}`, params];
    }
    case 'deleteUsers':
      return [`DELETE FROM directory_users WHERE ${where('directory_users', s.target, orgs, params)}`, params];
    case 'insertSystems':
      return [`INSERT INTO systems (org_id, hostname, os_family, active) SELECT ${bind(orgOf(s.org))}, 'host-' || ${bind(`${(serial += 1)}`)} || '-' || n, ${bind(s.os)}, a
        FROM unnest(${bind(s.active)}::bool[]) WITH ORDINALITY AS s(a, n)`, params];
    case 'attach':
      return [`INSERT INTO partner_associations (partner_id, org_id, source, created_by_type) VALUES (${bind(partners[s.partner])}, ${bind(orgOf(s.org))}, 'staff', 'system')
        ON CONFLICT (org_id) WHERE status = 'active' DO NOTHING`, params];
    case 'detach':
      return [`UPDATE partner_associations SET status = 'detached', detached_at = now() WHERE org_id = ${bind(orgOf(s.org))} AND status = 'active'`, params];
    case 'updateSystems': {
      const active = s.active === undefined ? 'active = active' : s.active === 'toggle' ? 'active = NOT active' : `active = ${bind(s.active)}`;
      return [`UPDATE systems SET ${active}, hostname = hostname WHERE ${where('systems', s.target, orgs, params)}`, params];
    }
    case 'deleteSystems':
      return [`DELETE FROM systems WHERE ${where('systems', s.target, orgs, params)}`, params];
  }
}

async function execute(db: pg.Pool | pg.PoolClient, s: Step, orgs: string[], logins: Logins): Promise<void> {
  const [text, params] = sqlOf(s, orgs);
  noteLogins(logins, (await db.query(text, params)).rows);
}

async function finish(client: pg.PoolClient, commit: boolean, pending: Logins, logins: Logins): Promise<void> {
  await client.query(commit ? 'COMMIT' : 'ROLLBACK');
  if (commit) for (const [orgId, at] of pending) logins.set(orgId, Math.max(logins.get(orgId) ?? 0, at));
}

/** Lets the second transaction run until it finishes or waits on a lock the first one holds. */
async function untilDoneOrWaiting(pool: pg.Pool, pid: number, work: Promise<unknown>): Promise<void> {
  let done = false;
  void work.finally(() => (done = true));
  for (let poll = 0; poll < 100 && !done; poll += 1) {
    const { rows } = await pool.query<{ wait_event_type: string | null }>('SELECT wait_event_type FROM pg_stat_activity WHERE pid = $1', [pid]);
    if (rows[0]?.wait_event_type === 'Lock') return;
    await new Promise((resolve) => setTimeout(resolve, 2));
  }
}

async function run(pool: pg.Pool, c: Command, orgs: string[], logins: Logins): Promise<void> {
  if (c.kind !== 'transaction' && c.kind !== 'concurrent') return execute(pool, c, orgs, logins);
  const first = await pool.connect();
  const second = c.kind === 'concurrent' ? await pool.connect() : undefined;
  try {
    const firstLogins: Logins = new Map();
    await first.query('BEGIN');
    for (const s of c.kind === 'transaction' ? c.steps : c.first) await execute(first, s, orgs, firstLogins);
    if (c.kind === 'transaction') return await finish(first, c.commit, firstLogins, logins);
    // The second transaction starts while the first holds its locks, so it waits on the same stats
    // rows and users and must build on what the first one leaves, committed or not.
    const secondLogins: Logins = new Map();
    await second!.query('BEGIN');
    const pid = (await second!.query<{ pid: number }>('SELECT pg_backend_pid() AS pid')).rows[0]!.pid;
    const work = (async () => {
      for (const s of c.second) await execute(second!, s, orgs, secondLogins);
    })().then(() => undefined, (error: unknown) => error);
    await untilDoneOrWaiting(pool, pid, work);
    await finish(first, c.commitFirst, firstLogins, logins);
    const failure = await work;
    if (failure) throw failure;
    await finish(second!, c.commitSecond, secondLogins, logins);
  } finally {
    for (const client of [first, second]) {
      await client?.query('ROLLBACK').catch(() => undefined);
      client?.release();
    }
  }
}

describe('org_stats kept by the triggers', () => {
  let database: TestDatabase;
  let pool: pg.Pool;

  beforeAll(async () => {
    database = await createTestDatabase();
    pool = new pg.Pool({ connectionString: database.url, max: 5 });
    for (const name of ['Property Partner A', 'Property Partner B']) {
      partners.push((await pool.query<{ id: string }>(`INSERT INTO partners (name, kind) VALUES ($1, 'msp') RETURNING id`, [name])).rows[0]!.id);
    }
  });
  afterAll(async () => {
    await pool.end();
    await database.drop();
  });

  it('equals a recount after any mix of single, bulk, rolled-back and concurrent changes', async () => {
    const orgSetup = fc.array(fc.record({ users: fc.array(userSpec, { maxLength: 6 }), systems: fc.nat({ max: 4 }) }), { minLength: 2, maxLength: 3 });
    await fc.assert(
      fc.asyncProperty(orgSetup, fc.array(command, { minLength: 3, maxLength: 16 }), async (setup, commands) => {
        const orgs = await Promise.all(setup.map((spec) => createOrg(pool, spec)));
        const ids = orgs.map((created) => created.id);
        const logins: Logins = new Map();
        setup.forEach((spec, index) => noteLogins(logins, spec.users.map((user) => ({ org_id: ids[index]!, last_login_at: user.lastLoginAt }))));
        try {
          for (const c of commands) await run(pool, c, ids, logins);
          expect(await orgStatsDrift(pool)).toEqual([]);
          expect(await partnerHoursDrift(pool)).toEqual([]);
          const stats = (await readOrgStats(pool)).filter((row) => ids.includes(row.org_id));
          // A high-water mark: deletes and earlier logins do not lower it, rolled-back work never raised it.
          for (const row of stats) expect(row.last_activity_at?.getTime() ?? null).toBe(logins.get(row.org_id) ?? null);
        } finally {
          await pool.query('DELETE FROM organizations WHERE id = ANY($1::uuid[])', [ids]);
        }
      }),
      { numRuns: 100 },
    );
    // About 10 s alone; far more while the other test files load the same 2 cores.
  }, 240_000);

  it('is unchanged by a transaction that rolls back', async () => {
    const created = await createOrg(pool, { users: [{ state: 'active', mfa: true }, { state: 'staged' }], systems: 2 });
    const before = await readOrgStats(pool);
    const client = await pool.connect();
    try {
      await client.query('BEGIN');
      await addUsers(client, created.id, [{ state: 'suspended', locked: true, lastLoginAt: new Date() }]);
      await client.query("UPDATE directory_users SET state = 'suspended', mfa_enrolled = true WHERE org_id = $1", [created.id]);
      await client.query('DELETE FROM systems WHERE org_id = $1', [created.id]);
      const inside = (await readOrgStats(client)).find((row) => row.org_id === created.id)!;
      expect(inside).toMatchObject({ users_total: 3, users_suspended: 3, users_mfa: 3, users_locked: 1, systems_total: 0 });
      await client.query('ROLLBACK');
    } finally {
      client.release();
    }
    expect(await readOrgStats(pool)).toEqual(before);
    expect(await orgStatsDrift(pool)).toEqual([]);
  });

  it('loses the stats row of a deleted org and keeps the others', async () => {
    const doomed = await createOrg(pool, { users: 3, systems: 2 });
    const kept = await createOrg(pool, { users: [{ mfa: true }], systems: 1 });
    await pool.query('DELETE FROM organizations WHERE id = $1', [doomed.id]);
    const stats = await readOrgStats(pool);
    expect(stats.find((row) => row.org_id === doomed.id)).toBeUndefined();
    expect(stats.find((row) => row.org_id === kept.id)).toMatchObject({ users_total: 1, users_mfa: 1, systems_total: 1 });
    expect((await pool.query('SELECT 1 FROM directory_users WHERE org_id = $1', [doomed.id])).rowCount).toBe(0);
    expect(await orgStatsDrift(pool)).toEqual([]);
  });

  it('refuses to bind a system to a user of another org', async () => {
    const acme = await createOrg(pool, { users: 1, systems: 1 });
    const globex = await createOrg(pool, { users: 1, systems: 1 });
    const [[acmeUser], [globexSystem]] = await Promise.all([
      pool.query('SELECT id FROM directory_users WHERE org_id = $1', [acme.id]).then((result) => result.rows),
      pool.query('SELECT id FROM systems WHERE org_id = $1', [globex.id]).then((result) => result.rows),
    ]);
    for (const orgId of [acme.id, globex.id]) {
      await expect(pool.query('INSERT INTO system_users (org_id, system_id, user_id) VALUES ($1, $2, $3)', [orgId, globexSystem.id, acmeUser.id])).rejects.toThrow(/foreign key/);
    }
  });

  it('zeroes the figures when a table is truncated', async () => {
    await createOrg(pool, { users: 2, systems: 2 });
    await pool.query('TRUNCATE system_users, systems');
    expect((await readOrgStats(pool)).every((row) => row.systems_total === 0 && row.systems_active === 0)).toBe(true);
    expect(await orgStatsDrift(pool)).toEqual([]);
  });
});
