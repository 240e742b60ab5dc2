import { formatDate } from '@angular/common';
import { type SupportRequestDto } from '@mtp/api-client';

/** One thing the request asks for, as a label and its value. */
export interface RequestFact {
  readonly label: string;
  readonly value: string;
}

/** A calendar date the API sent (YYYY-MM-DD): read as that day wherever the reader is. */
function day(value: unknown, locale: string): string {
  return typeof value === 'string' && value ? formatDate(value, 'mediumDate', locale, 'UTC') : '';
}

function text(value: unknown): string {
  return typeof value === 'string' || typeof value === 'number' ? String(value) : '';
}

/** What the request asks for, by kind, from its `details`; missing optional values say so. */
export function requestFacts(request: SupportRequestDto, locale: string): RequestFact[] {
  const details = request.details;
  switch (request.kind) {
    case 'detach':
      return [
        { label: 'Reason', value: text(details['reason']) },
        { label: 'Effective date', value: day(details['effectiveDate'], locale) || 'When platform support approves' },
      ];
    case 'training': {
      const dates = Array.isArray(details['preferredDates']) ? (details['preferredDates'] as unknown[]) : [];
      return [
        { label: 'Topic', value: text(details['topic']) },
        { label: 'Preferred dates', value: dates.map((date) => day(date, locale)).join(' · ') },
        { label: 'Attendees', value: text(details['attendees']) },
        { label: 'Notes', value: text(details['notes']) || '—' },
      ];
    }
    default:
      return [{ label: 'Message', value: text(details['message']) }];
  }
}
