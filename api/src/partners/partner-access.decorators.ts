import { applyDecorators, createParamDecorator, SetMetadata, type ExecutionContext } from '@nestjs/common';
import { ApiBearerAuth, ApiForbiddenResponse } from '@nestjs/swagger';
import type { Request } from 'express';
import { ACCESS_RULE, type AccessRule } from '../identity/access/access-rules.js';
import type { PartnerScope } from '../identity/access/partner-access.js';
import type { PartnerPermission } from './partner-roles.js';

/** A partner route: an active admin of an active partner whose role grants `permission`. */
export const PartnerAdmin = (permission: PartnerPermission) =>
  applyDecorators(
    SetMetadata(ACCESS_RULE, { kind: 'partner', permission } satisfies AccessRule),
    ApiBearerAuth('portal'),
    ApiForbiddenResponse({ description: 'partners.not_member, partners.suspended or partners.forbidden (problem+json)' }),
  );

/** The partner the access guard resolved for a `@PartnerAdmin()` route: from the token, never the body. */
export const CurrentPartner = createParamDecorator((_: unknown, context: ExecutionContext): PartnerScope => {
  const scope = context.switchToHttp().getRequest<Request & { partnerScope?: PartnerScope }>().partnerScope;
  if (!scope) throw new Error('Route reads a partner scope but does not declare @PartnerAdmin()');
  return scope;
});
