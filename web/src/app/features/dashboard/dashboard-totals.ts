import { DecimalPipe } from '@angular/common';
import { ChangeDetectionStrategy, Component, input } from '@angular/core';
import { type PortfolioTotalsDto } from '@mtp/api-client';

import { FigureCard } from '../org-console/overview/figure-card';

/**
 * The portfolio's totals over the orgs the admin may see, one labelled figure each (the same
 * cards as an org's own overview): a test or a screen reader finds "Locked out" and its number.
 */
@Component({
  selector: 'mtp-dashboard-totals',
  imports: [DecimalPipe, FigureCard],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    @let t = totals();
    <section class="figures" aria-label="Totals">
      <mtp-figure-card label="Organizations" [value]="t.orgs | number">in your reach</mtp-figure-card>
      <mtp-figure-card label="Users" [value]="t.users.total | number">
        <span data-testid="users-by-state">
          {{ t.users.active | number }} active · {{ t.users.suspended | number }} suspended · {{ t.users.staged | number }} staged
        </span>
      </mtp-figure-card>
      <mtp-figure-card label="Systems active" [value]="t.systemsActive | number">of {{ t.systemsTotal | number }} systems</mtp-figure-card>
      <mtp-figure-card label="Admins" [value]="t.admins | number">admin seats across the organizations</mtp-figure-card>
      <mtp-figure-card
        label="MFA coverage"
        [value]="t.mfaCoveragePercent === null ? '—' : (t.mfaCoveragePercent | number: '1.0-1') + ' %'"
      >
        @if (t.mfaCoveragePercent === null) {
          no active users yet
        } @else {
          {{ t.users.activeWithMfa | number }} of {{ t.users.active | number }} active users
        }
      </mtp-figure-card>
      <mtp-figure-card label="Locked out" [value]="t.users.lockedOut | number">users who cannot sign in until unlocked</mtp-figure-card>
      <mtp-figure-card label="Passwords expiring" [value]="t.users.passwordsExpiringIn14Days | number">
        in the next 14 days
      </mtp-figure-card>
      <mtp-figure-card label="Passwords expired" [value]="t.users.passwordsExpired | number">already past their expiry date</mtp-figure-card>
      <mtp-figure-card label="New users" [value]="t.users.newInLast7Days | number">in the last 7 days</mtp-figure-card>
    </section>
  `,
  styles: `
    .figures {
      display: grid;
      grid-template-columns: repeat(auto-fill, minmax(180px, 1fr));
      gap: 12px;
    }
  `,
})
export class DashboardTotals {
  readonly totals = input.required<PortfolioTotalsDto>();
}
