import { ChangeDetectionStrategy, Component, computed, inject, input } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatIconModule } from '@angular/material/icon';
import { MatTooltipModule } from '@angular/material/tooltip';

import { SessionStore } from '../../../core/auth/session-store';
import { LAUNCHERS } from '../../launch/launch-words';
import { type LaunchWhere, Launcher } from '../../launch/launcher';
import { partnerRoleOf } from '../partner-role';

export const CANNOT_LAUNCH = 'Read-only admins look at organizations from the portal; they do not launch into them';

/**
 * Launch into one org: the button opens its console in this tab, the icon beside it in a new tab.
 * Roles the API does not let launch see it disabled, saying why on hover and focus
 * (disabled-but-interactive keeps it reachable for that).
 */
@Component({
  selector: 'mtp-launch-button',
  imports: [MatButtonModule, MatIconModule, MatTooltipModule],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    @if (allowed()) {
      <button mat-button type="button" [disabled]="busy()" [attr.aria-label]="'Launch ' + orgName()" (click)="launch('here')">Launch</button>
      <button
        mat-icon-button
        type="button"
        class="new-tab"
        [disabled]="busy()"
        matTooltip="Launch in a new tab"
        [attr.aria-label]="'Launch ' + orgName() + ' in a new tab'"
        (click)="launch('new-tab')"
      >
        <mat-icon svgIcon="open-in-new" aria-hidden="true" />
      </button>
    } @else {
      <button mat-button type="button" disabled disabledInteractive [matTooltip]="cannot" [attr.aria-label]="'Launch ' + orgName()">
        Launch
      </button>
    }
  `,
  styles: `
    :host {
      display: inline-flex;
      align-items: center;
    }
    .new-tab {
      margin-left: -4px;
    }
  `,
})
export class LaunchButton {
  private readonly launcher = inject(Launcher);
  private readonly store = inject(SessionStore);

  /** The public OrgID. */
  readonly orgId = input.required<string>();
  readonly orgName = input.required<string>();

  protected readonly cannot = CANNOT_LAUNCH;
  protected readonly allowed = computed(() => {
    const role = partnerRoleOf(this.store.me());
    return !!role && LAUNCHERS.includes(role);
  });
  /** One launch at a time: a second click while the first is on its way would open a second session. */
  protected readonly busy = computed(() => this.launcher.busy() !== null);

  protected launch(where: LaunchWhere): void {
    this.launcher.launch({ orgId: this.orgId(), name: this.orgName() }, where);
  }
}
