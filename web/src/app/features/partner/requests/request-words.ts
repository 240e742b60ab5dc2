import { type RequestEventDto, type SupportRequestDto } from '@mtp/api-client';

import { ApiProblem } from '../../../core/http/api-problem';
import { partnerProblem } from '../partner-words';

export type RequestKind = SupportRequestDto['kind'];
export type RequestStatus = SupportRequestDto['status'];

export const REQUEST_KINDS: readonly RequestKind[] = ['detach', 'training', 'general'];
export const REQUEST_STATUSES: readonly RequestStatus[] = ['open', 'in_progress', 'resolved', 'rejected', 'cancelled'];

const KIND_WORDS: Record<RequestKind, string> = {
  detach: 'Detach an organization',
  training: 'Training',
  general: 'General help',
};

const STATUS_WORDS: Record<RequestStatus, string> = {
  open: 'Open',
  in_progress: 'In progress',
  resolved: 'Resolved',
  rejected: 'Rejected',
  cancelled: 'Cancelled',
};

/** What a status change did, after who did it: "Platform support took the request". */
const STATUS_CHANGE_WORDS: Record<RequestStatus, string> = {
  open: 'reopened the request',
  in_progress: 'took the request',
  resolved: 'resolved the request',
  rejected: 'rejected the request',
  cancelled: 'cancelled the request',
};

export function kindWord(kind: string): string {
  return KIND_WORDS[kind as RequestKind] ?? kind;
}

export function statusWord(status: string): string {
  return STATUS_WORDS[status as RequestStatus] ?? status;
}

/** Open and in-progress requests still take comments; the others are closed for good. */
export function isClosed(status: string): boolean {
  return status !== 'open' && status !== 'in_progress';
}

/** One line of the timeline, without its comment: "ada@… filed the request". */
export function eventWords(event: RequestEventDto): string {
  // Events the platform makes itself (a detachment on its effective date) name nobody.
  const who = event.actor ?? 'The platform';
  switch (event.kind) {
    case 'filed':
      return `${who} filed the request`;
    case 'comment':
      return `${who} commented`;
    default:
      return `${who} ${event.status ? (STATUS_CHANGE_WORDS[event.status] ?? `set the status to ${event.status}`) : 'changed the status'}`;
  }
}

/** The portal's own words for the refusals of the request routes; the API's `detail` is not a contract. */
const WORDS: Record<string, string> = {
  'support.detach_pending': 'A request to detach this organization is already open: follow it on the Requests page rather than asking again.',
  'support.not_cancellable': 'Platform support has already taken this request, so it can no longer be cancelled. Add a comment instead.',
  'support.request_closed': 'This request is closed: it takes no more comments.',
  'support.not_found': 'There is no such request of your partner: it may have been filed by another partner, or the link is wrong.',
  'orgs.not_found': 'This organization is not one your partner manages within your reach (any more).',
};

/** A failed request call in words; `doing` names what was tried, for failures without words here. */
export function requestProblem(error: unknown, doing: string): string {
  const words = error instanceof ApiProblem && error.code ? WORDS[error.code] : undefined;
  return words ?? partnerProblem(error, doing);
}
