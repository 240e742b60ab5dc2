import type { ResourceWithOptions } from 'adminjs';
import type { PartnerActor } from '../../partners/partner-actor.js';
import type { StaffRequestsService } from '../../support/staff-requests.service.js';
import { SupportRequestEvent } from '../../support/support-request-event.entity.js';
import type { StaffSupportRequestDto } from '../../support/support-requests.dto.js';
import { RAW_EDITS_OFF, serviceNewAction } from '../actions/staff-actions.js';
import { STATUS_LABELS, SUPPORT_NAVIGATION, SUPPORT_REPLY } from './support-request-view.js';

const DECISIONS = ['comment', 'resolve', 'reject'] as const;
type Decision = (typeof DECISIONS)[number];
const COMMENT_MAX = 5000;

/**
 * Every step of every request's timeline, newest first; its `new` form is staff's reply to a request:
 * a comment, a rejection (saying why) or a resolution (with an optional note). The request's own
 * Comment, Reject and Resolve buttons open this form filled in. Steps are written by the service only.
 */
export function supportReplyResource(services: { staffRequests: StaffRequestsService }): ResourceWithOptions {
  const steps: Record<Decision, (id: string, comment: string | null, actor: PartnerActor) => Promise<[StaffSupportRequestDto, string]>> = {
    comment: async (id, comment, actor) => {
      const request = await services.staffRequests.comment(id, comment!, actor);
      return [request, `Comment added to request ${request.number}`];
    },
    resolve: async (id, comment, actor) => {
      const request = await services.staffRequests.resolve(id, comment, actor);
      return [request, `Request ${request.number} resolved`];
    },
    reject: async (id, comment, actor) => {
      const request = await services.staffRequests.reject(id, comment!, actor);
      return [request, `Request ${request.number} rejected`];
    },
  };
  return {
    resource: SupportRequestEvent,
    options: {
      id: SUPPORT_REPLY,
      navigation: SUPPORT_NAVIGATION,
      sort: { sortBy: 'occurredAt', direction: 'desc' },
      listProperties: ['occurredAt', 'requestId', 'kind', 'status', 'actorLabel', 'comment'],
      showProperties: ['id', 'occurredAt', 'requestId', 'kind', 'status', 'actorType', 'actorLabel', 'actorId', 'comment'],
      editProperties: ['requestId', 'decision', 'comment'],
      filterProperties: ['requestId', 'kind', 'status', 'actorType', 'actorLabel', 'occurredAt'],
      properties: {
        requestId: { reference: 'SupportRequest', isRequired: true },
        kind: { availableValues: ['filed', 'status', 'comment'].map((kind) => ({ value: kind, label: kind })) },
        status: { availableValues: Object.entries(STATUS_LABELS).map(([value, label]) => ({ value, label })) },
        actorType: { availableValues: ['administrator', 'staff', 'system'].map((type) => ({ value: type, label: type })) },
        decision: {
          type: 'string',
          isRequired: true,
          isVisible: { edit: true, list: false, show: false, filter: false },
          availableValues: [
            { value: 'comment', label: 'Comment only (the request stays as it is)' },
            { value: 'resolve', label: 'Resolve the request (training or general)' },
            { value: 'reject', label: 'Reject the request (say why)' },
          ],
        },
        comment: { type: 'textarea', description: 'The partner reads it, and whoever filed the request is emailed. Required, except to resolve.' },
      },
      translations: { en: { properties: { requestId: 'Request', actorLabel: 'Who' } } },
      actions: {
        ...RAW_EDITS_OFF,
        new: serviceNewAction(async (form, actor, { h }) => {
          const requestId = form.reference('requestId', 'request');
          const decision = form.oneOf('decision', 'Decision', DECISIONS);
          const comment = decision === 'resolve' ? form.optionalText('comment', 'Comment', COMMENT_MAX) : form.text('comment', 'Comment', COMMENT_MAX);
          form.check();
          const [request, message] = await steps[decision](requestId, comment, actor);
          return {
            recordId: request.timeline.at(-1)!.id,
            message,
            redirectUrl: h.recordActionUrl({ resourceId: 'SupportRequest', recordId: request.id, actionName: 'show' }),
          };
        }),
      },
    },
  };
}
