import type { ResourceWithOptions } from 'adminjs';
import { VerificationRequest } from '../../verification/verification-request.entity.js';
import { RAW_EDITS_OFF } from '../actions/staff-actions.js';

/**
 * Partners' verification requests, read-only. Staff see here what partners never do: whether a code
 * went out, and if not, why (unknown OrgID, not an admin, already associated).
 */
export function verificationRequestResource(): ResourceWithOptions {
  return {
    resource: VerificationRequest,
    options: {
      navigation: { name: 'Partners', icon: 'Briefcase' },
      sort: { sortBy: 'createdAt', direction: 'desc' },
      listProperties: ['createdAt', 'partnerId', 'enteredOrgId', 'recipientEmail', 'status', 'deliverable', 'undeliverableReason'],
      showProperties: [
        'id', 'createdAt', 'partnerId', 'enteredOrgId', 'orgId', 'recipientEmail', 'deliverable', 'undeliverableReason',
        'requestedByLabel', 'status', 'failedAttempts', 'expiresAt', 'lastSentAt', 'sentCount', 'completedAt', 'completedVia',
      ],
      filterProperties: ['partnerId', 'enteredOrgId', 'recipientEmail', 'status', 'deliverable', 'undeliverableReason', 'createdAt'],
      properties: {
        codeHash: { isVisible: false },
        linkTokenHash: { isVisible: false },
        enteredOrgId: { isTitle: true },
        partnerId: { reference: 'Partner' },
        orgId: { reference: 'Organization' },
        undeliverableReason: {
          availableValues: ['org_not_found', 'not_an_admin', 'already_associated', 'associated_elsewhere'].map((reason) => ({ value: reason, label: reason.replace(/_/g, ' ') })),
        },
      },
      actions: RAW_EDITS_OFF,
    },
  };
}
