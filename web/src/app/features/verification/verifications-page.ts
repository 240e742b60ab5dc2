import { DatePipe } from '@angular/common';
import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { MatButtonModule } from '@angular/material/button';
import { MatButtonToggleModule } from '@angular/material/button-toggle';
import { MatPaginatorModule, type PageEvent } from '@angular/material/paginator';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatTableModule } from '@angular/material/table';
import { RouterLink } from '@angular/router';
import { type VerificationPageDto } from '@mtp/api-client';
import { BehaviorSubject, catchError, map, of, switchMap, tap } from 'rxjs';

import { type ProblemView, describeProblem } from '../../core/http/problem-message';
import { ProblemBanner } from '../../shared/ui/page-states';
import { VerificationActions } from './verification-actions';
import { VerificationApi } from './verification-api';
import { verificationStatusWord } from './verification-words';

const PAGE_SIZE = 25;

interface VerificationQuery {
  readonly status: 'pending' | 'all';
  readonly pageIndex: number;
  readonly pageSize: number;
}

/** The partner's requests to manage existing orgs, paged by the server, with what can be done to each. */
@Component({
  selector: 'mtp-verifications-page',
  imports: [DatePipe, MatButtonModule, MatButtonToggleModule, MatPaginatorModule, MatProgressBarModule, MatTableModule, ProblemBanner, RouterLink],
  providers: [VerificationActions],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './verifications-page.html',
  styleUrl: './verifications-page.scss',
})
export class VerificationsPage {
  private readonly api = inject(VerificationApi);
  private readonly query$ = new BehaviorSubject<VerificationQuery>({ status: 'pending', pageIndex: 0, pageSize: PAGE_SIZE });
  protected readonly actions = inject(VerificationActions);

  protected readonly pageSizes = [PAGE_SIZE, 50, 100];
  protected readonly columns = ['orgId', 'email', 'status', 'requestedBy', 'sentCount', 'expiresAt', 'actions'];
  protected readonly statusWord = verificationStatusWord;
  protected readonly query = signal(this.query$.value);
  protected readonly page = signal<VerificationPageDto | null>(null);
  protected readonly loading = signal(true);
  protected readonly problem = signal<ProblemView | null>(null);

  constructor() {
    this.actions.changed.pipe(takeUntilDestroyed()).subscribe(() => this.refresh());
    this.query$
      .pipe(
        tap((query) => {
          this.query.set(query);
          this.loading.set(true);
          this.problem.set(null);
        }),
        switchMap((query) =>
          this.api.list({ status: query.status, limit: query.pageSize, offset: query.pageIndex * query.pageSize }).pipe(
            map((page) => ({ page, problem: null })),
            catchError((error: unknown) => of({ page: null, problem: describeProblem(error, 'Loading the verifications') })),
          ),
        ),
        takeUntilDestroyed(),
      )
      .subscribe(({ page, problem }) => {
        this.loading.set(false);
        this.problem.set(problem);
        if (page) {
          this.page.set(page);
        }
      });
  }

  protected onStatus(status: VerificationQuery['status']): void {
    this.change({ status, pageIndex: 0 });
  }

  protected onPage(event: PageEvent): void {
    const sameSize = event.pageSize === this.query().pageSize;
    this.change({ pageIndex: sameSize ? event.pageIndex : 0, pageSize: event.pageSize });
  }

  protected refresh(): void {
    this.query$.next(this.query$.value);
  }

  private change(patch: Partial<VerificationQuery>): void {
    this.query$.next({ ...this.query$.value, ...patch });
  }
}
