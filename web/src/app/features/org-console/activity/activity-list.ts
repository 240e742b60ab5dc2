import { DatePipe } from '@angular/common';
import { ChangeDetectionStrategy, Component, input } from '@angular/core';
import { type OrgActivityEventDto } from '@mtp/api-client';

import { actionWords, targetWords } from '../org-words';

/**
 * Events of an org's activity, newest first: when, who (and through which partner's launch session,
 * when it was one), what, and about what.
 */
@Component({
  selector: 'mtp-activity-list',
  imports: [DatePipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <ol class="events" aria-label="Activity">
      @for (event of events(); track event.id) {
        <li class="event">
          <time [attr.datetime]="event.occurredAt" class="when">{{ event.occurredAt | date: 'medium' }}</time>
          <span class="what">
            <strong>{{ event.actor }}</strong>@if (event.launch; as launch) {&ngsp;<span class="via" [attr.data-session-id]="launch.sessionId"
                >via {{ launch.partnerName || 'a partner' }} session</span
              >}
            {{ words(event) }}
            @if (target(event); as target) {
              <span class="target mtp-mono">{{ target }}</span>
            }
            @if (event.outcome !== 'success') {
              <span class="outcome">({{ event.outcome }})</span>
            }
          </span>
        </li>
      }
    </ol>
  `,
  styles: `
    .events {
      margin: 0;
      padding: 0;
      list-style: none;
    }
    .event {
      display: flex;
      flex-wrap: wrap;
      gap: 2px 16px;
      padding: 8px 0;
      border-bottom: 1px solid var(--mat-sys-outline-variant);
    }
    .when {
      flex: 0 0 190px;
      color: var(--mat-sys-on-surface-variant);
    }
    .what {
      flex: 1 1 240px;
      overflow-wrap: anywhere;
    }
    .outcome {
      color: var(--mat-sys-error);
    }
    .via {
      padding: 0 6px;
      border-radius: 8px;
      background: var(--mat-sys-tertiary-container);
      color: var(--mat-sys-on-tertiary-container);
      font: var(--mat-sys-label-medium);
    }
  `,
})
export class ActivityList {
  readonly events = input.required<readonly OrgActivityEventDto[]>();

  protected readonly words = actionWords;
  protected readonly target = targetWords;
}
