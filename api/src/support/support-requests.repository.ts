import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import { decodeCursor, encodeCursor } from '../common/http/keyset-cursor.js';
import { SupportRequestEvent } from './support-request-event.entity.js';
import { SupportRequest, type RequestKind, type RequestStatus } from './support-request.entity.js';

export interface RequestFilter {
  partnerId?: string;
  kind?: RequestKind;
  status?: RequestStatus;
  createdBefore?: Date;
  /**
   * For an admin who reaches only some orgs: detach requests about other orgs are left out, unless
   * they filed them.
   */
  detachVisibleTo?: { administratorId: string; orgIds: string[] };
  limit: number;
  cursor?: string;
}

const SORT = 'number:desc';

/** Support requests and their timelines in SQL: the support module owns both tables. */
@Injectable()
export class SupportRequestsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async page(filter: RequestFilter): Promise<{ rows: SupportRequest[]; nextCursor: string | null }> {
    const query = this.dataSource.manager
      .createQueryBuilder(SupportRequest, 'r')
      .orderBy('r.number', 'DESC')
      .limit(filter.limit + 1);
    if (filter.partnerId) query.andWhere('r.partner_id = :partnerId', { partnerId: filter.partnerId });
    if (filter.kind) query.andWhere('r.kind = :kind', { kind: filter.kind });
    if (filter.status) query.andWhere('r.status = :status', { status: filter.status });
    if (filter.createdBefore) query.andWhere('r.created_at <= :createdBefore', { createdBefore: filter.createdBefore });
    if (filter.detachVisibleTo) {
      query.andWhere(`(r.kind <> 'detach' OR r.created_by_id = :viewer OR r.org_id = ANY(CAST(:reach AS uuid[])))`, {
        viewer: filter.detachVisibleTo.administratorId,
        reach: filter.detachVisibleTo.orgIds,
      });
    }
    if (filter.cursor) {
      // Newest first: continue with the requests filed before the last one shown.
      query.andWhere('r.number < CAST(:key AS bigint)', { key: decodeCursor(filter.cursor, SORT, 'int').key });
    }
    const entities = await query.getMany();
    const rows = entities.slice(0, filter.limit);
    const last = rows[rows.length - 1];
    return { rows, nextCursor: entities.length > filter.limit && last ? encodeCursor({ sort: SORT, key: String(last.number), id: last.id }) : null };
  }

  find(id: string, manager: EntityManager = this.dataSource.manager): Promise<SupportRequest | null> {
    return manager.findOneBy(SupportRequest, { id });
  }

  /** The request, locked for a change: two staff acting at once take turns, and the second sees the first's result. */
  lock(manager: EntityManager, id: string): Promise<SupportRequest | null> {
    return manager.findOne(SupportRequest, { where: { id }, lock: { mode: 'pessimistic_write' } });
  }

  timeline(requestId: string, manager: EntityManager = this.dataSource.manager): Promise<SupportRequestEvent[]> {
    return manager.find(SupportRequestEvent, { where: { requestId }, order: { id: 'ASC' } });
  }

  /** The open (or in progress) detach request of an org, if any. */
  openDetachOf(orgId: string, manager: EntityManager = this.dataSource.manager): Promise<SupportRequest | null> {
    return manager
      .createQueryBuilder(SupportRequest, 'r')
      .where(`r.org_id = :orgId AND r.kind = 'detach' AND r.status IN ('open', 'in_progress')`, { orgId })
      .setLock('pessimistic_write')
      .getOne();
  }
}
