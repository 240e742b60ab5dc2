import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { sortName } from '../../common/http/keyset-cursor.js';
import { keysetPage } from './keyset-page.js';
import { mfaCoveragePercent } from '../organizations/org-figures.js';
import { isPublicOrgId } from '../organizations/public-org-id.js';
import type { PartnerOrgDto, PortfolioOrgFilterDto, PortfolioOrgSort } from './portfolio-orgs.dto.js';
import type { KeysetPage } from './portfolio-query.js';
import { containsPattern, SqlConditions, type PortfolioScope } from './portfolio-scope.js';

/** Each sort's key column in org_stats (never null) and its type; each has an index after partner_id. */
const SORT_KEYS: Record<PortfolioOrgSort, { column: string; type: string }> = {
  name: { column: 'name_key', type: 'text' },
  users: { column: 'users_total', type: 'int' },
  systems: { column: 'systems_total', type: 'int' },
  admins: { column: 'admins', type: 'int' },
  mfaCoverage: { column: 'mfa_permille', type: 'int' },
  lockedOut: { column: 'users_locked', type: 'int' },
  lastActivity: { column: 'activity_key', type: 'timestamptz' },
};

const COLUMNS = `s.org_id, s.public_id, s.name, s.status, s.users_total, s.users_active, s.users_suspended, s.users_staged,
  s.users_active_mfa, s.users_locked, s.systems_total, s.systems_active, s.admins, s.last_activity_at`;

export interface PortfolioOrgRow extends PartnerOrgDto {
  id: string;
}

/**
 * The org table of the partner dashboard, read from org_stats alone: one index walk per page whatever
 * the sort, and a count over the partner's rows that applies the same filters.
 */
@Injectable()
export class PortfolioOrgsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async page(scope: PortfolioScope, query: PortfolioOrgFilterDto, limit: number, cursor?: string): Promise<KeysetPage<PortfolioOrgRow>> {
    const sort = query.sort ?? 'name';
    const order = query.order ?? 'asc';
    const key = SORT_KEYS[sort];
    const { rows, nextCursor } = await keysetPage<OrgStatsRow>(this.dataSource, {
      select: COLUMNS,
      from: 'org_stats s',
      where: this.filtered(scope, query),
      key: { sql: `s.${key.column}`, type: key.type },
      id: 's.org_id',
      order,
      limit,
      sortName: sortName(sort, order),
      cursor,
    });
    return { items: rows.map(toOrg), nextCursor };
  }

  async count(scope: PortfolioScope, query: PortfolioOrgFilterDto): Promise<number> {
    const where = this.filtered(scope, query);
    const [{ total }] = await this.dataSource.query(`SELECT count(*)::int AS total FROM org_stats s WHERE ${where.sql}`, where.params);
    return total;
  }

  async findByPublicId(scope: PortfolioScope, publicOrgId: string): Promise<PortfolioOrgRow | null> {
    const where = new SqlConditions(scope, 's');
    where.add(`s.public_id = ${where.param(publicOrgId)}`);
    const [row]: OrgStatsRow[] = await this.dataSource.query(`SELECT ${COLUMNS} FROM org_stats s WHERE ${where.sql}`, where.params);
    return row ? toOrg(row) : null;
  }

  /** Every matching org in order, a page at a time, for exports: memory stays flat at any size. */
  async *all(scope: PortfolioScope, query: PortfolioOrgFilterDto, batch = 1000): AsyncGenerator<PortfolioOrgRow> {
    let cursor: string | undefined;
    do {
      const page = await this.page(scope, query, batch, cursor);
      yield* page.items;
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
  }

  private filtered(scope: PortfolioScope, query: PortfolioOrgFilterDto): SqlConditions {
    const where = new SqlConditions(scope, 's');
    if (query.search) {
      const named = `s.name_key LIKE ${where.param(containsPattern(query.search))}`;
      // Only a whole OrgID can match one: other searches leave the OrgID index out of the plan.
      where.add(isPublicOrgId(query.search) ? `(${named} OR s.public_id = ${where.param(query.search)})` : named);
    }
    if (query.status) where.add(`s.status = ${where.param(query.status)}`);
    if (query.hasLockouts !== undefined) where.add(query.hasLockouts ? 's.users_locked > 0' : 's.users_locked = 0');
    // Exact: covered * 100 < X * active, rather than comparing a rounded percentage.
    if (query.mfaBelow !== undefined) where.add(`s.users_active > 0 AND s.users_active_mfa * 100 < ${where.param(query.mfaBelow)}::int * s.users_active`);
    return where;
  }
}

interface OrgStatsRow {
  org_id: string;
  public_id: string;
  name: string;
  status: 'active' | 'suspended';
  users_total: number;
  users_active: number;
  users_suspended: number;
  users_staged: number;
  users_active_mfa: number;
  users_locked: number;
  systems_total: number;
  systems_active: number;
  admins: number;
  last_activity_at: Date | null;
  sort_key: string;
  keyset_id: string;
}

function toOrg(row: OrgStatsRow): PortfolioOrgRow {
  return {
    id: row.org_id,
    orgId: row.public_id,
    name: row.name,
    status: row.status,
    usersTotal: row.users_total,
    usersActive: row.users_active,
    usersSuspended: row.users_suspended,
    usersStaged: row.users_staged,
    usersLockedOut: row.users_locked,
    systemsTotal: row.systems_total,
    systemsActive: row.systems_active,
    admins: row.admins,
    mfaCoveragePercent: mfaCoveragePercent(row.users_active_mfa, row.users_active),
    lastActivityAt: row.last_activity_at,
  };
}
