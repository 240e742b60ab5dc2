import { type LaunchSessionDto } from '@mtp/api-client';

import { type PartnerRole } from '../partner/partner-role';

/** The partner roles the API lets launch: read-only admins only look. */
export const LAUNCHERS: readonly PartnerRole[] = ['owner', 'admin', 'manager', 'helpdesk'];

type EndedReason = NonNullable<LaunchSessionDto['endedReason']>;

const ENDED_WORDS: Record<EndedReason, string> = {
  expired: 'Its time ran out',
  ended_by_admin: 'Ended by the admin',
  ended_by_partner_admin: 'Ended by another admin of the partner',
  admin_removed: 'The admin left the partner',
  admin_suspended: 'The admin was suspended',
  admin_disabled: 'The admin’s account was disabled',
  role_changed: 'The admin’s role changed',
  org_access_removed: 'The admin no longer reaches this organization',
  partner_suspended: 'The partner was suspended',
  org_detached: 'The organization left the partner',
  signed_out: 'The admin signed out',
};

/** Why a session ended, in words; a reason the portal does not know yet is shown as the API names it. */
export function endedWords(reason: string | null): string {
  return reason ? (ENDED_WORDS[reason as EndedReason] ?? reason) : '';
}

/** Who launched, as a person reads it: the name when there is one, else the email. */
export function adminWords(admin: LaunchSessionDto['admin']): string {
  return admin.name || admin.email;
}

export function minutesWords(minutes: number): string {
  return minutes === 1 ? '1 minute' : `${minutes} minutes`;
}
