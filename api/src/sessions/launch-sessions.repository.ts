import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import { decodeCursor, encodeCursor, keysetCondition } from '../common/http/keyset-cursor.js';
import { preparedQuery } from '../database/prepared-query.js';
import type { LaunchRole } from './launch-permissions.js';

/** A session row with the names the lists show. */
export interface LaunchSessionRow {
  id: string;
  partner_id: string;
  partner_name: string;
  administrator_id: string;
  admin_email: string;
  admin_name: string | null;
  org_id: string;
  org_public_id: string;
  org_name: string;
  role: LaunchRole;
  reason: string | null;
  ticket: string | null;
  started_at: Date;
  expires_at: Date;
  ended_at: Date | null;
  ended_reason: string | null;
  ip: string | null;
  user_agent: string | null;
}

/** What the per-request check reads: the session and its org, by primary key. */
export interface SessionCheckRow {
  administrator_id: string;
  partner_id: string;
  role: LaunchRole;
  expires_at: Date;
  ended_at: Date | null;
  ended_reason: string | null;
  org_id: string;
  org_public_id: string;
  org_name: string;
  partner_name: string;
}

/** What a launch needs to hold while it records the session (see `lockLaunchable`). */
export interface LaunchableRow {
  admin_email: string;
  admin_name: string | null;
  role: LaunchRole;
  org_access: 'all' | 'selected';
  partner_name: string;
  launch_reason_required: boolean;
  launch_session_minutes: number;
  org_id: string;
  org_public_id: string;
  org_name: string;
}

export interface NewLaunchSession {
  partnerId: string;
  administratorId: string;
  orgId: string;
  authSessionId: string;
  role: LaunchRole;
  reason: string | null;
  ticket: string | null;
  startedAt: Date;
  expiresAt: Date;
  ip: string | null;
  userAgent: string | null;
}

export interface HistoryFilter {
  partnerId?: string;
  orgId?: string;
  administratorId?: string;
  activeAt?: Date;
  limit: number;
  before?: string;
}

// Sessions are listed and checked with the names people read (org, partner, admin), joined here by
// primary key rather than asked of three services per row; nothing here writes outside launch_sessions.
const SELECT_ROW = `
  SELECT s.id, s.partner_id, p.name AS partner_name, s.administrator_id, a.email AS admin_email, a.name AS admin_name,
         s.org_id, o.public_id AS org_public_id, o.name AS org_name, s.role, s.reason, s.ticket,
         s.started_at, s.expires_at, s.ended_at, s.ended_reason, s.ip, s.user_agent
  FROM launch_sessions s
  JOIN partners p ON p.id = s.partner_id
  JOIN administrators a ON a.id = s.administrator_id
  JOIN organizations o ON o.id = s.org_id`;

const HISTORY_SORT = 'started:desc';

