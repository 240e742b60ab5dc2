import type { BaseRecord, ResourceWithOptions } from 'adminjs';
import { Partner, type PartnerKind, type PartnerStatus } from '../../partners/partner.entity.js';
import type { PartnerActor } from '../../partners/partner-actor.js';
import type { PartnersService } from '../../partners/partners.service.js';
import type { StaffPartnersService } from '../../partners/staff-partners.service.js';
import { RAW_EDITS_OFF, serviceNewAction, serviceRecordAction } from '../actions/staff-actions.js';

const KINDS: readonly PartnerKind[] = ['msp', 'enterprise'];

/**
 * Partners: created with their first owner's invitation, suspended and reactivated through the
 * partners' services (audited there). Nothing else about a partner is edited here: its admins
 * change its name and policy from the portal.
 */
export function partnerResource(services: { partners: PartnersService; staffPartners: StaffPartnersService }): ResourceWithOptions {
  const setStatus = (status: PartnerStatus, message: string) => async (record: BaseRecord, actor: PartnerActor) => {
    await services.partners.setStatus(String(record.id()), status, null, actor);
    return { message };
  };
  return {
    resource: Partner,
    options: {
      navigation: { name: 'Partners', icon: 'Briefcase' },
      sort: { sortBy: 'createdAt', direction: 'desc' },
      listProperties: ['name', 'kind', 'status', 'createdAt'],
      showProperties: ['id', 'name', 'kind', 'status', 'statusChangedAt', 'statusReason', 'launchReasonRequired', 'launchSessionMinutes', 'createdAt'],
      editProperties: ['name', 'kind', 'ownerEmail'],
      filterProperties: ['name', 'kind', 'status', 'createdAt'],
      properties: {
        kind: {
          availableValues: [
            { value: 'msp', label: 'MSP' },
            { value: 'enterprise', label: 'Enterprise' },
          ],
        },
        status: {
          availableValues: [
            { value: 'active', label: 'Active' },
            { value: 'suspended', label: 'Suspended' },
          ],
        },
        ownerEmail: {
          type: 'string',
          isRequired: true,
          description: 'Receives an invitation to become the partner’s first owner',
          isVisible: { edit: true, list: false, show: false, filter: false },
        },
      },
      actions: {
        ...RAW_EDITS_OFF,
        new: serviceNewAction(async (form, actor) => {
          const input = { name: form.text('name', 'Name'), kind: form.oneOf('kind', 'Kind', KINDS), ownerEmail: form.email('ownerEmail') };
          form.check();
          const partner = await services.staffPartners.createWithOwner(input, actor);
          return { recordId: partner.id, message: `Partner ${partner.name} created; ${input.ownerEmail} was invited as its owner` };
        }),
        suspend: serviceRecordAction({
          icon: 'PauseCircle',
          guard: 'Suspend this partner? Its admins lose access to the portal at once.',
          isVisible: (record) => record.params.status === 'active',
          run: setStatus('suspended', 'Partner suspended; its admins can no longer use the portal'),
        }),
        reactivate: serviceRecordAction({
          icon: 'PlayCircle',
          guard: 'Reactivate this partner? Its admins regain access to the portal.',
          isVisible: (record) => record.params.status === 'suspended',
          run: setStatus('active', 'Partner reactivated; its admins can use the portal again'),
        }),
      },
    },
  };
}
