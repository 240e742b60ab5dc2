import { ChangeDetectionStrategy, Component, input } from '@angular/core';

/** One figure of the overview: a label, the number in large type, and a line that explains it. */
@Component({
  selector: 'mtp-figure-card',
  changeDetection: ChangeDetectionStrategy.OnPush,
  host: { role: 'group', '[attr.aria-label]': 'label()' },
  template: `
    <span class="label">{{ label() }}</span>
    <span class="value" data-testid="figure-value">{{ value() }}</span>
    <span class="detail" data-testid="figure-detail"><ng-content /></span>
  `,
  styles: `
    :host {
      display: flex;
      flex-direction: column;
      gap: 4px;
      padding: 16px;
      border: 1px solid var(--mat-sys-outline-variant);
      border-radius: 12px;
      background: var(--mat-sys-surface-container-low);
    }
    .label {
      font: var(--mat-sys-title-small);
      color: var(--mat-sys-on-surface-variant);
    }
    .value {
      font: var(--mat-sys-headline-medium);
    }
    .detail {
      font: var(--mat-sys-body-small);
      color: var(--mat-sys-on-surface-variant);
    }
  `,
})
export class FigureCard {
  readonly label = input.required<string>();
  readonly value = input.required<string | number | null>();
}
