import { Injectable } from '@nestjs/common';

export interface PartnerMembership {
  partnerId: string;
  partnerName: string;
  role: string;
}

export interface OrgMembership {
  orgId: string;
  orgName: string;
}

export interface Memberships {
  partnerMemberships: PartnerMembership[];
  orgMemberships: OrgMembership[];
}

/** A module that knows memberships of administrators (partners, orgs) registers a source here. */
export interface MembershipSource {
  membershipsOf(administratorId: string): Promise<Partial<Memberships>>;
}

/**
 * Where `GET /me` learns an administrator's memberships. Identity owns no membership table: the
 * partners and orgs modules own theirs and register as sources when they start.
 */
@Injectable()
export class MembershipDirectory {
  private readonly sources: MembershipSource[] = [];

  register(source: MembershipSource): void {
    this.sources.push(source);
  }

  async of(administratorId: string): Promise<Memberships> {
    const parts = await Promise.all(this.sources.map((source) => source.membershipsOf(administratorId)));
    return {
      partnerMemberships: parts.flatMap((part) => part.partnerMemberships ?? []),
      orgMemberships: parts.flatMap((part) => part.orgMemberships ?? []),
    };
  }
}
