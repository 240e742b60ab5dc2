import type { ActionRequest, ResourceWithOptions } from 'adminjs';
import { DomainError } from '../../common/domain-error.js';
import type { AssociationsService } from '../../partners/associations/associations.service.js';
import { PartnerAssociation } from '../../partners/associations/partner-association.entity.js';
import type { PartnersService } from '../../partners/partners.service.js';
import type { StaffRequestsService } from '../../support/staff-requests.service.js';
import { RAW_EDITS_OFF, serviceNewAction } from '../actions/staff-actions.js';

/** The resource whose `new` form detaches an org from its partner, with the reason. */
export const ORG_DETACHMENT = 'OrgDetachment';
const REASON_MAX = 2000;

/**
 * Staff detach an org from the partner managing it without waiting for a request (a partner
 * association's Detach button opens this form filled in); an open detach request of that org is
 * resolved with it. The list is the history of detachments: associations are never deleted.
 */
export function orgDetachmentResource(services: { staffRequests: StaffRequestsService; associations: AssociationsService; partners: PartnersService }): ResourceWithOptions {
  return {
    resource: PartnerAssociation,
    options: {
      id: ORG_DETACHMENT,
      navigation: { name: 'Partners', icon: 'Briefcase' },
      sort: { sortBy: 'detachedAt', direction: 'desc' },
      listProperties: ['orgId', 'partnerId', 'detachedAt', 'detachedByLabel', 'detachedReason'],
      showProperties: ['id', 'orgId', 'partnerId', 'since', 'detachedAt', 'detachedByType', 'detachedByLabel', 'detachedReason'],
      editProperties: ['orgId', 'detachedReason'],
      filterProperties: ['orgId', 'partnerId', 'detachedByType', 'detachedAt'],
      properties: {
        orgId: { reference: 'Organization', isRequired: true },
        partnerId: { reference: 'Partner' },
        detachedReason: {
          type: 'textarea',
          isRequired: true,
          description: 'Why the organization leaves the partner: the partner’s owners read it in their email',
        },
      },
      translations: { en: { properties: { orgId: 'Organization', partnerId: 'Partner', detachedReason: 'Reason' } } },
      actions: {
        ...RAW_EDITS_OFF,
        list: { before: (request: ActionRequest) => ({ ...request, query: { ...request.query, 'filters.status': 'detached' } }) },
        new: serviceNewAction(async (form, actor, { h }) => {
          const orgId = form.reference('orgId', 'organization');
          const reason = form.text('detachedReason', 'Reason', REASON_MAX);
          form.check();
          // The association detached is this row: detaching keeps it, with who, when and why.
          const partnerId = await services.associations.activePartnerOf(orgId);
          const association = partnerId ? await services.associations.activeAssociation(partnerId, orgId) : null;
          const result = association ? await services.staffRequests.detachDirectly(orgId, reason, actor) : { detached: false };
          if (!association || !result.detached) throw new DomainError('backoffice.not_managed', 409, 'No partner manages this organization: there is nothing to detach');
          const partner = await services.partners.get(association.partnerId);
          return {
            recordId: association.id,
            message: `The organization was detached from ${partner.name}; the partner’s owners and the organization’s admins are emailed`,
            redirectUrl: h.recordActionUrl({ resourceId: 'PartnerAssociation', recordId: association.id, actionName: 'show' }),
          };
        }),
      },
    },
  };
}
