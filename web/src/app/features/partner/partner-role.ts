import { type MeDto, type PartnerAdminDto } from '@mtp/api-client';

export type PartnerRole = PartnerAdminDto['role'];
export type OrgAccess = PartnerAdminDto['orgAccess'];

/** From most to least powerful, as the API ranks them. */
export const PARTNER_ROLES: readonly PartnerRole[] = ['owner', 'admin', 'manager', 'helpdesk', 'readonly'];

/** Who may open the partner's admins page: the API lists them to these roles only. */
export const ADMINS_VIEWERS: readonly PartnerRole[] = ['owner', 'admin'];

/**
 * Who may ask platform staff to detach an org, and cancel any of the partner's requests: the roles
 * that manage the portfolio. The API decides; the portal only hides what it would refuse.
 */
export const DETACHERS: readonly PartnerRole[] = ['owner', 'admin'];

/**
 * The caller's role in their partner, or null for someone of no partner. An administrator belongs
 * to at most one partner, so the first membership is the only one; a role the portal does not know
 * yet counts as none rather than guessing what it may do.
 */
export function partnerRoleOf(me: MeDto | null): PartnerRole | null {
  const role = me?.partnerMemberships[0]?.role;
  return role && (PARTNER_ROLES as readonly string[]).includes(role) ? (role as PartnerRole) : null;
}
