import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { isUUID } from 'class-validator';
import { DataSource, type EntityManager } from 'typeorm';
import { AuditService } from '../../audit/audit.service.js';
import { NotFoundError } from '../../common/domain-error.js';
import { DEFAULT_PAGE_SIZE } from '../../common/http/page-query.dto.js';
import type { OrgScope } from '../../identity/access/org-access.js';
import { orgAudit, type OrgActor } from '../org-actor.js';
import { System } from './system.entity.js';
import type { ListSystemsQueryDto, SystemDto, SystemPageDto, SystemSort, UpdateSystemDto } from './systems.dto.js';

const SORT_COLUMNS: Record<SystemSort, string> = {
  hostname: 'system.hostname',
  osFamily: 'system.os_family',
  lastContactAt: 'system.last_contact_at',
  createdAt: 'system.created_at',
};
const notFound = () => new NotFoundError('orgs.system_not_found', 'There is no such system in this organization');

/** The org's systems (devices): listed, renamed, deactivated and removed in the console. */
@Injectable()
export class SystemsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
  ) {}

  async list(scope: OrgScope, query: ListSystemsQueryDto): Promise<SystemPageDto> {
    const builder = this.dataSource.getRepository(System).createQueryBuilder('system').where('system.org_id = :orgId', { orgId: scope.orgId });
    if (query.search) builder.andWhere(`lower(system.hostname) LIKE :prefix ESCAPE '\\'`, { prefix: `${query.search.replace(/[\\%_]/g, '\\$&')}%` });
    if (query.osFamily) builder.andWhere('system.os_family = :osFamily', { osFamily: query.osFamily });
    if (query.active !== undefined) builder.andWhere('system.active = :active', { active: query.active });
    const direction = query.order === 'desc' ? 'DESC' : 'ASC';
    const limit = query.limit ?? DEFAULT_PAGE_SIZE;
    const offset = query.offset ?? 0;
    const [items, total] = await builder
      .orderBy(SORT_COLUMNS[query.sort ?? 'hostname'], direction, direction === 'ASC' ? 'NULLS LAST' : 'NULLS FIRST')
      .addOrderBy('system.id', direction)
      .offset(offset)
      .limit(limit)
      .getManyAndCount();
    return { items: items.map(toDto), total, limit, offset };
  }

  async get(scope: OrgScope, systemId: string): Promise<SystemDto> {
    return toDto(await this.require(scope, systemId, this.dataSource.manager));
  }

  update(scope: OrgScope, systemId: string, input: UpdateSystemDto, actor: OrgActor): Promise<SystemDto> {
    return this.dataSource.transaction(async (manager) => {
      const system = await this.require(scope, systemId, manager);
      await manager.update(System, { orgId: scope.orgId, id: system.id }, input);
      await this.audit.record(manager, orgAudit(scope, actor, 'orgs.system.updated', { type: 'system', id: system.id }, { fields: Object.keys(input) }));
      return toDto(await this.require(scope, system.id, manager));
    });
  }

  async remove(scope: OrgScope, systemId: string, actor: OrgActor): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      const system = await this.require(scope, systemId, manager);
      await manager.delete(System, { orgId: scope.orgId, id: system.id });
      await this.audit.record(manager, orgAudit(scope, actor, 'orgs.system.deleted', { type: 'system', id: system.id }, { hostname: system.hostname }));
    });
  }

  private async require(scope: OrgScope, systemId: string, manager: EntityManager): Promise<System> {
    const system = isUUID(systemId) ? await manager.findOneBy(System, { orgId: scope.orgId, id: systemId }) : null;
    if (!system) throw notFound();
    return system;
  }
}

function toDto(system: System): SystemDto {
  const { id, hostname, osFamily, osVersion, agentVersion, active, lastContactAt, createdAt } = system;
  return { id, hostname, osFamily, osVersion, agentVersion, active, lastContactAt, createdAt };
}
