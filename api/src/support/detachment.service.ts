import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { Clock } from '../common/clock.js';
import { MailService } from '../mail/mail.service.js';
import { orgDetachedForOrgEmail, orgDetachedForPartnerEmail } from '../mail/templates/org-detached.js';
import { OrgDirectoryService } from '../orgs/organizations/org-directory.service.js';
import { PartnerAdminsService } from '../partners/admins/partner-admins.service.js';
import { AssociationsService } from '../partners/associations/associations.service.js';
import type { PartnerActor } from '../partners/partner-actor.js';
import { PartnersService } from '../partners/partners.service.js';

/**
 * Ending a partner's management of an org, in the caller's transaction, so that it happens whole or
 * not at all: the association is detached (history kept), which by trigger takes the org out of the
 * partner's dashboard and totals and ends its launch sessions into the org; the partner's owners and
 * the org's own admins are emailed through the outbox. The org keeps its data and its own admins.
 */
@Injectable()
export class DetachmentService {
  constructor(
    private readonly associations: AssociationsService,
    private readonly partners: PartnersService,
    private readonly partnerAdmins: PartnerAdminsService,
    private readonly orgs: OrgDirectoryService,
    private readonly mail: MailService,
    private readonly clock: Clock,
  ) {}

  /** True when it detached; false when the partner did not (or no longer) manage the org. */
  async detach(manager: EntityManager, input: { orgId: string; partnerId: string; reason: string; actor: PartnerActor }): Promise<boolean> {
    const detached = await this.associations.detach(manager, { ...input, at: this.clock.now() });
    if (!detached) return false;
    const partner = await this.partners.get(input.partnerId, manager);
    const org = (await this.orgs.describe([input.orgId])).get(input.orgId)!;
    for (const owner of await this.partnerAdmins.activeOwners(input.partnerId)) {
      await this.mail.enqueue(manager, { to: owner.email, template: orgDetachedForPartnerEmail({ partnerName: partner.name, orgName: org.name, reason: input.reason }) });
    }
    for (const admin of await this.orgs.admins(input.orgId)) {
      await this.mail.enqueue(manager, { to: admin.email, template: orgDetachedForOrgEmail({ partnerName: partner.name, orgName: org.name }) });
    }
    return true;
  }
}
