import { DestroyRef, Injectable, inject, signal } from '@angular/core';
import { type OrgOverviewDto } from '@mtp/api-client';
import { type Subscription } from 'rxjs';

import { ApiProblem } from '../../core/http/api-problem';
import { type ProblemView, describeProblem } from '../../core/http/problem-message';
import { OrgApi } from './org-api';

/**
 * The org the console shows, with its figures: provided by the console layout, read by every tab,
 * and refreshed by the tabs after each change so the figures never lag behind the tables.
 */
@Injectable()
export class OrgConsole {
  private readonly api = inject(OrgApi);
  private loading$: Subscription | undefined;

  readonly orgId = signal('');
  readonly overview = signal<OrgOverviewDto | null>(null);
  readonly loading = signal(false);
  /** The API answered `orgs.not_found`: no such org, or not one this admin may manage. */
  readonly notFound = signal(false);
  readonly problem = signal<ProblemView | null>(null);

  constructor() {
    inject(DestroyRef).onDestroy(() => this.loading$?.unsubscribe());
  }

  /** Shows another org: what was shown of the previous one is dropped at once. */
  open(orgId: string): void {
    if (orgId === this.orgId() && (this.overview() || this.loading())) {
      return;
    }
    this.orgId.set(orgId);
    this.overview.set(null);
    this.load();
  }

  /** Drops what is shown, and stops loading it: the console may no longer show this org. */
  reset(): void {
    this.loading$?.unsubscribe();
    this.overview.set(null);
    this.loading.set(false);
    this.notFound.set(false);
    this.problem.set(null);
  }

  /** Asks for the figures again, keeping the current ones on screen meanwhile. */
  refresh(): void {
    this.load();
  }

  /** Takes a fresh overview from an answer that carries one (the settings form). */
  accept(overview: OrgOverviewDto): void {
    if (overview.orgId === this.orgId()) {
      this.overview.set(overview);
    }
  }

  private load(): void {
    const orgId = this.orgId();
    this.loading$?.unsubscribe();
    this.loading.set(true);
    this.notFound.set(false);
    this.problem.set(null);
    this.loading$ = this.api.overview(orgId).subscribe({
      next: (overview) => {
        this.loading.set(false);
        this.overview.set(overview);
      },
      error: (error: unknown) => {
        this.loading.set(false);
        if (error instanceof ApiProblem && error.status === 404) {
          this.overview.set(null);
          this.notFound.set(true);
        } else {
          this.problem.set(describeProblem(error, 'Loading the organization'));
        }
      },
    });
  }
}
