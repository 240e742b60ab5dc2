import { ChangeDetectionStrategy, Component, computed, inject } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';

import { type ApiStatus, ApiStatusService } from './api-status.service';

const LABELS: Record<ApiStatus, string> = {
  checking: 'Checking API…',
  up: 'API online',
  down: 'API unavailable',
};

/** A small badge in the top bar telling whether the portal's server answers. */
@Component({
  selector: 'mtp-api-status-indicator',
  imports: [MatButtonModule],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <button
      mat-button
      type="button"
      class="indicator"
      [attr.data-status]="status()"
      [attr.title]="hint()"
      (click)="statusService.refresh()"
    >
      <span class="dot" aria-hidden="true"></span><span class="label">{{ label() }}</span>
    </button>
  `,
  styles: `
    .indicator {
      --dot-color: var(--mat-sys-outline);
    }
    .indicator[data-status='up'] {
      --dot-color: #2e7d32;
    }
    .indicator[data-status='down'] {
      --dot-color: var(--mat-sys-error);
    }
    .dot {
      display: inline-block;
      width: 10px;
      height: 10px;
      margin-right: 8px;
      border-radius: 50%;
      background: var(--dot-color);
    }
    /* On a phone the dot alone shows the status; the words remain for screen readers. */
    @media (max-width: 599.98px) {
      .dot {
        margin-right: 0;
      }
      .label {
        position: absolute;
        width: 1px;
        height: 1px;
        overflow: hidden;
        clip: rect(0 0 0 0);
      }
    }
  `,
})
export class ApiStatusIndicator {
  protected readonly statusService = inject(ApiStatusService);
  protected readonly status = this.statusService.status;
  protected readonly checkedAt = this.statusService.checkedAt;
  protected readonly label = computed(() => LABELS[this.status()]);
  protected readonly hint = computed(() => {
    const at = this.checkedAt();
    const when = at ? ` Last checked at ${at.toLocaleTimeString()}.` : '';
    const what = this.status() === 'down' ? 'The portal cannot reach its server.' : '';
    return `${what}${when} Click to check again.`.trim();
  });
}
