import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { AuditService } from '../audit/audit.service.js';
import { Clock } from '../common/clock.js';
import { DomainError, ValidationFailedError } from '../common/domain-error.js';
import { partnerAudit, type PartnerActor } from '../partners/partner-actor.js';
import { SupportRequestEvent, type RequestEventKind } from './support-request-event.entity.js';
import { CLOSED_STATUSES, SupportRequest, type RequestStatus } from './support-request.entity.js';

/** Which status may follow which: a closed request stays closed. */
const NEXT: Record<RequestStatus, readonly RequestStatus[]> = {
  open: ['in_progress', 'resolved', 'rejected', 'cancelled'],
  in_progress: ['resolved', 'rejected'],
  resolved: [],
  rejected: [],
  cancelled: [],
};

const WORDS: Record<RequestStatus, string> = {
  open: 'open',
  in_progress: 'in progress',
  resolved: 'resolved',
  rejected: 'rejected',
  cancelled: 'cancelled',
};

/**
 * Every change to a request, from either side, in the caller's transaction: the row, its timeline
 * entry and an audit event together, so the timeline is never out of step with the status.
 */
@Injectable()
export class RequestChanges {
  constructor(
    private readonly audit: AuditService,
    private readonly clock: Clock,
  ) {}

  async setStatus(manager: EntityManager, request: SupportRequest, status: RequestStatus, actor: PartnerActor, comment: string | null, fields: Pick<Partial<SupportRequest>, 'assigneeId'> = {}): Promise<void> {
    if (!NEXT[request.status].includes(status)) {
      throw new DomainError('support.invalid_transition', 409, `Request ${request.number} is ${WORDS[request.status]}: it cannot become ${WORDS[status]}`);
    }
    comment = checkedComment(comment, false);
    const now = this.clock.now();
    await manager.update(SupportRequest, { id: request.id }, { ...fields, status, updatedAt: now, closedAt: CLOSED_STATUSES.includes(status) ? now : null });
    await this.addEvent(manager, request, actor, 'status', { status, comment });
    await this.audit.record(manager, partnerAudit(request.partnerId, actor, 'support.request.status_changed', target(request), { from: request.status, to: status }, request.orgId ?? undefined));
    Object.assign(request, fields, { status });
  }

  async comment(manager: EntityManager, request: SupportRequest, actor: PartnerActor, text: string): Promise<void> {
    const comment = checkedComment(text, true)!;
    if (CLOSED_STATUSES.includes(request.status)) {
      throw new DomainError('support.request_closed', 409, `Request ${request.number} is ${WORDS[request.status]}; file a new request to go on`);
    }
    await manager.update(SupportRequest, { id: request.id }, { updatedAt: this.clock.now() });
    await this.addEvent(manager, request, actor, 'comment', { comment });
    await this.audit.record(manager, partnerAudit(request.partnerId, actor, 'support.request.commented', target(request), undefined, request.orgId ?? undefined));
  }

  async addEvent(manager: EntityManager, request: SupportRequest, actor: PartnerActor, kind: RequestEventKind, content: { status?: RequestStatus; comment?: string | null } = {}): Promise<void> {
    await manager.insert(SupportRequestEvent, {
      requestId: request.id,
      occurredAt: this.clock.now(),
      actorType: actor.type,
      actorId: actor.id,
      actorLabel: actor.label,
      kind,
      status: content.status ?? null,
      comment: content.comment ?? null,
    });
  }
}

/** A comment as every caller must give it (the API's DTOs check the same; the back-office's forms rely on this). */
export function checkedComment(value: string | null | undefined, required: boolean): string | null {
  const comment = value?.trim() || null;
  if (!comment && required) throw new ValidationFailedError([{ field: 'comment', messages: ['Write a comment'] }]);
  if (comment && comment.length > 5000) throw new ValidationFailedError([{ field: 'comment', messages: ['A comment has at most 5,000 characters'] }]);
  return comment;
}

export function statusWords(status: RequestStatus): string {
  return WORDS[status];
}

function target(request: SupportRequest) {
  return { type: 'support_request', id: request.id };
}
