import { randomBytes } from 'node:crypto';
import type pg from 'pg';
import { DataSource } from 'typeorm';

/** Whatever the test holds to run SQL: a pg client or pool, or the application's DataSource. */
export type Sql = pg.ClientBase | pg.Pool | DataSource;

export type UserState = 'active' | 'staged' | 'suspended';

export interface UserSpec {
  username?: string;
  state?: UserState;
  mfa?: boolean;
  locked?: boolean;
  lastLoginAt?: Date | null;
  lockedOutAt?: Date;
  passwordExpiresAt?: Date | null;
  createdAt?: Date;
}

export interface SystemSpec {
  hostname?: string;
  osFamily?: 'windows' | 'macos' | 'linux' | 'other';
  active?: boolean;
}

export interface TestOrg {
  id: string;
  publicId: string;
  name: string;
  userIds: string[];
  systemIds: string[];
}

let counter = 0;
const next = () => (counter += 1);

async function rows<T>(db: Sql, text: string, values: unknown[] = []): Promise<T[]> {
  if (db instanceof DataSource) return (await db.query(text, values)) as T[];
  return (await db.query(text, values)).rows as T[];
}

const specsOf = <T>(specs: number | T[]): T[] => (typeof specs === 'number' ? Array.from({ length: specs }, () => ({}) as T) : specs);

/** Users in one multi-row statement (as a bulk import would write them); answers their ids in order. */
export async function addUsers(db: Sql, orgId: string, specs: number | UserSpec[]): Promise<string[]> {
  const users = specsOf(specs).map((spec) => ({ username: spec.username ?? `user${next()}`, locked: false, ...spec }));
  if (users.length === 0) return [];
  const inserted = await rows<{ id: string }>(
    db,
    `INSERT INTO directory_users (org_id, username, email, state, mfa_enrolled, locked_out, locked_out_at, last_login_at, password_expires_at, created_at)
     SELECT $1, u.username, u.username || '@factory.example.com', u.state, u.mfa, u.locked, CASE WHEN u.locked THEN coalesce(u.locked_at, now()) END, u.last_login,
       u.password_expires, coalesce(u.created, now())
     FROM unnest($2::text[], $3::text[], $4::bool[], $5::bool[], $6::timestamptz[], $7::timestamptz[], $8::timestamptz[], $9::timestamptz[])
       WITH ORDINALITY AS u(username, state, mfa, locked, last_login, password_expires, created, locked_at, position)
     ORDER BY u.position RETURNING id`,
    [
      orgId,
      users.map((u) => u.username),
      users.map((u) => u.state ?? 'active'),
      users.map((u) => u.mfa ?? false),
      users.map((u) => u.locked),
      users.map((u) => u.lastLoginAt ?? null),
      users.map((u) => u.passwordExpiresAt ?? null),
      users.map((u) => u.createdAt ?? null),
      users.map((u) => u.lockedOutAt ?? null),
    ],
  );
  return inserted.map((row) => row.id);
}

export async function addSystems(db: Sql, orgId: string, specs: number | SystemSpec[]): Promise<string[]> {
  const systems = specsOf(specs);
  if (systems.length === 0) return [];
  const inserted = await rows<{ id: string }>(
    db,
    `INSERT INTO systems (org_id, hostname, os_family, active)
     SELECT $1, s.hostname, s.os_family, s.active FROM unnest($2::text[], $3::text[], $4::bool[]) WITH ORDINALITY AS s(hostname, os_family, active, position)
     ORDER BY s.position RETURNING id`,
    [orgId, systems.map((s) => s.hostname ?? `host-${next()}`), systems.map((s) => s.osFamily ?? 'linux'), systems.map((s) => s.active ?? true)],
  );
  return inserted.map((row) => row.id);
}

/** An org with a fresh OrgID, and the users and systems asked for. */
export async function createOrg(db: Sql, options: { name?: string; users?: number | UserSpec[]; systems?: number | SystemSpec[] } = {}): Promise<TestOrg> {
  const publicId = randomBytes(12).toString('hex');
  const name = options.name ?? `Factory Org ${next()}`;
  const [org] = await rows<{ id: string }>(db, 'INSERT INTO organizations (public_id, name) VALUES ($1, $2) RETURNING id', [publicId, name]);
  const userIds = await addUsers(db, org!.id, options.users ?? 0);
  const systemIds = await addSystems(db, org!.id, options.systems ?? 0);
  return { id: org!.id, publicId, name, userIds, systemIds };
}

export interface OrgStats {
  org_id: string;
  users_total: number;
  users_active: number;
  users_suspended: number;
  users_staged: number;
  users_mfa: number;
  users_locked: number;
  systems_total: number;
  systems_active: number;
  admins: number;
  last_activity_at: Date | null;
}

