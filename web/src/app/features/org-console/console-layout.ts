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
import { LaunchBanner } from '../launch/launch-banner';
import { LaunchButton } from '../partner/orgs/launch-button';
import { ConsoleAccess } from './console-access';
import { OrgConsole } from './org-console';
import { OrgSwitcher } from './org-switcher';

const TABS = [
  { label: 'Overview', path: '' },
  { label: 'Users', path: 'users' },
  { label: 'Systems', path: 'systems' },
  { label: 'Admins', path: 'admins' },
  { label: 'Activity', path: 'activity' },
  { label: 'Settings', path: 'settings' },
];
const PARTNER_ACCESS_TAB = { label: 'Partner access', path: 'partner-access' };

/**
 * The frame of one org's console: in a launch session its banner, then the org's name and OrgID,
 * the switcher between the admin's orgs, the tabs, and the tab's page. The tabs appear only once the
 * API has confirmed the org is within reach, so an unknown OrgID shows "not found" and never another
 * org's data; and they go as soon as a launch session ends, so nothing more is done in it.
 */
@Component({
  selector: 'mtp-console-layout',
  imports: [
    LaunchBanner,
    LaunchButton,
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
  providers: [OrgConsole, ConsoleAccess],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './console-layout.html',
  styleUrl: './console-layout.scss',
})
export class ConsoleLayout {
  private readonly store = inject(SessionStore);
  private readonly clipboard = inject(Clipboard);
  private readonly snackBar = inject(MatSnackBar);
  protected readonly console = inject(OrgConsole);
  protected readonly access = inject(ConsoleAccess);

  /** The public 24-hex OrgID from the address. */
  readonly orgId = input.required<string>();

  /** The partners' access is the org's own admins' business: a launched session has no such tab. */
  protected readonly tabs = computed(() => (this.access.oversees() ? [...TABS, PARTNER_ACCESS_TAB] : TABS));

  protected readonly memberships = computed(() => this.store.me()?.orgMemberships ?? []);
  protected readonly homeUrl = computed(() => landingUrl(this.store.me()));
  protected readonly endedOrgName = computed(() => this.access.ended()?.session?.org.name ?? this.console.overview()?.name ?? 'this organization');

  constructor() {
    effect(() => {
      const orgId = this.orgId();
      untracked(() => this.access.open(orgId));
    });
    // The org is loaded once its credential is known, and dropped the moment it is not (a session ended).
    effect(() => {
      const ready = this.access.ready();
      const orgId = this.access.orgId();
      untracked(() => (ready ? this.console.open(orgId) : this.console.reset()));
    });
  }

  protected copyOrgId(orgId: string): void {
    const copied = this.clipboard.copy(orgId);
    this.snackBar.open(copied ? 'OrgID copied' : 'Could not copy: select the OrgID and copy it', undefined, { duration: 3000 });
  }
}
