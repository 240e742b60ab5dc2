import type { BaseRecord, RecordJSON, ResourceWithOptions } from 'adminjs';
import type { Clock } from '../../common/clock.js';
import { PartnerInvitation } from '../../partners/invitations/partner-invitation.entity.js';
import type { PartnerInvitationsService } from '../../partners/invitations/partner-invitations.service.js';
import { PARTNER_ROLES } from '../../partners/partner-roles.js';
import type { PartnersService } from '../../partners/partners.service.js';
import { RAW_EDITS_OFF, serviceNewAction, serviceRecordAction } from '../actions/staff-actions.js';
import { dateParam, withComputedParams } from './computed-params.js';

const isOpen = (record: BaseRecord) => !record.params.acceptedAt && !record.params.revokedAt;

/**
 * Invitations to become a partner's admin. Staff invite with access to all of the partner's orgs
 * (narrowing it is the partner owners' call, from the portal). The token hash is not even selected
 * by the entity; it is hidden here as well, so that no later change could show it.
 */
export function partnerInvitationResource(services: { invitations: PartnerInvitationsService; partners: PartnersService; clock: Clock }): ResourceWithOptions {
  const withStatus = withComputedParams((records: RecordJSON[]) => {
    const now = services.clock.now();
    for (const { params } of records) {
      const expiresAt = dateParam(params.expiresAt);
      params.status = params.acceptedAt ? 'accepted' : params.revokedAt ? 'revoked' : expiresAt && expiresAt > now ? 'pending' : 'expired';
    }
  });
  return {
    resource: PartnerInvitation,
    options: {
      navigation: { name: 'Partners', icon: 'Briefcase' },
      sort: { sortBy: 'createdAt', direction: 'desc' },
      listProperties: ['email', 'partnerId', 'role', 'status', 'createdAt', 'expiresAt', 'sentCount'],
      showProperties: ['id', 'partnerId', 'email', 'role', 'orgAccess', 'status', 'invitedByLabel', 'invitedByType', 'createdAt', 'lastSentAt', 'sentCount', 'expiresAt', 'acceptedAt', 'acceptedBy', 'revokedAt'],
      editProperties: ['partnerId', 'email', 'role'],
      filterProperties: ['partnerId', 'email', 'role', 'createdAt'],
      properties: {
        tokenHash: { isVisible: false },
        orgIds: { isVisible: false },
        partnerId: { reference: 'Partner', isRequired: true },
        email: { isRequired: true },
        role: { isRequired: true, availableValues: PARTNER_ROLES.map((role) => ({ value: role, label: role })) },
        status: { type: 'string', isVisible: { list: true, show: true, edit: false, filter: false } },
      },
      actions: {
        ...RAW_EDITS_OFF,
        list: { after: withStatus },
        show: { after: withStatus },
        new: serviceNewAction(async (form, actor) => {
          const partnerId = form.reference('partnerId', 'partner');
          const email = form.email('email');
          const role = form.oneOf('role', 'Role', PARTNER_ROLES);
          form.check();
          const partner = await services.partners.get(partnerId);
          const invitation = await services.invitations.invite(partner.id, { email, role, orgAccess: 'all' }, actor);
          return { recordId: invitation.id, message: `${email} was invited to ${partner.name} as ${role}` };
        }),
        resend: {
          ...serviceRecordAction({
            icon: 'Send',
            isVisible: isOpen,
            run: async (record, actor) => {
              await services.invitations.resend(String(record.params.partnerId), String(record.id()), actor);
              return { message: `A new link was sent to ${String(record.params.email)}; the previous one no longer works` };
            },
          }),
          after: withStatus,
        },
        revoke: {
          ...serviceRecordAction({
            icon: 'Slash',
            guard: 'Revoke this invitation? Its link stops working.',
            isVisible: isOpen,
            run: async (record, actor) => {
              await services.invitations.revoke(String(record.params.partnerId), String(record.id()), actor);
              return { message: `The invitation of ${String(record.params.email)} was revoked` };
            },
          }),
          after: withStatus,
        },
      },
    },
  };
}
