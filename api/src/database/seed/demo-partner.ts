import type { EntityManager } from 'typeorm';
import type { Organization } from '../../orgs/organizations/organization.entity.js';
import type { PartnerAdminsService } from '../../partners/admins/partner-admins.service.js';
import type { AssociationsService } from '../../partners/associations/associations.service.js';
import { SYSTEM_ACTOR } from '../../partners/partner-actor.js';
import type { PartnersService } from '../../partners/partners.service.js';

export interface DemoPartnerInput {
  ownerId: string;
  helpdeskId: string;
  /** The orgs in the partner's portfolio, with how each came to it. */
  portfolio: { org: Organization; source: 'created' | 'verified' | 'staff' }[];
  /** The orgs the helpdesk admin is limited to. */
  helpdeskOrgs: Organization[];
}

/** The demo MSP: an owner reaching every org, a helpdesk admin limited to a few, and its portfolio. */
export async function seedDemoPartner(
  manager: EntityManager,
  services: { partners: PartnersService; admins: PartnerAdminsService; associations: AssociationsService },
  input: DemoPartnerInput,
): Promise<void> {
  const partner = await services.partners.create(manager, { name: 'Northwind IT Services', kind: 'msp' }, SYSTEM_ACTOR);
  for (const { org, source } of input.portfolio) {
    await services.associations.attach(manager, { partnerId: partner.id, org, source, actor: SYSTEM_ACTOR });
  }
  await services.admins.addMember(manager, partner.id, input.ownerId, { role: 'owner', orgAccess: 'all', orgs: [] }, null);
  await services.admins.addMember(manager, partner.id, input.helpdeskId, { role: 'helpdesk', orgAccess: 'selected', orgs: input.helpdeskOrgs }, input.ownerId);
}
