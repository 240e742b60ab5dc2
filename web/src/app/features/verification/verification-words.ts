import { type AbstractControl, type ValidationErrors } from '@angular/forms';
import { type VerificationDto } from '@mtp/api-client';

import { ApiProblem } from '../../core/http/api-problem';
import { partnerProblem } from '../partner/partner-words';

/** The public OrgID: 24 hexadecimal characters, which the API stores in lower case. */
export const ORG_ID = /^[0-9a-f]{24}$/;

export function normalizeOrgId(value: string): string {
  return value.trim().toLowerCase();
}

/** What a browser's email field accepts, near enough: the API has the last word. */
export const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** The code's alphabet is Crockford's base32: digits and capitals without I, L, O and U. */
const CODE = /^[0-9A-HJKMNP-TV-Z]{8}$/;

/** People copy "ab12-cd34" or read an O for a 0 off an email: the code is sent as the API expects it. */
export function normalizeCode(value: string): string {
  // Crockford's own rule: O reads as 0, I and L as 1, so a misread letter costs no attempt.
  return value.replace(/[\s-]+/g, '').toUpperCase().replace(/O/g, '0').replace(/[IL]/g, '1');
}

export function codeShape(control: AbstractControl<string>): ValidationErrors | null {
  const code = normalizeCode(control.value ?? '');
  return code === '' || CODE.test(code) ? null : { code: true };
}

export function orgIdShape(control: AbstractControl<string>): ValidationErrors | null {
  const orgId = normalizeOrgId(control.value ?? '');
  return orgId === '' || ORG_ID.test(orgId) ? null : { orgId: true };
}

const STATUS_WORDS: Record<VerificationDto['status'], string> = {
  pending: 'Pending',
  verified: 'Verified',
  declined: 'Declined',
  cancelled: 'Cancelled',
  void: 'No longer valid',
  expired: 'Expired',
};

export function verificationStatusWord(status: string): string {
  return STATUS_WORDS[status as VerificationDto['status']] ?? status;
}

/** "about 14 minutes" from a Retry-After, for both "wait …" and "continue in …". */
export function waitWords(seconds: number | null): string {
  if (seconds === null) {
    return 'a few minutes';
  }
  const minutes = Math.max(1, Math.ceil(seconds / 60));
  return `about ${minutes} minute${minutes === 1 ? '' : 's'}`;
}

/** The portal's words for the verification routes' refusals. */
const WORDS: Record<string, string | ((problem: ApiProblem) => string)> = {
  // The API's detail says how many attempts remain, which only it knows.
  'verification.code_invalid': (problem) => problem.detail ?? 'That code is not right. Check it in the email and try again.',
  'verification.expired': 'This code has expired: a code is valid for 30 minutes after it was sent.',
  'verification.void':
    'This request can no longer be completed: the code was entered wrongly too often, or the request was cancelled, declined or already used. Start a new request if needed.',
  'verification.not_found': 'This request is no longer there: someone may have cancelled it.',
  'verification.too_many': (problem) => `Too many verification requests for now. Wait ${waitWords(problem.retryAfterSeconds)}, then try again.`,
  'partners.org_associated': 'This organization is already managed by a partner, so it cannot be added.',
  'partners.org_already_yours': 'This organization is already managed by your partner.',
};

/** A failed verification call in words; `doing` names what was tried, for failures without words here. */
export function verificationProblem(error: unknown, doing: string): string {
  if (error instanceof ApiProblem && error.code) {
    const words = WORDS[error.code];
    if (words) {
      return typeof words === 'string' ? words : words(error);
    }
  }
  return partnerProblem(error, doing);
}
