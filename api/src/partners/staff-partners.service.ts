import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { PartnerInvitationsService } from './invitations/partner-invitations.service.js';
import type { Partner, PartnerKind } from './partner.entity.js';
import type { PartnerActor } from './partner-actor.js';
import { PartnersService } from './partners.service.js';

/** What platform staff do to partners beyond one record: a new partner comes with its owner's invitation. */
@Injectable()
export class StaffPartnersService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly partners: PartnersService,
    private readonly invitations: PartnerInvitationsService,
  ) {}

  /** Creates the partner and invites its first owner, in one transaction: no partner is left without one. */
  createWithOwner(input: { name: string; kind: PartnerKind; ownerEmail: string }, actor: PartnerActor): Promise<Partner> {
    return this.dataSource.transaction(async (manager) => {
      const partner = await this.partners.create(manager, { name: input.name, kind: input.kind }, actor);
      await this.invitations.invite(partner.id, { email: input.ownerEmail, role: 'owner', orgAccess: 'all' }, actor, manager);
      return partner;
    });
  }
}
