import { applyDecorators, SetMetadata } from '@nestjs/common';
import { ApiBearerAuth, ApiParam } from '@nestjs/swagger';

export const ACCESS_RULE = 'mtp:access-rule';

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
   * Someone who may manage the org named by the `orgId` route parameter: an admin of that org (and,
   * once launch exists, a partner admin in a launched session into it). Anyone else gets 404.
   */
  | { kind: 'org' }
  /** An active admin of an active partner whose role grants `permission` (see the partners module). */
  | { kind: 'partner'; permission: string }
  /** Platform staff (the back-office's API). */
  | { kind: 'staff' };

export const Public = () => SetMetadata(ACCESS_RULE, { kind: 'public' } satisfies AccessRule);

export const Administrator = () =>
  applyDecorators(SetMetadata(ACCESS_RULE, { kind: 'administrator' } satisfies AccessRule), ApiBearerAuth('portal'));

export const MfaEnrollment = () =>
  applyDecorators(SetMetadata(ACCESS_RULE, { kind: 'mfa-enrollment' } satisfies AccessRule), ApiBearerAuth('enrollment'));

export const OrgMember = () => applyDecorators(SetMetadata(ACCESS_RULE, { kind: 'org' } satisfies AccessRule), ApiBearerAuth('portal'));

/** Documents the `{orgId}` of org routes: the guard reads it, so no handler declares it. */
export const ApiOrgIdParam = () =>
  ApiParam({ name: 'orgId', type: String, description: 'The public OrgID: 24 lowercase hex characters', example: '5f9c0a1b2c3d4e5f60718293' });

export const Staff = () => applyDecorators(SetMetadata(ACCESS_RULE, { kind: 'staff' } satisfies AccessRule), ApiBearerAuth('staff'));
