import { DatePipe } from '@angular/common';
import { ChangeDetectionStrategy, Component, input } from '@angular/core';
import { type RequestEventDto } from '@mtp/api-client';

import { eventWords } from './request-words';

/** Everything that happened to a request, oldest first: filing, status changes, comments from either side. */
@Component({
  selector: 'mtp-request-timeline',
  imports: [DatePipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <ol class="timeline" aria-label="Timeline">
      @for (event of events(); track event.id) {
        <li [class]="'event event--' + event.side" [attr.data-event-kind]="event.kind">
          <p class="line">
            <span class="what">{{ words(event) }}</span>
            <time class="when" [attr.datetime]="event.occurredAt">{{ event.occurredAt | date: 'medium' }}</time>
          </p>
          @if (event.comment) {
            <p class="comment">{{ event.comment }}</p>
          }
        </li>
      }
    </ol>
  `,
  styles: `
    .timeline {
      margin: 0;
      padding: 0;
      list-style: none;
    }
    .event {
      margin: 0 0 12px;
      padding: 4px 0 4px 12px;
      border-left: 3px solid var(--mat-sys-outline-variant);
    }
    /* Platform support's words stand apart from the partner's own. */
    .event--staff {
      border-left-color: var(--mat-sys-primary);
    }
    .line {
      display: flex;
      flex-wrap: wrap;
      gap: 0 12px;
      margin: 0;
    }
    .what {
      font: var(--mat-sys-title-small);
    }
    .when {
      color: var(--mat-sys-on-surface-variant);
      font: var(--mat-sys-body-small);
    }
    .comment {
      margin: 4px 0 0;
      white-space: pre-wrap;
      overflow-wrap: anywhere;
    }
  `,
})
export class RequestTimeline {
  readonly events = input.required<readonly RequestEventDto[]>();

  protected readonly words = eventWords;
}
