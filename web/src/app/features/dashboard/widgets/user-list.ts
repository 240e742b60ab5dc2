import { inject, signal } from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { type ListPartnerUsers$Params, type PortfolioUserDto, type PortfolioUserPageDto } from '@mtp/api-client';
import { Subject, catchError, map, of, switchMap, tap } from 'rxjs';

import { type ProblemView, describeProblem } from '../../../core/http/problem-message';
import { DashboardApi } from '../dashboard-api';
import { DashboardRefresh } from '../dashboard-refresh';

/** How many users a widget lists at first, and adds with each "Show more". */
export const WIDGET_PAGE_SIZE = 10;

type Answer = { readonly cursor: string | null } & (
  | { readonly page: PortfolioUserPageDto; readonly problem: null }
  | { readonly page: null; readonly problem: ProblemView }
);

/**
 * One widget's cross-org user list, read a page at a time by keyset: `more()` asks for the page
 * after the last one with the same query, `reload()` starts again from the first. It follows the
 * dashboard's refreshes by itself. Create it in an injection context (a component's field).
 */
export class UserList {
  private readonly api = inject(DashboardApi);
  private readonly requests = new Subject<string | null>();

  readonly items = signal<readonly PortfolioUserDto[]>([]);
  readonly nextCursor = signal<string | null>(null);
  readonly loading = signal(true);
  readonly problem = signal<ProblemView | null>(null);

  constructor(query: ListPartnerUsers$Params, doing: string) {
    this.requests
      .pipe(
        tap(() => {
          this.loading.set(true);
          this.problem.set(null);
        }),
        // A reload overtakes a "Show more" on its way, whose page would no longer follow on.
        switchMap((cursor) =>
          this.api.users({ ...query, limit: WIDGET_PAGE_SIZE, ...(cursor ? { cursor } : {}) }).pipe(
            map((page): Answer => ({ cursor, page, problem: null })),
            catchError((error: unknown) => of<Answer>({ cursor, page: null, problem: describeProblem(error, doing) })),
          ),
        ),
        takeUntilDestroyed(),
      )
      .subscribe((answer) => {
        this.loading.set(false);
        this.problem.set(answer.problem);
        if (answer.page) {
          this.items.set(answer.cursor ? [...this.items(), ...answer.page.items] : answer.page.items);
          this.nextCursor.set(answer.page.nextCursor);
        }
      });
    inject(DashboardRefresh, { optional: true })
      ?.requests.pipe(takeUntilDestroyed())
      .subscribe(() => this.reload());
    this.reload();
  }

  reload(): void {
    this.requests.next(null);
  }

  more(): void {
    const cursor = this.nextCursor();
    if (cursor) {
      this.requests.next(cursor);
    }
  }
}
