import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import type { Request } from 'express';

/** Who is calling, as the access guard established it from the token, never from the request body. */
export type Principal =
  | { kind: 'administrator'; administratorId: string; sessionId: string }
  | { kind: 'mfa-enrollment'; administratorId: string };

export type AdministratorPrincipal = Extract<Principal, { kind: 'administrator' }>;
export type EnrollmentPrincipal = Extract<Principal, { kind: 'mfa-enrollment' }>;

function principalOf(context: ExecutionContext, kind: Principal['kind']): Principal {
  const principal = context.switchToHttp().getRequest<Request & { user?: Principal }>().user;
  // The guard ran before: a mismatch here is a route declaring one rule and reading another.
  if (!principal || principal.kind !== kind) throw new Error(`Route expects a ${kind} principal`);
  return principal;
}

export const CurrentAdministrator = createParamDecorator((_: unknown, context: ExecutionContext) => principalOf(context, 'administrator'));
export const CurrentEnrollment = createParamDecorator((_: unknown, context: ExecutionContext) => principalOf(context, 'mfa-enrollment'));

/** The org the access guard resolved for an `@OrgMember()` route. */
export const CurrentOrg = createParamDecorator((_: unknown, context: ExecutionContext) => {
  const scope = context.switchToHttp().getRequest<Request & { orgScope?: unknown }>().orgScope;
  if (!scope) throw new Error('Route reads an org scope but does not declare @OrgMember()');
  return scope;
});