/** Launch sessions in SQL: the sessions module owns the table. */
@Injectable()
export class LaunchSessionsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /**
   * Everything a launch depends on, read and share-locked until the launch commits: the admin's
   * membership and role, the partner, the association, the admin's account and sign-in, and their
   * access to the org. A concurrent suspension or detachment either waits for the launch, and then
   * its revocation sees the new session, or commits first, and then the launch finds nothing.
   */
  async lockLaunchable(
    manager: EntityManager,
    input: { partnerId: string; administratorId: string; authSessionId: string; publicOrgId: string },
  ): Promise<LaunchableRow | null> {
    const rows: LaunchableRow[] = await manager.query(
      `SELECT a.email AS admin_email, a.name AS admin_name, m.role, m.org_access, p.name AS partner_name, p.launch_reason_required, p.launch_session_minutes,
              o.id AS org_id, o.public_id AS org_public_id, o.name AS org_name
       FROM partner_admins m
       JOIN partners p ON p.id = m.partner_id AND p.status = 'active'
       JOIN administrators a ON a.id = m.administrator_id AND a.status = 'active'
       JOIN auth_sessions au ON au.id = $3 AND au.administrator_id = m.administrator_id AND au.revoked_at IS NULL
       JOIN organizations o ON o.public_id = $4
       JOIN partner_associations pa ON pa.partner_id = m.partner_id AND pa.org_id = o.id AND pa.status = 'active'
       WHERE m.partner_id = $1 AND m.administrator_id = $2 AND m.status = 'active'
       FOR SHARE OF m, p, a, au, pa`,
      [input.partnerId, input.administratorId, input.authSessionId, input.publicOrgId],
    );
    const row = rows[0];
    if (!row || row.org_access === 'all') return row ?? null;
    const listed: unknown[] = await manager.query(
      `SELECT 1 FROM partner_admin_orgs WHERE partner_id = $1 AND administrator_id = $2 AND org_id = $3 FOR SHARE`,
      [input.partnerId, input.administratorId, row.org_id],
    );
    return listed.length > 0 ? row : null;
  }

  async insert(manager: EntityManager, session: NewLaunchSession): Promise<string> {
    const [{ id }]: { id: string }[] = await manager.query(
      `INSERT INTO launch_sessions (partner_id, administrator_id, org_id, auth_session_id, role, reason, ticket, started_at, expires_at, ip, user_agent)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11) RETURNING id`,
      [session.partnerId, session.administratorId, session.orgId, session.authSessionId, session.role, session.reason, session.ticket,
        session.startedAt, session.expiresAt, session.ip, session.userAgent],
    );
    return id;
  }

  /**
   * The per-request check: one primary-key read (revocations are written onto the row when they
   * happen), prepared once per connection because it runs before every request of every session.
   */
  async check(sessionId: string): Promise<SessionCheckRow | null> {
    const rows = await preparedQuery<SessionCheckRow>(
      this.dataSource,
      'launch_session_check',
      `SELECT s.administrator_id, s.partner_id, s.role, s.expires_at, s.ended_at, s.ended_reason,
              o.id AS org_id, o.public_id AS org_public_id, o.name AS org_name, p.name AS partner_name
       FROM launch_sessions s JOIN organizations o ON o.id = s.org_id JOIN partners p ON p.id = s.partner_id WHERE s.id = $1`,
      [sessionId],
    );
    return rows[0] ?? null;
  }

  async find(sessionId: string, partnerId: string, manager: EntityManager = this.dataSource.manager): Promise<LaunchSessionRow | null> {
    const rows: LaunchSessionRow[] = await manager.query(`${SELECT_ROW} WHERE s.id = $1 AND s.partner_id = $2`, [sessionId, partnerId]);
    return rows[0] ?? null;
  }

  /** Ends an open session; false when it had already ended. */
  async end(manager: EntityManager, sessionId: string, input: { at: Date; reason: string; by: string }): Promise<boolean> {
    const [, count]: [unknown, number] = await manager.query(
      `UPDATE launch_sessions SET ended_at = $2, ended_reason = $3, ended_by = $4 WHERE id = $1 AND ended_at IS NULL`,
      [sessionId, input.at, input.reason, input.by],
    );
    return count > 0;
  }

  /** Newest first, keyset-paged on (started_at, id), scoped by partner or by org. */
  async history(filter: HistoryFilter): Promise<{ rows: LaunchSessionRow[]; nextBefore: string | null }> {
    const conditions: string[] = [];
    const params: unknown[] = [];
    const add = (sql: (n: number) => string, value: unknown) => {
      params.push(value);
      conditions.push(sql(params.length));
    };
    if (filter.partnerId) add((n) => `s.partner_id = $${n}`, filter.partnerId);
    if (filter.orgId) add((n) => `s.org_id = $${n}`, filter.orgId);
    if (filter.administratorId) add((n) => `s.administrator_id = $${n}`, filter.administratorId);
    if (filter.activeAt) add((n) => `s.ended_at IS NULL AND s.expires_at > $${n}`, filter.activeAt);
    if (filter.before) {
      const position = decodeCursor(filter.before, HISTORY_SORT, 'timestamptz');
      conditions.push(keysetCondition('s.started_at', 's.id', 'timestamptz', 'desc', params.length + 1));
      params.push(position.key, position.id);
    }
    if (conditions.length === 0) throw new Error('A session history is always scoped to a partner or an org');
    params.push(filter.limit + 1);
    const rows: (LaunchSessionRow & { started_key: string })[] = await this.dataSource.query(
      `${SELECT_ROW.replace('SELECT s.id,', 'SELECT s.started_at::text AS started_key, s.id,')}
       WHERE ${conditions.join(' AND ')} ORDER BY s.started_at DESC, s.id DESC LIMIT $${params.length}`,
      params,
    );
    const page = rows.slice(0, filter.limit);
    const last = page[page.length - 1];
    const nextBefore = rows.length > filter.limit && last ? encodeCursor({ sort: HISTORY_SORT, key: last.started_key, id: last.id }) : null;
    return { rows: page, nextBefore };
  }
}
