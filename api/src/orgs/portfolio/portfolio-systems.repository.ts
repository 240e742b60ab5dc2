import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { sortName } from '../../common/http/keyset-cursor.js';
import { keysetPage } from './keyset-page.js';
import type { KeysetPage } from './portfolio-query.js';
import { SqlConditions, type PortfolioScope } from './portfolio-scope.js';
import type { PortfolioSystemDto, PortfolioSystemQueryDto, PortfolioSystemSort } from './portfolio-systems.dto.js';

const SORT_KEYS: Record<PortfolioSystemSort, { sql: string; type: string }> = {
  hostname: { sql: 'y.hostname', type: 'text' },
  lastContactAt: { sql: `coalesce(y.last_contact_at, '-infinity'::timestamptz)`, type: 'timestamptz' },
};

/** Systems across a partner's orgs: the systems tab. */
@Injectable()
export class PortfolioSystemsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async page(scope: PortfolioScope, query: Omit<PortfolioSystemQueryDto, 'orgId'> & { orgId?: string }): Promise<KeysetPage<PortfolioSystemDto>> {
    const sort = query.sort ?? 'hostname';
    const order = query.order ?? 'asc';
    const where = new SqlConditions(scope, 'y');
    if (query.orgId) where.add(`y.org_id = ${where.param(query.orgId)}::uuid`);
    if (query.osFamily) where.add(`y.os_family = ${where.param(query.osFamily)}`);
    if (query.active !== undefined) where.add(`y.active = ${where.param(query.active)}`);
    const { rows, nextCursor } = await keysetPage<SystemRow>(this.dataSource, {
      select: 'y.id, y.hostname, y.os_family, y.os_version, y.agent_version, y.active, y.last_contact_at, y.created_at, s.public_id, s.name AS org_name',
      from: 'systems y JOIN org_stats s ON s.org_id = y.org_id',
      where,
      key: SORT_KEYS[sort],
      id: 'y.id',
      order,
      limit: query.limit!,
      sortName: sortName(sort, order),
      cursor: query.cursor,
    });
    return {
      items: rows.map((row) => ({
        id: row.id,
        org: { orgId: row.public_id, name: row.org_name },
        hostname: row.hostname,
        osFamily: row.os_family,
        osVersion: row.os_version,
        agentVersion: row.agent_version,
        active: row.active,
        lastContactAt: row.last_contact_at,
        createdAt: row.created_at,
      })),
      nextCursor,
    };
  }
}

interface SystemRow {
  id: string;
  hostname: string;
  os_family: PortfolioSystemDto['osFamily'];
  os_version: string;
  agent_version: string;
  active: boolean;
  last_contact_at: Date | null;
  created_at: Date;
  public_id: string;
  org_name: string;
  sort_key: string;
  keyset_id: string;
}
