import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { sortName } from '../../common/http/keyset-cursor.js';
import { keysetPage } from './keyset-page.js';
import type { KeysetPage } from './portfolio-query.js';
import { SqlConditions, type PortfolioScope } from './portfolio-scope.js';
import type { PortfolioUserDto, PortfolioUserQueryDto, PortfolioUserSort } from './portfolio-users.dto.js';

const DAY_MS = 86_400_000;

/**
 * Each sort's key as the partner-scoped indexes of directory_users spell it. The lockout and
 * password sorts list only the users they are about, which their partial indexes hold.
 */
const SORT_KEYS: Record<PortfolioUserSort, { sql: string; type: string; only?: string }> = {
  username: { sql: 'u.username', type: 'text' },
  createdAt: { sql: 'u.created_at', type: 'timestamptz' },
  lastLoginAt: { sql: `coalesce(u.last_login_at, '-infinity'::timestamptz)`, type: 'timestamptz' },
  lockedOutAt: { sql: `coalesce(u.locked_out_at, '-infinity'::timestamptz)`, type: 'timestamptz', only: 'u.locked_out' },
  passwordExpiresAt: { sql: 'u.password_expires_at', type: 'timestamptz', only: 'u.password_expires_at IS NOT NULL' },
};

/** Directory users across a partner's orgs: the users tab and the home page's user widgets. */
@Injectable()
export class PortfolioUsersRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async page(scope: PortfolioScope, query: Omit<PortfolioUserQueryDto, 'orgId'> & { orgId?: string }, now: Date): Promise<KeysetPage<PortfolioUserDto>> {
    const sort = query.sort ?? 'username';
    const order = query.order ?? 'asc';
    const key = SORT_KEYS[sort];
    const where = new SqlConditions(scope, 'u');
    if (key.only) where.add(key.only);
    if (query.orgId) where.add(`u.org_id = ${where.param(query.orgId)}::uuid`);
    if (query.state) where.add(`u.state = ${where.param(query.state)}`);
    if (query.mfa !== undefined) where.add(`u.mfa_enrolled = ${where.param(query.mfa)}`);
    if (query.locked !== undefined) where.add(`u.locked_out = ${where.param(query.locked)}`);
    if (query.passwordExpiresWithinDays !== undefined) {
      where.add(`u.password_expires_at < ${where.param(new Date(now.getTime() + query.passwordExpiresWithinDays * DAY_MS))}`);
    }
    if (query.createdWithinDays !== undefined) where.add(`u.created_at >= ${where.param(new Date(now.getTime() - query.createdWithinDays * DAY_MS))}`);
    const { rows, nextCursor } = await keysetPage<UserRow>(this.dataSource, {
      select: `u.id, u.username, u.email, u.first_name, u.last_name, u.state, u.mfa_enrolled, u.locked_out, u.locked_out_at,
        u.password_expires_at, u.created_at, u.last_login_at, s.public_id, s.name AS org_name`,
      from: 'directory_users u JOIN org_stats s ON s.org_id = u.org_id',
      where,
      key,
      id: 'u.id',
      order,
      limit: query.limit!,
      sortName: sortName(sort, order),
      cursor: query.cursor,
    });
    return { items: rows.map(toUser), nextCursor };
  }

  /** The users with these ids that are in scope, with their org (ids out of scope are left out). */
  async findInScope(scope: PortfolioScope, userIds: string[]): Promise<{ id: string; orgId: string; publicOrgId: string; orgName: string; username: string }[]> {
    const where = new SqlConditions(scope, 'u');
    where.add(`u.id = ANY(${where.param(userIds)}::uuid[])`);
    const rows: { id: string; org_id: string; public_id: string; name: string; username: string }[] = await this.dataSource.query(
      `SELECT u.id, u.org_id, s.public_id, s.name, u.username FROM directory_users u JOIN org_stats s ON s.org_id = u.org_id WHERE ${where.sql}`,
      where.params,
    );
    return rows.map((row) => ({ id: row.id, orgId: row.org_id, publicOrgId: row.public_id, orgName: row.name, username: row.username }));
  }
}

interface UserRow {
  id: string;
  username: string;
  email: string;
  first_name: string;
  last_name: string;
  state: PortfolioUserDto['state'];
  mfa_enrolled: boolean;
  locked_out: boolean;
  locked_out_at: Date | null;
  password_expires_at: Date | null;
  created_at: Date;
  last_login_at: Date | null;
  public_id: string;
  org_name: string;
  sort_key: string;
  keyset_id: string;
}

function toUser(row: UserRow): PortfolioUserDto {
  return {
    id: row.id,
    org: { orgId: row.public_id, name: row.org_name },
    username: row.username,
    email: row.email,
    firstName: row.first_name,
    lastName: row.last_name,
    state: row.state,
    mfaEnrolled: row.mfa_enrolled,
    lockedOut: row.locked_out,
    lockedOutAt: row.locked_out_at,
    passwordExpiresAt: row.password_expires_at,
    createdAt: row.created_at,
    lastLoginAt: row.last_login_at,
  };
}
