import { type InvitationPreviewDto } from '@mtp/api-client';

import { ApiProblem } from '../../core/http/api-problem';

export type PartnerRole = InvitationPreviewDto['role'];

/** Each role in words: its name, and what it lets an administrator do in the partner's portal. */
export const ROLES: Record<PartnerRole, { readonly label: string; readonly may: string }> = {
  owner: {
    label: 'owner',
    may: 'An owner manages everything: the partner’s administrators, its policy, and all its organizations.',
  },
  admin: {
    label: 'admin',
    may: 'An admin manages the partner’s organizations: their verification, launches into them, and requests.',
  },
  manager: {
    label: 'manager',
    may: 'A manager launches into the partner’s organizations and manages their content.',
  },
  helpdesk: {
    label: 'helpdesk',
    may: 'Helpdesk launches into organizations with limited rights: unlock users, reset their two-step sign-in, suspend and activate them.',
  },
  readonly: {
    label: 'read-only',
    may: 'Read-only sees the partner’s dashboards, without changing anything.',
  },
};

/** Why an invitation link leads nowhere; each has its own page. */
export type InvalidLink = 'not_found' | 'expired' | 'revoked' | 'used';

export const INVALID_LINKS: Record<InvalidLink, { readonly title: string; readonly text: string; readonly signIn: boolean }> = {
  not_found: {
    title: 'This invitation link does not work',
    text: 'We could not find this invitation. Open the link from the email again, making sure it is complete; if it still does not work, ask the owner of the partner that invited you to send the invitation again.',
    signIn: false,
  },
  expired: {
    title: 'This invitation has expired',
    text: 'Invitations are valid for a limited time, and this one has run out. Ask the owner of the partner that invited you to resend it: the new email will have a fresh link.',
    signIn: false,
  },
  revoked: {
    title: 'This invitation was withdrawn',
    text: 'The partner that invited you cancelled this invitation, so the link no longer works. If you think this is a mistake, ask its owner to invite you again.',
    signIn: false,
  },
  used: {
    title: 'This invitation was already accepted',
    text: 'Each invitation works once, and this one has been used. If it was you, sign in with your email and password. If not, ask the owner of the partner that invited you to send a new invitation.',
    signIn: true,
  },
};

const CODES: Record<string, InvalidLink> = {
  'invitations.not_found': 'not_found',
  'invitations.expired': 'expired',
  'invitations.revoked': 'revoked',
  'invitations.used': 'used',
};

/** Whether the failure says the link itself is no good, and why; a token cut short counts as unknown. */
export function invalidLink(error: unknown): InvalidLink | null {
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
