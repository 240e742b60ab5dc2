import { DatePipe, NgComponentOutlet } from '@angular/common';
import { ChangeDetectionStrategy, Component, type Type, inject, signal } from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { MatButtonModule } from '@angular/material/button';
import { MatIconModule } from '@angular/material/icon';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { type PortfolioOverviewDto } from '@mtp/api-client';
import { catchError, map, of, startWith, switchMap, tap } from 'rxjs';

import { type ProblemView, describeProblem } from '../../core/http/problem-message';
import { LoadingState, ProblemBanner } from '../../shared/ui/page-states';
import { DashboardApi } from './dashboard-api';
import { DashboardRefresh } from './dashboard-refresh';
import { DashboardTotals } from './dashboard-totals';
import { LockoutsWidget } from './widgets/lockouts-widget';
import { NewUsersWidget } from './widgets/new-users-widget';
import { PasswordExpiryWidget } from './widgets/password-expiry-widget';

/**
 * What a partner admin sees first: the totals over the orgs they may see, the charts, and the
 * lists that act across orgs. Refresh (or a bulk action) reads all of it again.
 */
@Component({
  selector: 'mtp-partner-dashboard',
  imports: [
    DashboardTotals,
    DatePipe,
    LoadingState,
    LockoutsWidget,
    MatButtonModule,
    MatIconModule,
    MatProgressBarModule,
    NewUsersWidget,
    NgComponentOutlet,
    PasswordExpiryWidget,
    ProblemBanner,
  ],
  providers: [DashboardRefresh],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './partner-dashboard.html',
  styleUrl: './partner-dashboard.scss',
})
export class PartnerDashboard {
  private readonly api = inject(DashboardApi);
  protected readonly refresh = inject(DashboardRefresh);

  protected readonly overview = signal<PortfolioOverviewDto | null>(null);
  protected readonly loading = signal(true);
  protected readonly problem = signal<ProblemView | null>(null);
  protected readonly charts = signal<Type<unknown> | null>(null);
  protected readonly chartsProblem = signal<ProblemView | null>(null);
  private chartsRequested = false;

  constructor() {
    this.refresh.requests
      .pipe(
        startWith(undefined),
        tap(() => {
          this.loading.set(true);
          this.problem.set(null);
        }),
        switchMap(() =>
          this.api.overview().pipe(
            map((overview) => ({ overview, problem: null })),
            catchError((error: unknown) => of({ overview: null, problem: describeProblem(error, 'Loading the figures') })),
          ),
        ),
        takeUntilDestroyed(),
      )
      .subscribe(({ overview, problem }) => {
        this.loading.set(false);
        this.problem.set(problem);
        // Figures shown before stay when a refresh fails, under the banner that says so.
        if (overview) {
          this.overview.set(overview);
          this.loadCharts();
        }
      });
  }

  /**
   * Chart.js and ng2-charts come in a chunk of their own once there are figures to draw. Not with
   * `@defer`: under jest's JIT compiler a deferred component is imported with the page, and
   * ng2-charts needs lodash-es, an ES module jest's CommonJS runtime cannot load, which would
   * break every test that opens the home page.
   */
  protected loadCharts(): void {
    if (this.chartsRequested) {
      return;
    }
    this.chartsRequested = true;
    this.chartsProblem.set(null);
    void import('./charts/dashboard-charts').then(
      (module) => this.charts.set(module.DashboardCharts),
      (error: unknown) => {
        this.chartsRequested = false;
        this.chartsProblem.set(describeProblem(error, 'Loading the charts'));
      },
    );
  }
}
