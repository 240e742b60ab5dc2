import type { ResourceWithOptions } from 'adminjs';
import type { ApplicationsService } from '../../partners/applications/applications.service.js';
import { PartnerApplication } from '../../partners/applications/partner-application.entity.js';
import { RAW_EDITS_OFF, serviceRecordAction } from '../actions/staff-actions.js';

const isNew = (record: { params: Record<string, unknown> }) => record.params.status === 'new';

/**
 * "Become a partner" and evaluation requests, newest first, for staff to decide. Approving goes
 * through the applications service: the partner is created and the applicant invited as its owner
 * in one transaction, and a second approval is refused there (not only hidden here).
 */
export function partnerApplicationResource(services: { applications: ApplicationsService }): ResourceWithOptions {
  return {
    resource: PartnerApplication,
    options: {
      navigation: { name: 'Partners', icon: 'Briefcase' },
      sort: { sortBy: 'createdAt', direction: 'desc' },
      listProperties: ['company', 'kind', 'contactName', 'email', 'status', 'createdAt'],
      showProperties: ['id', 'kind', 'company', 'contactName', 'email', 'customerCount', 'partnerKind', 'message', 'status', 'createdAt', 'handledAt', 'handledBy', 'handledNote', 'partnerId'],
      filterProperties: ['status', 'kind', 'company', 'email', 'createdAt'],
      properties: {
        kind: {
          availableValues: [
            { value: 'partner', label: 'Become a partner' },
            { value: 'evaluation', label: 'Evaluation' },
          ],
        },
        status: {
          availableValues: [
            { value: 'new', label: 'New' },
            { value: 'approved', label: 'Approved' },
            { value: 'rejected', label: 'Rejected' },
          ],
        },
        company: { isTitle: true },
        message: { type: 'textarea' },
        handledBy: { reference: 'StaffUser' },
        partnerId: { reference: 'Partner' },
      },
      actions: {
        ...RAW_EDITS_OFF,
        approve: serviceRecordAction({
          icon: 'CheckCircle',
          guard: 'Approve this application? A partner is created and the applicant is invited as its owner.',
          isVisible: isNew,
          run: async (record, actor, { h }) => {
            const partner = await services.applications.approve(String(record.id()), actor);
            return {
              message: `Partner ${partner.name} created; ${String(record.params.email)} was invited as its owner`,
              redirectUrl: h.recordActionUrl({ resourceId: 'Partner', recordId: partner.id, actionName: 'show' }),
            };
          },
        }),
        reject: serviceRecordAction({
          icon: 'XCircle',
          guard: 'Reject this application? The applicant is told by email.',
          isVisible: isNew,
          run: async (record, actor) => {
            await services.applications.reject(String(record.id()), null, actor);
            return { message: 'Application rejected' };
          },
        }),
      },
    },
  };
}
