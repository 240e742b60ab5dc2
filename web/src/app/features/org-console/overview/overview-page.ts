import { DatePipe, DecimalPipe } from '@angular/common';
import { ChangeDetectionStrategy, Component, DestroyRef, type OnInit, inject, signal } from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { MatButtonModule } from '@angular/material/button';
import { RouterLink } from '@angular/router';
import { type OrgActivityEventDto } from '@mtp/api-client';

import { type ProblemView, describeProblem } from '../../../core/http/problem-message';
import { LoadingState, ProblemBanner } from '../../../shared/ui/page-states';
import { ActivityList } from '../activity/activity-list';
import { OrgApi } from '../org-api';
import { OrgConsole } from '../org-console';
import { FigureCard } from './figure-card';

const RECENT_EVENTS = 8;

/** The org at a glance: its figures, and what happened in it lately. */
@Component({
  selector: 'mtp-overview-page',
  imports: [ActivityList, DatePipe, DecimalPipe, FigureCard, LoadingState, MatButtonModule, ProblemBanner, RouterLink],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './overview-page.html',
  styleUrl: './overview-page.scss',
})
export class OverviewPage implements OnInit {
  private readonly api = inject(OrgApi);
  private readonly destroyRef = inject(DestroyRef);
  protected readonly console = inject(OrgConsole);

  protected readonly events = signal<OrgActivityEventDto[] | null>(null);
  protected readonly eventsProblem = signal<ProblemView | null>(null);

  ngOnInit(): void {
    // The figures may have changed on another tab, or by another admin, since the console opened.
    this.console.refresh();
    this.loadEvents();
  }

  protected loadEvents(): void {
    this.eventsProblem.set(null);
    this.api
      .activity(this.console.orgId(), RECENT_EVENTS)
      .pipe(takeUntilDestroyed(this.destroyRef))
      .subscribe({
        next: (page) => this.events.set(page.items),
        error: (error: unknown) => this.eventsProblem.set(describeProblem(error, 'Loading the activity')),
      });
  }
}
