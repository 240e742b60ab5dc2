import { Injectable } from '@nestjs/common';
import type { AdministratorPrincipal } from './principal.js';

/** The org a request acts in, as the access guard resolved it from the route's public OrgID. */
export interface OrgScope {
  /** Internal id: what every org-scoped query takes. */
  orgId: string;
  /** The 24-hex OrgID people see. */
  publicId: string;
  name: string;
}

export interface OrgAccessResolver {
  /** The org, if this principal may manage it; null when it does not exist or is out of reach alike. */
  resolve(principal: AdministratorPrincipal, publicOrgId: string): Promise<OrgScope | null>;
}

/**
 * Identity decides who the caller is; the orgs module decides which orgs they reach. It registers its
 * resolver here at start, so that identity needs no knowledge of org tables. Without one, every
 * org route is refused.
 */
@Injectable()
export class OrgAccessDirectory {
  private resolver?: OrgAccessResolver;

  register(resolver: OrgAccessResolver): void {
    this.resolver = resolver;
  }

  resolve(principal: AdministratorPrincipal, publicOrgId: string): Promise<OrgScope | null> {
    return this.resolver ? this.resolver.resolve(principal, publicOrgId) : Promise.resolve(null);
  }
}
