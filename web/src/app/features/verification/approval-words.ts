import { type VerificationRequestPreviewDto } from '@mtp/api-client';

import { ApiProblem } from '../../core/http/api-problem';

/** Why an approval link leads nowhere; each has its own page. */
export type DeadLink = 'not_found' | 'expired' | 'void' | 'associated';

export const DEAD_LINKS: Record<DeadLink, { readonly title: string; readonly text: string }> = {
  not_found: {
    title: 'This link does not work',
    text: 'We could not find this request. Open the link from the email again, making sure it is complete. If it still does not work, ask the partner to send a new request.',
  },
  expired: {
    title: 'This request has expired',
    text: 'A request is valid for a limited time, and this one has run out. Nothing has changed for your organization. If you want the partner to manage it, ask the partner to send a new request.',
  },
  void: {
    title: 'This request can no longer be answered',
    text: 'It was already approved or declined, the partner cancelled it, or its code was entered wrongly too often: each link works once. Nothing more is needed from you; if this is unexpected, contact the partner.',
  },
  associated: {
    title: 'Already managed by a partner',
    text: 'This organization is already managed by a partner, so another partner cannot be approved for it. If this is unexpected, ask the other admins of your organization.',
  },
};

const CODES: Record<string, DeadLink> = {
  'verification.not_found': 'not_found',
  'verification.expired': 'expired',
  'verification.void': 'void',
  'partners.org_associated': 'associated',
};

/** Whether the failure says the link itself is no good, and why; a token cut short counts as unknown. */
export function deadLink(error: unknown): DeadLink | null {
  if (!(error instanceof ApiProblem)) {
    return null;
  }
  const reason = error.code ? CODES[error.code] : undefined;
  if (reason) {
    return reason;
  }
  const tokenRefused = error.code === 'request.validation_failed' && error.errors.some((field) => field.field === 'token');
  return tokenRefused ? 'not_found' : null;
}

const KIND_WORDS: Record<VerificationRequestPreviewDto['partnerKind'], string> = { msp: 'an MSP', enterprise: 'an enterprise' };

export function partnerKindWords(kind: string): string {
  return KIND_WORDS[kind as VerificationRequestPreviewDto['partnerKind']] ?? kind;
}
