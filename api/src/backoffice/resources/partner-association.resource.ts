import type { ResourceWithOptions } from 'adminjs';
import type { AssociationsService } from '../../partners/associations/associations.service.js';
import { PartnerAssociation } from '../../partners/associations/partner-association.entity.js';
import type { PartnersService } from '../../partners/partners.service.js';
import { formLinkAction, RAW_EDITS_OFF, serviceNewAction } from '../actions/staff-actions.js';
import { ORG_DETACHMENT } from './org-detachment.resource.js';

const ORG_ID = /^[0-9a-f]{24}$/;

/**
 * Which partner manages which org, with its history (detached rows stay). Staff attach an org by
 * its OrgID, as a support request would give it; the service refuses an org already managed by any
 * partner, so that no org ends up with two. Detach opens the detachment form, which asks why.
 */
export function partnerAssociationResource(services: { associations: AssociationsService; partners: PartnersService }): ResourceWithOptions {
  return {
    resource: PartnerAssociation,
    options: {
      navigation: { name: 'Partners', icon: 'Briefcase' },
      sort: { sortBy: 'since', direction: 'desc' },
      listProperties: ['partnerId', 'orgId', 'status', 'source', 'since'],
      showProperties: [
        'id', 'partnerId', 'orgId', 'status', 'source', 'since', 'createdByType', 'createdByLabel', 'createdById',
        'detachedAt', 'detachedByType', 'detachedByLabel', 'detachedById', 'detachedReason',
      ],
      editProperties: ['partnerId', 'orgPublicId'],
      filterProperties: ['partnerId', 'orgId', 'status', 'source', 'since'],
      properties: {
        partnerId: { reference: 'Partner', isRequired: true },
        orgId: { reference: 'Organization' },
        status: {
          availableValues: [
            { value: 'active', label: 'Active' },
            { value: 'detached', label: 'Detached' },
          ],
        },
        source: {
          availableValues: [
            { value: 'created', label: 'Created by the partner' },
            { value: 'verified', label: 'Verified by email' },
            { value: 'staff', label: 'Attached by staff' },
          ],
        },
        orgPublicId: {
          type: 'string',
          isRequired: true,
          description: 'The organization’s OrgID (24 hexadecimal characters)',
          isVisible: { edit: true, list: false, show: false, filter: false },
        },
      },
      actions: {
        ...RAW_EDITS_OFF,
        new: serviceNewAction(async (form, actor) => {
          const partnerId = form.reference('partnerId', 'partner');
          const orgPublicId = form.matching('orgPublicId', ORG_ID, 'Enter the organization’s OrgID (24 hexadecimal characters)');
          form.check();
          const partner = await services.partners.get(partnerId);
          const association = await services.associations.attachByStaff(partner.id, orgPublicId, actor);
          return { recordId: association.id, message: `Organization ${orgPublicId} is now managed by ${partner.name}` };
        }),
        detach: formLinkAction({
          icon: 'Scissors',
          isVisible: (record) => record.params.status === 'active',
          form: { resourceId: ORG_DETACHMENT, values: (record) => ({ orgId: String(record.params.orgId) }) },
        }),
      },
    },
  };
}
