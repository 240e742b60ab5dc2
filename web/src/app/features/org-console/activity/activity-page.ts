import { ChangeDetectionStrategy, Component, DestroyRef, type OnInit, inject, signal } from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { MatButtonModule } from '@angular/material/button';
import { type OrgActivityEventDto } from '@mtp/api-client';

import { type ProblemView, describeProblem } from '../../../core/http/problem-message';
import { LoadingState, ProblemBanner } from '../../../shared/ui/page-states';
import { OrgApi } from '../org-api';
import { OrgConsole } from '../org-console';
import { ActivityList } from './activity-list';

const PAGE = 25;

/** Everything recorded in the org, newest first, a page at a time. */
@Component({
  selector: 'mtp-activity-page',
  imports: [ActivityList, LoadingState, MatButtonModule, ProblemBanner],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <h2 class="title">Activity</h2>
    @if (events(); as list) {
      @if (list.length === 0) {
        <p class="empty">Nothing has happened in this organization yet.</p>
      } @else {
        <mtp-activity-list [events]="list" />
      }
    }
    @if (problem(); as problem) {
      <mtp-problem-banner [problem]="problem">
        <button mat-button type="button" (click)="more()">Try again</button>
      </mtp-problem-banner>
    } @else if (loading()) {
      <mtp-loading-state label="Loading the activity…" />
    } @else if (nextBefore()) {
      <button mat-stroked-button type="button" class="more" (click)="more()">Load more</button>
    }
  `,
  styles: `
    .title {
      margin-top: 0;
      font: var(--mat-sys-title-large);
    }
    .more {
      margin-top: 16px;
    }
    .empty {
      color: var(--mat-sys-on-surface-variant);
    }
  `,
})
export class ActivityPage implements OnInit {
  private readonly api = inject(OrgApi);
  private readonly console = inject(OrgConsole);
  private readonly destroyRef = inject(DestroyRef);

  protected readonly events = signal<OrgActivityEventDto[] | null>(null);
  protected readonly nextBefore = signal<string | null>(null);
  protected readonly loading = signal(false);
  protected readonly problem = signal<ProblemView | null>(null);

  ngOnInit(): void {
    this.more();
  }

  protected more(): void {
    this.loading.set(true);
    this.problem.set(null);
    this.api
      .activity(this.console.orgId(), PAGE, this.nextBefore() ?? undefined)
      .pipe(takeUntilDestroyed(this.destroyRef))
      .subscribe({
        next: (page) => {
          this.loading.set(false);
          this.events.set([...(this.events() ?? []), ...page.items]);
          this.nextBefore.set(page.nextBefore);
        },
        error: (error: unknown) => {
          this.loading.set(false);
          this.problem.set(describeProblem(error, 'Loading the activity'));
        },
      });
  }
}
