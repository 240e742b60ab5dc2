import { type PartnerAssociationDto, type PartnerInvitationDto, type PartnerOrgRefDto, type PartnerSettingsDto } from '@mtp/api-client';

import { ApiProblem } from '../../core/http/api-problem';
import { problemMessage } from '../../core/http/problem-message';
import { type PartnerRole } from './partner-role';

export const ROLE_WORDS: Record<PartnerRole, { readonly name: string; readonly description: string }> = {
  owner: { name: 'Owner', description: 'Everything, including the partner’s settings and its admins' },
  admin: { name: 'Admin', description: 'Runs the organizations and sees the partner’s admins' },
  manager: { name: 'Manager', description: 'Works inside the organizations they can reach' },
  helpdesk: { name: 'Helpdesk', description: 'Helps the users of the organizations they can reach' },
  readonly: { name: 'Read-only', description: 'Looks at the organizations they can reach, changes nothing' },
};

export function roleWord(role: string): string {
  return ROLE_WORDS[role as PartnerRole]?.name ?? role;
}

const INVITATION_STATUS_WORDS: Record<PartnerInvitationDto['status'], string> = {
  pending: 'Pending',
  expired: 'Expired',
  accepted: 'Accepted',
  revoked: 'Revoked',
};

export function invitationStatusWord(status: string): string {
  return INVITATION_STATUS_WORDS[status as PartnerInvitationDto['status']] ?? status;
}

const KIND_WORDS: Record<PartnerSettingsDto['kind'], string> = { msp: 'Managed service provider', enterprise: 'Enterprise' };

export function kindWord(kind: string): string {
  return KIND_WORDS[kind as PartnerSettingsDto['kind']] ?? kind;
}

const ASSOCIATION_WORDS: Record<PartnerAssociationDto['source'], string> = {
  created: 'Created by your partner',
  verified: 'Verified through one of its admins',
  staff: 'Attached by platform staff',
};

/** How an org came to the partner, and by whom when known: "Created by your partner, by ada@…". */
export function associationWords(association: Pick<PartnerAssociationDto, 'source' | 'by'>): string {
  const how = ASSOCIATION_WORDS[association.source] ?? association.source;
  return association.by ? `${how}, by ${association.by}` : how;
}

export function orgStatusWord(status: string): string {
  return status === 'active' ? 'Active' : status === 'suspended' ? 'Suspended' : status;
}

/** How many org names a table cell shows before the rest go to its tooltip. */
const NAMES_SHOWN = 2;

/** An admin's reach in a few words; the full list of names is `accessList`, for the tooltip. */
export function accessWords(access: string, orgs: readonly PartnerOrgRefDto[]): string {
  if (access === 'all') {
    return 'All organizations';
  }
  if (orgs.length === 0) {
    return 'No organizations';
  }
  const shown = orgs.slice(0, NAMES_SHOWN).map((org) => org.name).join(', ');
  return orgs.length > NAMES_SHOWN ? `${shown} +${orgs.length - NAMES_SHOWN} more` : shown;
}

export function accessList(access: string, orgs: readonly PartnerOrgRefDto[]): string {
  return access === 'all' || orgs.length <= NAMES_SHOWN ? '' : orgs.map((org) => org.name).join(', ');
}

/** The portal's own words for the partner routes' refusals; the API's `detail` is not a contract. */
const WORDS: Record<string, string> = {
  'partners.last_owner': 'A partner keeps at least one active owner: make another admin an owner first.',
  'partners.forbidden': 'Your role in the partner may not do this.',
  'partners.not_member': 'You are no longer an admin of an active partner.',
  'partners.admin_exists': 'This person is already an admin of this partner.',
  'partners.other_partner': 'This person is an admin of another partner, and an admin belongs to one partner only.',
  'partners.org_not_found': 'One of the chosen organizations is no longer with this partner. Choose again.',
  'partners.mfa_required': 'Two-step sign-in stays required for every admin of a partner.',
};

/** A failed partner call in words; `doing` names what was tried, for failures without words here. */
export function partnerProblem(error: unknown, doing: string): string {
  if (error instanceof ApiProblem) {
    const words = error.code ? WORDS[error.code] : undefined;
    if (words) {
      return words;
    }
    if (error.status === 404) {
      return 'It is no longer there: someone may have removed it. The list is shown again as it is now.';
    }
  }
  return problemMessage(error, doing);
}
