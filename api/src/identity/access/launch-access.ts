import { Injectable } from '@nestjs/common';
import { DomainError } from '../../common/domain-error.js';
import type { OrgPermission } from './access-rules.js';
import type { OrgScope } from './org-access.js';
import type { LaunchPrincipal } from './principal.js';

/** The org a launch session acts in, and the partner's name for the audit trail. */
export interface LaunchedOrg {
  scope: OrgScope;
  partnerName: string;
}

export interface LaunchAccessResolver {
  /**
   * The org of this launch session when the route's org is that org: null for any other org (404).
   * Throws when the session has ended, expired or been revoked, or its role does not grant `permission`.
   */
  resolve(principal: LaunchPrincipal, publicOrgId: string, permission: OrgPermission): Promise<LaunchedOrg | null>;
}

/**
 * Identity verifies the org-console token; the sessions module knows whether its session still
 * holds and what its role may do. It registers here at start; without it, no launch token is accepted.
 */
@Injectable()
export class LaunchAccessDirectory {
  private resolver?: LaunchAccessResolver;

  register(resolver: LaunchAccessResolver): void {
    this.resolver = resolver;
  }

  resolve(principal: LaunchPrincipal, publicOrgId: string, permission: OrgPermission): Promise<LaunchedOrg | null> {
    if (!this.resolver) return Promise.reject(new DomainError('sessions.ended', 401, 'Launch sessions are not available'));
    return this.resolver.resolve(principal, publicOrgId, permission);
  }
}
