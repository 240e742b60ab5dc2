import type { AuditRecord } from '../audit/audit.service.js';
import type { RequestContext } from '../common/http/request-context.js';
import type { PartnerScope } from '../identity/access/partner-access.js';
import type { OrgActor } from '../orgs/org-actor.js';
import type { ActorKind } from './associations/partner-association.entity.js';

/** Who changes a partner's data: one of its admins, platform staff, or the platform itself (the seed). */
export interface PartnerActor {
  type: ActorKind;
  id: string | null;
  /** A readable name at the time (an email), kept because accounts change. */
  label: string | null;
  sessionId?: string | null;
  context?: RequestContext;
}

export function adminActor(scope: PartnerScope, context: RequestContext): PartnerActor {
  return { type: 'administrator', id: scope.administratorId, label: null, sessionId: scope.sessionId, context };
}

/** The same admin acting inside one of the partner's orgs, as the orgs module audits it (with the partner named). */
export function orgActorOf(scope: PartnerScope, context: RequestContext): OrgActor {
  return { principal: { kind: 'administrator', administratorId: scope.administratorId, sessionId: scope.sessionId }, context, partnerId: scope.partnerId };
}

export const SYSTEM_ACTOR: PartnerActor = { type: 'system', id: null, label: 'platform' };

export function partnerAudit(
  partnerId: string,
  actor: PartnerActor,
  action: string,
  target: { type: string; id: string },
  details?: Record<string, unknown>,
  orgId?: string,
): AuditRecord {
  return {
    actor: { type: actor.type, id: actor.id, label: actor.label, sessionId: actor.sessionId ?? null },
    action,
    outcome: 'success',
    partnerId,
    orgId: orgId ?? null,
    target,
    context: actor.context,
    details,
  };
}
