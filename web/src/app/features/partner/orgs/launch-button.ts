import { ChangeDetectionStrategy, Component, input } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatTooltipModule } from '@angular/material/tooltip';

export const LAUNCH_LATER = 'Launch arrives with launch sessions';

/**
 * Where launching into an org will be. Until launch sessions exist it is shown, disabled, and says
 * why on hover and focus: disabled-but-interactive keeps it reachable for that.
 */
@Component({
  selector: 'mtp-launch-button',
  imports: [MatButtonModule, MatTooltipModule],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <button mat-button type="button" disabled disabledInteractive [matTooltip]="later" [attr.aria-label]="'Launch ' + orgName()">
      Launch
    </button>
  `,
})
export class LaunchButton {
  readonly orgName = input.required<string>();

  protected readonly later = LAUNCH_LATER;
}
