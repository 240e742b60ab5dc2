import type { RequestContext } from '../common/http/request-context.js';
import type { AuditRecord } from '../audit/audit.service.js';
import type { OrgScope } from '../identity/access/org-access.js';
import type { OrgCaller } from '../identity/access/principal.js';

/** Who changes an org, and from where: every change in the console is audited in their name. */
export interface OrgActor {
  principal: OrgCaller;
  context: RequestContext;
  /** Set when a partner's admin acts from the portal: the event then shows in the partner's audit too. */
  partnerId?: string;
}

/**
 * An org's audit event. A change made in a launch session reads "admin A of partner P, in session S,
 * in org O": the session is the event's session and is named in its details, the partner is set.
 */
export function orgAudit(scope: OrgScope, actor: OrgActor, action: string, target: { type: string; id: string }, details?: Record<string, unknown>): AuditRecord {
  const launched = actor.principal.kind === 'launch' ? actor.principal : null;
  return {
    actor: { type: 'administrator', id: actor.principal.administratorId, sessionId: actor.principal.sessionId },
    action,
    outcome: 'success',
    partnerId: launched?.partnerId ?? actor.partnerId ?? null,
    orgId: scope.orgId,
    target,
    context: actor.context,
    details: launched ? { ...details, launchSessionId: launched.sessionId, partnerName: launched.partnerName ?? null } : details,
  };
}

/** PostgreSQL's unique_violation: a concurrent or repeated create, answered as a conflict. */
export function isUniqueViolation(error: unknown): boolean {
  return (error as { code?: string; driverError?: { code?: string } })?.driverError?.code === '23505' || (error as { code?: string })?.code === '23505';
}
