import { applyDecorators, SetMetadata } from '@nestjs/common';
import { ApiBearerAuth, ApiParam } from '@nestjs/swagger';

export const ACCESS_RULE = 'mtp:access-rule';

/**
 * What an org console route does, as far as a launched partner admin is concerned: look, help users
 * (unlock, reset MFA, suspend, activate), manage the org, or oversee the partner itself, which only
 * the org's own admins do.
 */
export const ORG_PERMISSIONS = ['org.view', 'users.support', 'org.manage', 'org.oversight'] as const;
export type OrgPermission = (typeof ORG_PERMISSIONS)[number];

/**
 * Who may call a route. Every route declares exactly one rule; the global access guard refuses any
 * route that declares none, and a test walks every route of the app to prove it.
 */
export type AccessRule =
  /** Anyone, signed in or not. */
  | { kind: 'public' }
  /** An administrator with a full portal session (password and MFA done). */
  | { kind: 'administrator' }
  /** An administrator part-way through sign-in: only the MFA enrollment routes accept this. */
  | { kind: 'mfa-enrollment' }
  /**
   * Someone who may manage the org named by the `orgId` route parameter: an admin of that org, who
   * may do everything, or a partner admin in a launch session into it, whose partner role must grant
   * `permission` there. Anyone else gets 404.
   */
  | { kind: 'org'; permission: OrgPermission }
  /** An active admin of an active partner whose role grants `permission` (see the partners module). */
  | { kind: 'partner'; permission: string }
  /** Platform staff (the back-office's API). */
  | { kind: 'staff' };

export const Public = () => SetMetadata(ACCESS_RULE, { kind: 'public' } satisfies AccessRule);

export const Administrator = () =>
  applyDecorators(SetMetadata(ACCESS_RULE, { kind: 'administrator' } satisfies AccessRule), ApiBearerAuth('portal'));

export const MfaEnrollment = () =>
  applyDecorators(SetMetadata(ACCESS_RULE, { kind: 'mfa-enrollment' } satisfies AccessRule), ApiBearerAuth('enrollment'));

/** An org console route; without a permission it counts as managing the org (deny by default). */
export const OrgMember = (permission: OrgPermission = 'org.manage') =>
  applyDecorators(SetMetadata(ACCESS_RULE, { kind: 'org', permission } satisfies AccessRule), ApiBearerAuth('portal'), ApiBearerAuth('org-console'));

/** Documents the `{orgId}` of org routes: the guard reads it, so no handler declares it. */
export const ApiOrgIdParam = () =>
  ApiParam({ name: 'orgId', type: String, description: 'The public OrgID: 24 lowercase hex characters', example: '5f9c0a1b2c3d4e5f60718293' });

export const Staff = () => applyDecorators(SetMetadata(ACCESS_RULE, { kind: 'staff' } satisfies AccessRule), ApiBearerAuth('staff'));
