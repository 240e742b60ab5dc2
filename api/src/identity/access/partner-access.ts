import { Injectable } from '@nestjs/common';
import { DomainError } from '../../common/domain-error.js';
import type { AdministratorPrincipal } from './principal.js';

/** The partner a request acts for, as the access guard resolved it from the caller's membership. */
export interface PartnerScope {
  /** What every partner-scoped query takes. */
  partnerId: string;
  partnerName: string;
  administratorId: string;
  sessionId: string;
  role: string;
  /** `all` orgs of the partner, or only those listed for this admin. */
  orgAccess: 'all' | 'selected';
}

export interface PartnerAccessResolver {
  /** The caller's partner when their role grants `permission`; throws the reason otherwise. */
  resolve(principal: AdministratorPrincipal, permission: string): Promise<PartnerScope>;
}

/**
 * Identity knows who the caller is; the partners module knows their partner and role. It registers
 * its resolver here at start; without one, every partner route is refused.
 */
@Injectable()
export class PartnerAccessDirectory {
  private resolver?: PartnerAccessResolver;

  register(resolver: PartnerAccessResolver): void {
    this.resolver = resolver;
  }

  resolve(principal: AdministratorPrincipal, permission: string): Promise<PartnerScope> {
    if (!this.resolver) return Promise.reject(new DomainError('partners.not_member', 403, 'You are not an admin of a partner'));
    return this.resolver.resolve(principal, permission);
  }
}
