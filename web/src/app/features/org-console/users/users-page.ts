import { DatePipe } from '@angular/common';
import { ChangeDetectionStrategy, Component, DestroyRef, computed, inject, signal } from '@angular/core';
import { takeUntilDestroyed, toSignal } from '@angular/core/rxjs-interop';
import { MatButtonModule } from '@angular/material/button';
import { MatChipsModule } from '@angular/material/chips';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatIconModule } from '@angular/material/icon';
import { MatInputModule } from '@angular/material/input';
import { MatMenuModule } from '@angular/material/menu';
import { MatPaginatorModule, type PageEvent } from '@angular/material/paginator';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatSelectModule } from '@angular/material/select';
import { MatSortModule, type Sort } from '@angular/material/sort';
import { MatTableModule } from '@angular/material/table';
import { ActivatedRoute, Router } from '@angular/router';
import { type DirectoryUserPageDto } from '@mtp/api-client';
import { BehaviorSubject, Subject, catchError, combineLatest, debounceTime, distinctUntilChanged, map, of, switchMap, tap } from 'rxjs';

import { type ProblemView, describeProblem } from '../../../core/http/problem-message';
import { ProblemBanner } from '../../../shared/ui/page-states';
import { OrgApi } from '../org-api';
import { ConsoleAccess } from '../console-access';
import { OrgConsole } from '../org-console';
import { stateWord, fullName } from '../org-words';
import { UserActions } from './user-actions';
import { SEARCH_DEBOUNCE_MS } from '../../../shared/forms/search-debounce';
import { PAGE_SIZES, type UserQuery, type UserSort, hasFilters, parseUserQuery, userListParams, userQueryParams } from './user-query';


/** The org's directory users: a table paged, sorted and filtered by the server, its state in the address. */
@Component({
  selector: 'mtp-users-page',
  imports: [
    DatePipe,
    MatButtonModule,
    MatChipsModule,
    MatFormFieldModule,
    MatIconModule,
    MatInputModule,
    MatMenuModule,
    MatPaginatorModule,
    MatProgressBarModule,
    MatSelectModule,
    MatSortModule,
    MatTableModule,
    ProblemBanner,
  ],
  providers: [UserActions],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './users-page.html',
  styleUrl: './users-page.scss',
})
export class UsersPage {
  private readonly api = inject(OrgApi);
  private readonly router = inject(Router);
  private readonly route = inject(ActivatedRoute);
  private readonly console = inject(OrgConsole);
  protected readonly actions = inject(UserActions);
  /** A helpdesk session supports users (unlock, MFA, suspend, activate) but creates, edits or deletes none. */
  protected readonly manages = inject(ConsoleAccess).manages;

  protected readonly pageSizes = PAGE_SIZES;
  protected readonly stateWord = stateWord;
  protected readonly fullName = fullName;
  protected readonly columns = ['username', 'lastName', 'email', 'state', 'lastLoginAt', 'createdAt', 'actions'];

  protected readonly query = toSignal(this.route.queryParamMap.pipe(map(parseUserQuery)), { requireSync: true });
  protected readonly filtered = computed(() => hasFilters(this.query()));
  protected readonly page = signal<DirectoryUserPageDto | null>(null);
  protected readonly loading = signal(true);
  protected readonly problem = signal<ProblemView | null>(null);

  private readonly reload$ = new BehaviorSubject<void>(undefined);
  private readonly search$ = new Subject<string>();

  constructor() {
    const destroyRef = inject(DestroyRef);
    this.actions.changed.pipe(takeUntilDestroyed(destroyRef)).subscribe(() => this.refresh());
    this.search$
      .pipe(debounceTime(inject(SEARCH_DEBOUNCE_MS)), distinctUntilChanged(), takeUntilDestroyed(destroyRef))
      .subscribe((search) => this.change({ search, pageIndex: 0 }));
    combineLatest([this.route.queryParamMap.pipe(map(parseUserQuery)), this.reload$])
      .pipe(
        tap(() => {
          this.loading.set(true);
          this.problem.set(null);
        }),
        switchMap(([query]) =>
          this.api.users(this.console.orgId(), userListParams(query)).pipe(
            map((page) => ({ page, problem: null })),
            catchError((error: unknown) => of({ page: null, problem: describeProblem(error, 'Loading the users') })),
          ),
        ),
        takeUntilDestroyed(destroyRef),
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

  protected onSort(sort: Sort): void {
    this.change({ sort: sort.direction ? (sort.active as UserSort) : null, order: sort.direction || 'asc', pageIndex: 0 });
  }

  protected onPage(event: PageEvent): void {
    this.change({ pageIndex: event.pageSize === this.query().pageSize ? event.pageIndex : 0, pageSize: event.pageSize });
  }

  protected change(patch: Partial<UserQuery>): void {
    const query = { ...this.query(), ...patch };
    if (!('pageIndex' in patch)) {
      query.pageIndex = 0;
    }
    void this.router.navigate([], { relativeTo: this.route, queryParams: userQueryParams(query), replaceUrl: true });
  }

  protected clearFilters(): void {
    this.change({ search: '', state: null, mfa: null, locked: false });
  }

  protected refresh(): void {
    this.reload$.next();
    this.console.refresh();
  }
}
