import { ChangeDetectionStrategy, Component, DestroyRef, type OnInit, inject } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { type OrgActivityEventDto } from '@mtp/api-client';

import { OlderPages } from '../../../shared/data/older-pages';
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

  private readonly pages = new OlderPages<OrgActivityEventDto>(this.destroyRef, (before) => this.api.activity(this.console.orgId(), PAGE, before), 'Loading the activity');
  protected readonly events = this.pages.items;
  protected readonly nextBefore = this.pages.nextBefore;
  protected readonly loading = this.pages.loading;
  protected readonly problem = this.pages.problem;

  ngOnInit(): void {
    this.more();
  }

  protected more(): void {
    this.pages.more();
  }
}
