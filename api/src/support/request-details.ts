import type { FieldProblem } from '@mtp/contract';
import { ValidationFailedError } from '../common/domain-error.js';
import type { CreateSupportRequestDto } from './support-requests.dto.js';
import type { DetachDetails, GeneralDetails, RequestKind, TrainingDetails } from './support-request.entity.js';

/** The fields each kind takes; any other field given is refused, so nothing sent is silently dropped. */
const FIELDS: Record<RequestKind, { required: (keyof CreateSupportRequestDto)[]; optional: (keyof CreateSupportRequestDto)[] }> = {
  detach: { required: ['orgId', 'reason'], optional: ['effectiveDate'] },
  training: { required: ['topic', 'preferredDates', 'attendees'], optional: ['notes'] },
  general: { required: ['subject', 'message'], optional: [] },
};
const ALL_FIELDS = [...new Set(Object.values(FIELDS).flatMap((fields) => [...fields.required, ...fields.optional]))];

export interface ValidRequest {
  subject: string;
  details: DetachDetails | TrainingDetails | GeneralDetails;
  /** The OrgID of a detach request, still to be resolved to an org in the caller's reach. */
  orgPublicId: string | null;
}

/** Checks a new request against its kind; no date may be before `earliest` (YYYY-MM-DD). */
export function validRequest(input: CreateSupportRequestDto, earliest: string): ValidRequest {
  const problems: FieldProblem[] = [];
  const { required, optional } = FIELDS[input.kind];
  for (const field of required) {
    if (input[field] === undefined || input[field] === '') problems.push({ field, messages: [`${field} is required for a ${input.kind} request`] });
  }
  for (const field of ALL_FIELDS) {
    if (input[field] !== undefined && !required.includes(field) && !optional.includes(field)) {
      problems.push({ field, messages: [`${field} does not belong to a ${input.kind} request`] });
    }
  }
  const dates = [...(input.effectiveDate ? [['effectiveDate', input.effectiveDate] as const] : []), ...(input.preferredDates ?? []).map((date) => ['preferredDates', date] as const)];
  for (const [field, date] of dates) {
    if (!isCalendarDate(date)) problems.push({ field, messages: [`${date} is not a date`] });
    else if (date < earliest) problems.push({ field, messages: [`${date} is in the past`] });
  }
  if (problems.length > 0) throw new ValidationFailedError(problems);
  switch (input.kind) {
    case 'detach':
      return { subject: 'Detach an organization', details: { reason: input.reason!, effectiveDate: input.effectiveDate ?? null }, orgPublicId: input.orgId! };
    case 'training':
      return {
        subject: `Training: ${input.topic!}`.slice(0, 200),
        details: { topic: input.topic!, preferredDates: [...new Set(input.preferredDates!)].sort(), attendees: input.attendees!, notes: input.notes || null },
        orgPublicId: null,
      };
    case 'general':
      return { subject: input.subject!, details: { message: input.message! }, orgPublicId: null };
  }
}

function isCalendarDate(value: string): boolean {
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().startsWith(value);
}
