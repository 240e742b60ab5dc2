import { DatePipe, DecimalPipe } from '@angular/common';
import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatPaginatorModule, type PageEvent } from '@angular/material/paginator';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatTableModule } from '@angular/material/table';
import { type PartnerOrgPageDto } from '@mtp/api-client';
import { BehaviorSubject, Subject, catchError, debounceTime, distinctUntilChanged, filter, map, of, switchMap, tap } from 'rxjs';

import { SessionStore } from '../../../core/auth/session-store';
import { type ProblemView, describeProblem } from '../../../core/http/problem-message';
import { ProblemBanner } from '../../../shared/ui/page-states';
import { SEARCH_DEBOUNCE_MS } from '../../../shared/forms/search-debounce';
import { VERIFIERS } from '../../verification/verification-roles';
import { VerificationActions } from '../../verification/verification-actions';
import { PartnerApi } from '../partner-api';
import { partnerRoleOf } from '../partner-role';

const PAGE_SIZE = 25;

interface OrgQuery {
  readonly search: string;
  readonly pageIndex: number;
  readonly pageSize: number;
}

/** The partner's customer organizations with their figures, paged and searched by the server. */
@Component({
  selector: 'mtp-partner-orgs',
  imports: [
    DatePipe,
    DecimalPipe,
    MatButtonModule,
    MatFormFieldModule,
    MatInputModule,
    MatPaginatorModule,
    MatProgressBarModule,
    MatTableModule,
    ProblemBanner,
  ],
  providers: [VerificationActions],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './partner-orgs.html',
  styleUrls: ['../partner-table.scss', './partner-orgs.scss'],
})
export class PartnerOrgs {
  private readonly api = inject(PartnerApi);
  private readonly store = inject(SessionStore);
  private readonly query$ = new BehaviorSubject<OrgQuery>({ search: '', pageIndex: 0, pageSize: PAGE_SIZE });
  private readonly search$ = new Subject<string>();
  protected readonly actions = inject(VerificationActions);

  /** The API lets only these roles add orgs, so no one else is offered the button. */
  protected readonly canAdd = computed(() => {
    const role = partnerRoleOf(this.store.me());
    return !!role && VERIFIERS.includes(role);
  });
  protected readonly pageSizes = [PAGE_SIZE, 50, 100];
  protected readonly columns = ['name', 'orgId', 'users', 'systems', 'admins', 'mfa', 'lockedOut', 'associatedSince'];
  protected readonly query = signal(this.query$.value);
  protected readonly page = signal<PartnerOrgPageDto | null>(null);
  protected readonly loading = signal(true);
  protected readonly problem = signal<ProblemView | null>(null);

  constructor() {
    // A pending request adds nothing to this list; only a verified or created org does.
    this.actions.changed
      .pipe(
        filter((result) => result?.kind === 'verified' || result?.kind === 'created'),
        takeUntilDestroyed(),
      )
      .subscribe(() => this.refresh());
    this.search$
      .pipe(debounceTime(inject(SEARCH_DEBOUNCE_MS)), map((search) => search.trim()), distinctUntilChanged(), takeUntilDestroyed())
      .subscribe((search) => this.change({ search, pageIndex: 0 }));
    this.query$
      .pipe(
        tap((query) => {
          this.query.set(query);
          this.loading.set(true);
          this.problem.set(null);
        }),
        switchMap((query) =>
          this.api
            .orgs({ limit: query.pageSize, offset: query.pageIndex * query.pageSize, ...(query.search ? { search: query.search } : {}) })
            .pipe(
              map((page) => ({ page, problem: null })),
              catchError((error: unknown) => of({ page: null, problem: describeProblem(error, 'Loading the organizations') })),
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

  protected onSearch(value: string): void {
    this.search$.next(value);
  }

  protected onPage(event: PageEvent): void {
    const sameSize = event.pageSize === this.query().pageSize;
    this.change({ pageIndex: sameSize ? event.pageIndex : 0, pageSize: event.pageSize });
  }

  protected refresh(): void {
    this.query$.next(this.query$.value);
  }

  private change(patch: Partial<OrgQuery>): void {
    this.query$.next({ ...this.query$.value, ...patch });
  }
}
