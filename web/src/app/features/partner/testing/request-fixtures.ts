import { type RequestEventDto, type SupportRequestDetailsDto, type SupportRequestDto, type SupportRequestPageDto } from '@mtp/api-client';

import { ACME } from '../../../../testing/org-console-fixtures';
import { ADA } from '../../../../testing/session-fixtures';

/** A general request Ada filed, still open. */
export function aRequest(overrides: Partial<SupportRequestDto> = {}): SupportRequestDto {
  return {
    id: '0f2a6c1e-8d7b-4e3a-9c5f-1b2d3e4f5a60', number: 12, kind: 'general', status: 'open', subject: 'VPN set-up for a branch',
    details: { message: 'Our Lyon branch needs the VPN profile.' }, org: null, createdBy: ADA.email,
    createdAt: '2026-11-20T09:30:00.000Z', updatedAt: '2026-11-20T09:30:00.000Z', closedAt: null, cancellable: true,
    ...overrides,
  };
}

/** A detach request about Acme. */
export function aDetachRequest(overrides: Partial<SupportRequestDto> = {}): SupportRequestDto {
  return aRequest({
    id: '1a2b3c4d-5e6f-4a7b-8c9d-0e1f2a3b4c5d', number: 13, kind: 'detach', subject: 'Detach an organization',
    details: { reason: 'They moved to another provider', effectiveDate: '2026-12-31' }, org: { orgId: ACME.orgId, name: ACME.orgName },
    ...overrides,
  });
}

export function anEvent(overrides: Partial<RequestEventDto> = {}): RequestEventDto {
  return { id: 'ev1', occurredAt: '2026-11-20T09:30:00.000Z', kind: 'filed', side: 'partner', actor: ADA.email, status: 'open', comment: null, ...overrides };
}

export function aRequestDetails(request: SupportRequestDto = aRequest(), timeline: RequestEventDto[] = [anEvent()]): SupportRequestDetailsDto {
  return { ...request, timeline };
}

export function aRequestPage(items: SupportRequestDto[], nextCursor: string | null = null): SupportRequestPageDto {
  return { items, nextCursor };
}
