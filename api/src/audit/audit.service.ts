import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import type { QueryDeepPartialEntity } from 'typeorm/query-builder/QueryPartialEntity.js';
import type { RequestContext } from '../common/http/request-context.js';
import { AuditEvent, type AuditActorType, type AuditOutcome } from './audit-event.entity.js';

export interface AuditActor {
  type: AuditActorType;
  id?: string | null;
  /** A readable name for the actor at the time (an email); kept because accounts change. */
  label?: string | null;
  sessionId?: string | null;
}

export interface AuditRecord {
  actor: AuditActor;
  /** Stable dotted name, e.g. `auth.login.succeeded`. */
  action: string;
  outcome: AuditOutcome;
  partnerId?: string | null;
  orgId?: string | null;
  target?: { type: string; id: string };
  context?: RequestContext;
  /** Small, and never a secret. */
  details?: Record<string, unknown>;
}

const FORBIDDEN_DETAIL_KEYS = /password|secret|token|code|hash/i;

/** The audit trail. Events are written inside the caller's transaction, so they land with the change. */
@Injectable()
export class AuditService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async record(manager: EntityManager, record: AuditRecord): Promise<void> {
    const details = record.details ?? {};
    const leaked = Object.keys(details).filter((key) => FORBIDDEN_DETAIL_KEYS.test(key));
    if (leaked.length > 0) throw new Error(`Audit details must not carry secrets (${leaked.join(', ')})`);
    await manager.insert(AuditEvent, {
      actorType: record.actor.type,
      actorId: record.actor.id ?? null,
      actorLabel: record.actor.label ?? null,
      sessionId: record.actor.sessionId ?? null,
      partnerId: record.partnerId ?? null,
      orgId: record.orgId ?? null,
      action: record.action,
      targetType: record.target?.type ?? null,
      targetId: record.target?.id ?? null,
      outcome: record.outcome,
      ip: record.context?.ip ?? null,
      userAgent: record.context?.userAgent ?? null,
      requestId: record.context?.requestId ?? null,
      // TypeORM's deep-partial typing does not follow a free-form JSON column.
      details: details as QueryDeepPartialEntity<AuditEvent>['details'],
    });
  }

  /** For events that change nothing else (a failed sign-in): recorded in a transaction of their own. */
  recordAlone(record: AuditRecord): Promise<void> {
    return this.record(this.dataSource.manager, record);
  }

  /** An org's activity, newest first, paged by event id: what its own admins see in their console. */
  listForOrg(orgId: string, page: { limit: number; before?: string }): Promise<AuditEvent[]> {
    const query = this.dataSource.getRepository(AuditEvent).createQueryBuilder('event').where('event.org_id = :orgId', { orgId });
    if (page.before) query.andWhere('event.id < :before', { before: page.before });
    return query.orderBy('event.id', 'DESC').limit(page.limit).getMany();
  }

  /** The newest events of one actor, newest first: used by tests and, later, the audit views. */
  listForActor(actorType: AuditActorType, actorId: string, limit = 50): Promise<AuditEvent[]> {
    return this.dataSource.getRepository(AuditEvent).find({ where: { actorType, actorId }, order: { id: 'DESC' }, take: limit });
  }
}