export async function readOrgStats(db: Sql): Promise<OrgStats[]> {
  return rows<OrgStats>(db, 'SELECT * FROM org_stats ORDER BY org_id');
}

/**
 * Every org whose stored counts differ from a recount of its rows (or that has no stats row), with
 * both sides; empty when the triggers kept up. last_activity_at is left out: it is a high-water mark.
 * The copies the dashboard reads are checked too: the org's name, status and OrgID, and its managing
 * partner on the stats row and on every user and system.
 */
export async function orgStatsDrift(db: Sql): Promise<Record<string, unknown>[]> {
  const figures = `ROW(s.users_total, s.users_active, s.users_suspended, s.users_staged, s.users_mfa, s.users_active_mfa, s.users_locked,
    s.systems_total, s.systems_active, s.systems_windows, s.systems_macos, s.systems_linux, s.systems_other, s.admins,
    s.public_id, s.name, s.status, s.partner_id)::text`;
  return rows(
    db,
    `WITH counted AS (
       SELECT o.id AS org_id, a.partner_id, ROW(
         (SELECT count(*) FROM directory_users u WHERE u.org_id = o.id),
         (SELECT count(*) FROM directory_users u WHERE u.org_id = o.id AND u.state = 'active'),
         (SELECT count(*) FROM directory_users u WHERE u.org_id = o.id AND u.state = 'suspended'),
         (SELECT count(*) FROM directory_users u WHERE u.org_id = o.id AND u.state = 'staged'),
         (SELECT count(*) FROM directory_users u WHERE u.org_id = o.id AND u.mfa_enrolled),
         (SELECT count(*) FROM directory_users u WHERE u.org_id = o.id AND u.mfa_enrolled AND u.state = 'active'),
         (SELECT count(*) FROM directory_users u WHERE u.org_id = o.id AND u.locked_out),
         (SELECT count(*) FROM systems y WHERE y.org_id = o.id),
         (SELECT count(*) FROM systems y WHERE y.org_id = o.id AND y.active),
         (SELECT count(*) FROM systems y WHERE y.org_id = o.id AND y.os_family = 'windows'),
         (SELECT count(*) FROM systems y WHERE y.org_id = o.id AND y.os_family = 'macos'),
         (SELECT count(*) FROM systems y WHERE y.org_id = o.id AND y.os_family = 'linux'),
         (SELECT count(*) FROM systems y WHERE y.org_id = o.id AND y.os_family = 'other'),
         (SELECT count(*) FROM org_admins a WHERE a.org_id = o.id),
         o.public_id, o.name, o.status, a.partner_id)::text AS recount
       FROM organizations o LEFT JOIN partner_associations a ON a.org_id = o.id AND a.status = 'active')
     SELECT c.org_id, c.recount, ${figures} AS stored
     FROM counted c LEFT JOIN org_stats s ON s.org_id = c.org_id
     WHERE s.org_id IS NULL OR ${figures} <> c.recount
        OR EXISTS (SELECT 1 FROM directory_users u WHERE u.org_id = c.org_id AND u.partner_id IS DISTINCT FROM c.partner_id)
        OR EXISTS (SELECT 1 FROM systems y WHERE y.org_id = c.org_id AND y.partner_id IS DISTINCT FROM c.partner_id)`,
  );
}

/** The hourly counts of partner_user_hours that differ from a recount of the users (empty when the triggers kept up). */
export async function partnerHoursDrift(db: Sql): Promise<Record<string, unknown>[]> {
  return rows(
    db,
    `WITH counted AS (
       SELECT partner_id, 'password_expiry' AS kind, date_trunc('hour', password_expires_at, 'UTC') AS hour, count(*)::int AS users
         FROM directory_users WHERE partner_id IS NOT NULL AND password_expires_at IS NOT NULL GROUP BY 1, 2, 3
       UNION ALL
       SELECT partner_id, 'created', date_trunc('hour', created_at, 'UTC'), count(*)::int FROM directory_users WHERE partner_id IS NOT NULL GROUP BY 1, 2, 3),
     stored AS (SELECT partner_id, kind, hour, users FROM partner_user_hours WHERE users <> 0)
     SELECT coalesce(c.partner_id, s.partner_id) AS partner_id, coalesce(c.kind, s.kind) AS kind, coalesce(c.hour, s.hour) AS hour, c.users AS counted, s.users AS stored
     FROM counted c FULL JOIN stored s ON s.partner_id = c.partner_id AND s.kind = c.kind AND s.hour = c.hour
     WHERE c.users IS DISTINCT FROM s.users`,
  );
}
