import { ChangeDetectionStrategy, Component, input } from '@angular/core';
import { MatProgressSpinnerModule } from '@angular/material/progress-spinner';

import { type ProblemView } from '../../core/http/problem-message';

/** A failure in words, with the reference support needs; announced to screen readers. */
@Component({
  selector: 'mtp-problem-banner',
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <div class="mtp-error-banner" role="alert">
      {{ problem().message }}
      @if (problem().reference; as reference) {
        <span class="mtp-error-banner__reference">Reference: {{ reference }}</span>
      }
      <ng-content />
    </div>
  `,
})
export class ProblemBanner {
  readonly problem = input.required<ProblemView>();
}

/** A message that is not a failure (signed out, email sent, password changed); read out politely. */
@Component({
  selector: 'mtp-notice-banner',
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <div class="mtp-notice-banner" [class.mtp-notice-banner--warning]="tone() === 'warning'" role="status">
      <ng-content />
    </div>
  `,
})
export class NoticeBanner {
  readonly tone = input<'info' | 'warning' | 'success'>('info');
}

/** What a page shows while its data is on the way. */
@Component({
  selector: 'mtp-loading-state',
  imports: [MatProgressSpinnerModule],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <div class="loading" role="status">
      <mat-spinner diameter="28" aria-hidden="true" />
      <span>{{ label() }}</span>
    </div>
  `,
  styles: `
    .loading {
      display: flex;
      align-items: center;
      gap: 12px;
      padding: 16px 0;
      color: var(--mat-sys-on-surface-variant);
    }
  `,
})
export class LoadingState {
  readonly label = input('Loading…');
}
