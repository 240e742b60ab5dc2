import type { OrgRef } from '../orgs/organizations/org-directory.service.js';
import type { SupportRequestEvent } from './support-request-event.entity.js';
import type { SupportRequest } from './support-request.entity.js';
import type { RequestEventDto, SupportRequestDetailsDto, SupportRequestDto } from './support-requests.dto.js';

/** Who reads a request: partners see staff as "Platform support", staff see who did what. */
export type Audience = 'partner' | 'staff';

/** `mayCancel`: whether the reader may cancel it while it is open (partners: whoever filed it, owners and admins). */
export function requestDto(request: SupportRequest, org: OrgRef | undefined, mayCancel: boolean): SupportRequestDto {
  return {
    id: request.id,
    number: Number(request.number),
    kind: request.kind,
    status: request.status,
    subject: request.subject,
    details: request.details,
    org: org ? { orgId: org.publicId, name: org.name } : null,
    createdBy: request.createdByLabel,
    createdAt: request.createdAt,
    updatedAt: request.updatedAt,
    closedAt: request.closedAt,
    cancellable: mayCancel && request.status === 'open',
  };
}

export function requestDetailsDto(request: SupportRequest, org: OrgRef | undefined, timeline: SupportRequestEvent[], audience: Audience, mayCancel: boolean): SupportRequestDetailsDto {
  return { ...requestDto(request, org, mayCancel), timeline: timeline.map((event) => eventDto(event, audience)) };
}

function eventDto(event: SupportRequestEvent, audience: Audience): RequestEventDto {
  const side = event.actorType === 'administrator' ? 'partner' : event.actorType === 'staff' ? 'staff' : 'platform';
  return {
    id: event.id,
    occurredAt: event.occurredAt,
    kind: event.kind,
    side,
    actor: side === 'staff' && audience === 'partner' ? 'Platform support' : event.actorLabel,
    status: event.status,
    comment: event.comment,
  };
}
