import { Clipboard } from '@angular/cdk/clipboard';
import { ChangeDetectionStrategy, Component, computed, effect, inject, input, untracked } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatIconModule } from '@angular/material/icon';
import { MatSnackBar } from '@angular/material/snack-bar';
import { MatTabsModule } from '@angular/material/tabs';
import { RouterLink, RouterLinkActive, RouterOutlet } from '@angular/router';

import { SessionStore } from '../../core/auth/session-store';
import { landingUrl } from '../../core/auth/sign-in-flow';
import { LoadingState, ProblemBanner } from '../../shared/ui/page-states';
import { OrgConsole } from './org-console';
import { OrgSwitcher } from './org-switcher';

/**
 * The frame of one org's console: its name and OrgID, the switcher between the admin's orgs, the
 * tabs, and the tab's page. The tabs appear only once the API has confirmed the org is within
 * reach, so an unknown OrgID shows "not found" and never another org's data.
 */
@Component({
  selector: 'mtp-console-layout',
  imports: [
    LoadingState,
    MatButtonModule,
    MatIconModule,
    MatTabsModule,
    OrgSwitcher,
    ProblemBanner,
    RouterLink,
    RouterLinkActive,
    RouterOutlet,
  ],
  providers: [OrgConsole],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './console-layout.html',
  styleUrl: './console-layout.scss',
})
export class ConsoleLayout {
  private readonly store = inject(SessionStore);
  private readonly clipboard = inject(Clipboard);
  private readonly snackBar = inject(MatSnackBar);
  protected readonly console = inject(OrgConsole);

  /** The public 24-hex OrgID from the address. */
  readonly orgId = input.required<string>();

  protected readonly tabs = [
    { label: 'Overview', path: '' },
    { label: 'Users', path: 'users' },
    { label: 'Systems', path: 'systems' },
    { label: 'Admins', path: 'admins' },
    { label: 'Activity', path: 'activity' },
    { label: 'Settings', path: 'settings' },
  ];

  protected readonly memberships = computed(() => this.store.me()?.orgMemberships ?? []);
  protected readonly homeUrl = computed(() => landingUrl(this.store.me()));

  constructor() {
    effect(() => {
      const orgId = this.orgId();
      untracked(() => this.console.open(orgId));
    });
  }

  protected copyOrgId(orgId: string): void {
    const copied = this.clipboard.copy(orgId);
    this.snackBar.open(copied ? 'OrgID copied' : 'Could not copy: select the OrgID and copy it', undefined, { duration: 3000 });
  }
}
