import { ChangeDetectionStrategy, Component, type OnInit, computed, inject, input } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { RouterLink } from '@angular/router';

import { CurrentAdmin } from '../../core/auth/current-admin';
import { LoadingState, ProblemBanner } from '../../shared/ui/page-states';

/**
 * Where an org's own admin lands. The org console is not built yet: this page names the org and
 * says so, rather than showing anything made up.
 */
@Component({
  selector: 'mtp-org-page',
  imports: [LoadingState, MatButtonModule, ProblemBanner, RouterLink],
  providers: [CurrentAdmin],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    @if (admin.loading()) {
      <mtp-loading-state label="Loading the organization…" />
    } @else if (admin.problem(); as problem) {
      <mtp-problem-banner [problem]="problem">
        <button mat-button type="button" (click)="admin.load(true)">Try again</button>
      </mtp-problem-banner>
    } @else if (org(); as current) {
      <h1>{{ current.orgName }}</h1>
      <p class="mtp-mono id">OrgID {{ current.orgId }}</p>
      <p>
        The console of this organization (its users, devices and admins) arrives in a later
        version of the portal.
      </p>
    } @else {
      <h1>Organization not found</h1>
      <p>You are not an admin of an organization with this OrgID.</p>
      <a mat-stroked-button routerLink="/">Go to the home page</a>
    }
  `,
  styles: `
    h1 {
      margin-bottom: 4px;
      font: var(--mat-sys-headline-medium);
    }
    .id {
      margin-top: 0;
      color: var(--mat-sys-on-surface-variant);
    }
  `,
})
export class OrgPage implements OnInit {
  protected readonly admin = inject(CurrentAdmin);

  /** The public 24-hex OrgID from the address. */
  readonly orgId = input.required<string>();

  protected readonly org = computed(
    () => this.admin.me()?.orgMemberships.find((membership) => membership.orgId === this.orgId()) ?? null,
  );

  ngOnInit(): void {
    this.admin.load();
  }
}
