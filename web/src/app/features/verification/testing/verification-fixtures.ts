import { type TestRequest } from '@angular/common/http/testing';
import { type BulkVerificationRowDto, type VerificationDto, type VerificationPageDto, type VerificationRequestPreviewDto } from '@mtp/api-client';

import { PROBLEM_CONTENT_TYPE } from '@mtp/contract';

import { ACME } from '../../../../testing/org-console-fixtures';

export const VERIFICATIONS = '/api/v1/partner/verifications';
export const BULK = `${VERIFICATIONS}/bulk`;

/** What the API answers to every request, real or not: it never says whether the pair matched. */
export function neutralMessage(email: string, orgId: string): string {
  return `If ${email} is an admin of organization ${orgId}, a code has been sent to it.`;
}

export function aVerification(overrides: Partial<VerificationDto> = {}): VerificationDto {
  const orgId = overrides.orgId ?? ACME.orgId;
  const email = overrides.email ?? 'it@acme.example';
  return {
    id: 'v1', orgId, email, status: 'pending', requestedBy: 'ada@partner.example', createdAt: '2026-11-20T09:00:00.000Z',
    expiresAt: '2026-11-20T09:30:00.000Z', lastSentAt: '2026-11-20T09:00:00.000Z', sentCount: 1, completedAt: null, orgName: null,
    message: neutralMessage(email, orgId),
    ...overrides,
  };
}

export function aVerificationPage(items: VerificationDto[], total = items.length, offset = 0, limit = 25): VerificationPageDto {
  return { items, total, limit, offset };
}

export function aPreview(overrides: Partial<VerificationRequestPreviewDto> = {}): VerificationRequestPreviewDto {
  return {
    partnerName: 'Northwind MSP', partnerKind: 'msp', orgName: ACME.orgName, orgId: ACME.orgId, email: 'it@acme.example',
    requestedBy: 'ada@partner.example', expiresAt: '2026-11-20T09:30:00.000Z',
    ...overrides,
  };
}

/** The answer of a bulk call that requested every row it was sent. */
export function requestedRows(request: TestRequest): BulkVerificationRowDto[] {
  const rows = (request.request.body as { rows: { orgId: string; email: string }[] }).rows;
  return rows.map(({ orgId, email }, index) => ({ orgId, email, outcome: 'requested', verificationId: `v${index}`, message: neutralMessage(email, orgId) }));
}

/** A 24-hex OrgID, different for each number. */
export function orgIdOf(n: number): string {
  return n.toString(16).padStart(24, 'a');
}

/** Answers as the API does when a rate limit is reached, with how long to wait. */
export function flushTooMany(request: TestRequest, retryAfterSeconds = 600): void {
  request.flush(
    { type: 'about:blank', title: 'Too Many Requests', status: 429, code: 'verification.too_many', detail: 'Too many requests' },
    { status: 429, statusText: 'Too Many Requests', headers: { 'Content-Type': PROBLEM_CONTENT_TYPE, 'Retry-After': String(retryAfterSeconds) } },
  );
}
