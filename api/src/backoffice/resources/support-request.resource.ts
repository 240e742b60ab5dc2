import type { BaseRecord, RecordJSON, ResourceWithOptions } from 'adminjs';
import { DomainError } from '../../common/domain-error.js';
import type { StaffRequestsService } from '../../support/staff-requests.service.js';
import { SupportRequest } from '../../support/support-request.entity.js';
import { formLinkAction, RAW_EDITS_OFF, serviceRecordAction, type ActionOptions } from '../actions/staff-actions.js';
import { withComputedParams } from './computed-params.js';
import { KIND_LABELS, requestText, STATUS_LABELS, SUPPORT_NAVIGATION, SUPPORT_REPLY } from './support-request-view.js';

const isOpen = (record: BaseRecord) => ['open', 'in_progress'].includes(String(record.params.status));
const shown = { list: false, show: true, edit: false, filter: false };

/**
 * Partners' requests to platform staff, newest first. Every step goes through the staff requests
 * service (status rules, timeline, audit, the requester's email); a step that needs text typed
 * (comment, reject, resolve with a note) opens the reply form filled in for the request.
 */
export function supportRequestResource(services: { staffRequests: StaffRequestsService }): ResourceWithOptions {
  const withTimeline = withComputedParams(async (records: RecordJSON[]) => {
    for (const record of records) {
      const request = await services.staffRequests.get(record.id);
      Object.assign(record.params, requestText(request));
      // AdminJS takes the title before this hook runs, from columns only.
      record.title = `Request ${request.number}: ${request.subject}`;
    }
  });
  const reply = (decision: string) => ({ resourceId: SUPPORT_REPLY, values: (record: BaseRecord) => ({ requestId: String(record.id()), decision }) });
  const withTimelineAfter = (action: ActionOptions): ActionOptions => ({ ...action, after: withTimeline });
  return {
    resource: SupportRequest,
    options: {
      navigation: SUPPORT_NAVIGATION,
      sort: { sortBy: 'number', direction: 'desc' },
      listProperties: ['number', 'kind', 'status', 'subject', 'partnerId', 'orgId', 'createdAt'],
      showProperties: ['number', 'kind', 'status', 'subject', 'partnerId', 'orgId', 'createdByLabel', 'createdAt', 'assigneeId', 'updatedAt', 'closedAt', 'requestDetails', 'timeline'],
      filterProperties: ['kind', 'status', 'partnerId', 'orgId', 'assigneeId', 'createdAt'],
      properties: {
        subject: { isTitle: true },
        details: { isVisible: false },
        createdById: { isVisible: false },
        kind: { availableValues: Object.entries(KIND_LABELS).map(([value, label]) => ({ value, label })) },
        status: { availableValues: Object.entries(STATUS_LABELS).map(([value, label]) => ({ value, label })) },
        partnerId: { reference: 'Partner' },
        orgId: { reference: 'Organization' },
        assigneeId: { reference: 'StaffUser' },
        createdByLabel: { description: 'The partner admin who filed it' },
        requestDetails: { type: 'textarea', isVisible: shown },
        timeline: { type: 'textarea', isVisible: shown, description: 'Oldest first; staff comments are shown to the partner as from “Platform support”' },
      },
      translations: { en: { properties: { partnerId: 'Partner', orgId: 'Organization', assigneeId: 'Assignee', createdByLabel: 'Filed by', requestDetails: 'Request' } } },
      actions: {
        ...RAW_EDITS_OFF,
        show: { after: withTimeline },
        take: withTimelineAfter(
          serviceRecordAction({
            icon: 'UserCheck',
            isVisible: (record) => record.params.status === 'open',
            run: async (record, actor) => {
              const request = await services.staffRequests.take(String(record.id()), actor);
              return { message: `Request ${request.number} is in progress, assigned to you` };
            },
          }),
        ),
        approveDetachment: withTimelineAfter(
          serviceRecordAction({
            icon: 'CheckCircle',
            guard: 'Approve this detachment? The organization leaves the partner’s portfolio at once, the partner’s sessions into it end, and both sides are emailed.',
            isVisible: (record) => record.params.kind === 'detach' && isOpen(record),
            run: async (record, actor) => {
              if (record.params.status === 'resolved') throw new DomainError('support.already_resolved', 409, `Request ${String(record.params.number)} is already resolved; nothing changed`);
              const request = await services.staffRequests.approveDetachment(String(record.id()), actor);
              return { message: `Detachment approved; request ${request.number} is resolved. ${request.timeline.at(-1)?.comment ?? ''}`.trim() };
            },
          }),
        ),
        comment: formLinkAction({ icon: 'MessageSquare', isVisible: isOpen, form: reply('comment') }),
        resolve: formLinkAction({ icon: 'Check', isVisible: (record) => record.params.kind !== 'detach' && isOpen(record), form: reply('resolve') }),
        reject: formLinkAction({ icon: 'XCircle', isVisible: isOpen, form: reply('reject') }),
      },
    },
  };
}
