import { ChangeDetectionStrategy, Component, type OnInit, inject } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatListModule } from '@angular/material/list';
import { RouterLink } from '@angular/router';

import { CurrentAdmin } from '../../core/auth/current-admin';
import { LoadingState, ProblemBanner } from '../../shared/ui/page-states';

/** For an admin of both a partner and some organizations of their own: where to go now. */
@Component({
  selector: 'mtp-choose-page',
  imports: [LoadingState, MatButtonModule, MatListModule, ProblemBanner, RouterLink],
  providers: [CurrentAdmin],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <h1>Where do you want to go?</h1>
    @if (admin.loading()) {
      <mtp-loading-state label="Loading your memberships…" />
    } @else if (admin.problem(); as problem) {
      <mtp-problem-banner [problem]="problem">
        <button mat-button type="button" (click)="admin.load(true)">Try again</button>
      </mtp-problem-banner>
    } @else if (admin.me(); as me) {
      @if (me.partnerMemberships.length + me.orgMemberships.length === 0) {
        <p>Your account is not a member of any partner or organization yet.</p>
      }
      @if (me.partnerMemberships.length > 0) {
        <h2>Partner portal</h2>
        <mat-nav-list aria-label="Partners">
          @for (partner of me.partnerMemberships; track partner.partnerId) {
            <a mat-list-item routerLink="/">
              <span matListItemTitle>{{ partner.partnerName }}</span>
              <span matListItemLine>Your role: {{ partner.role }}</span>
            </a>
          }
        </mat-nav-list>
      }
      @if (me.orgMemberships.length > 0) {
        <h2>Your organizations</h2>
        <mat-nav-list aria-label="Organizations">
          @for (org of me.orgMemberships; track org.orgId) {
            <a mat-list-item [routerLink]="['/orgs', org.orgId]">
              <span matListItemTitle>{{ org.orgName }}</span>
              <span matListItemLine class="mtp-mono">OrgID {{ org.orgId }}</span>
            </a>
          }
        </mat-nav-list>
      }
    }
  `,
  styles: `
    h1 {
      font: var(--mat-sys-headline-medium);
    }
    h2 {
      margin: 24px 0 4px;
      font: var(--mat-sys-title-medium);
    }
    mat-nav-list {
      max-width: 560px;
    }
  `,
})
export class ChoosePage implements OnInit {
  protected readonly admin = inject(CurrentAdmin);

  ngOnInit(): void {
    this.admin.load();
  }
}
