import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import type { Request } from 'express';

/** Who is calling, as the access guard established it from the token, never from the request body. */
export type Principal =
  | { kind: 'administrator'; administratorId: string; sessionId: string }
  | { kind: 'mfa-enrollment'; administratorId: string }
  /** A partner admin in a launch session: `sessionId` is the launch session, `orgId` the public OrgID it is for. */
  | { kind: 'launch'; administratorId: string; sessionId: string; partnerId: string; orgId: string; partnerName?: string }
  /** Platform staff, signed in to the back-office (whose session the staff API shares). */
  | { kind: 'staff'; staffId: string; email: string };

export type AdministratorPrincipal = Extract<Principal, { kind: 'administrator' }>;
export type EnrollmentPrincipal = Extract<Principal, { kind: 'mfa-enrollment' }>;
export type LaunchPrincipal = Extract<Principal, { kind: 'launch' }>;
export type StaffPrincipal = Extract<Principal, { kind: 'staff' }>;
/** Who may call an org console route: one of the org's own admins, or a partner admin launched into it. */
export type OrgCaller = AdministratorPrincipal | LaunchPrincipal;

function principalOf(context: ExecutionContext, ...kinds: Principal['kind'][]): Principal {
  const principal = context.switchToHttp().getRequest<Request & { user?: Principal }>().user;
  // The guard ran before: a mismatch here is a route declaring one rule and reading another.
  if (!principal || !kinds.includes(principal.kind)) throw new Error(`Route expects a ${kinds.join(' or ')} principal`);
  return principal;
}

export const CurrentAdministrator = createParamDecorator((_: unknown, context: ExecutionContext) => principalOf(context, 'administrator'));
/** The caller of an `@OrgMember()` route: an own admin of the org or a launched partner admin. */
export const CurrentOrgCaller = createParamDecorator((_: unknown, context: ExecutionContext) => principalOf(context, 'administrator', 'launch'));
export const CurrentStaff = createParamDecorator((_: unknown, context: ExecutionContext) => principalOf(context, 'staff'));
export const CurrentEnrollment = createParamDecorator((_: unknown, context: ExecutionContext) => principalOf(context, 'mfa-enrollment'));

/** The org the access guard resolved for an `@OrgMember()` route. */
export const CurrentOrg = createParamDecorator((_: unknown, context: ExecutionContext) => {
  const scope = context.switchToHttp().getRequest<Request & { orgScope?: unknown }>().orgScope;
  if (!scope) throw new Error('Route reads an org scope but does not declare @OrgMember()');
  return scope;
});
