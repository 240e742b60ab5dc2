import type { RequestKind, RequestStatus } from '../../support/support-request.entity.js';
import type { RequestEventDto, StaffSupportRequestDto } from '../../support/support-requests.dto.js';

export const SUPPORT_NAVIGATION = { name: 'Support', icon: 'LifeBuoy' };
/** The resource whose `new` form is where staff write a comment, a rejection or a resolution. */
export const SUPPORT_REPLY = 'SupportReply';

export const KIND_LABELS: Record<RequestKind, string> = { detach: 'Detach an organization', training: 'Training', general: 'General' };
export const STATUS_LABELS: Record<RequestStatus, string> = { open: 'Open', in_progress: 'In progress', resolved: 'Resolved', rejected: 'Rejected', cancelled: 'Cancelled' };

/**
 * A request as staff read it on its page: what the kind asks for, then its timeline, one step a
 * line. AdminJS shows a textarea value line by line, so plain text needs no custom component.
 */
export function requestText(request: StaffSupportRequestDto): { requestDetails: string; timeline: string } {
  return { requestDetails: detailsLines(request).join('\n'), timeline: request.timeline.map(eventLine).join('\n') };
}

function detailsLines({ kind, details, org }: StaffSupportRequestDto): string[] {
  const text = (key: string) => (details[key] === null || details[key] === undefined || details[key] === '' ? null : String(details[key]));
  switch (kind) {
    case 'detach':
      return [
        `Organization: ${org ? `${org.name} (${org.orgId})` : 'no longer exists'}`,
        `Reason: ${text('reason') ?? ''}`,
        `Effective: ${text('effectiveDate') ? `from ${text('effectiveDate')}` : 'on approval'}`,
      ];
    case 'training':
      return [
        `Topic: ${text('topic') ?? ''}`,
        `Preferred dates: ${Array.isArray(details.preferredDates) ? details.preferredDates.join(', ') : ''}`,
        `Attendees: ${text('attendees') ?? ''}`,
        ...(text('notes') ? [`Notes: ${text('notes')}`] : []),
      ];
    case 'general':
      return [`Message: ${text('message') ?? ''}`];
  }
}

function eventLine(event: RequestEventDto): string {
  const when = `${new Date(event.occurredAt).toISOString().slice(0, 16).replace('T', ' ')} UTC`;
  const who = `${event.actor ?? 'unknown'} (${event.side})`;
  const what = event.kind === 'filed' ? 'filed the request' : event.kind === 'comment' ? 'commented' : `set the status to ${STATUS_LABELS[event.status!].toLowerCase()}`;
  return `${when} — ${who} ${what}${event.comment ? `: “${event.comment}”` : ''}`;
}
