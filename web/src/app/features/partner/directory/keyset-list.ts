import { DestroyRef, type Signal, type WritableSignal, computed, inject, signal } from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { type Observable, Subject, catchError, map, of, switchMap, tap } from 'rxjs';

import { type ProblemView, describeProblem } from '../../../core/http/problem-message';

export const PAGE_SIZES: readonly number[] = [10, 25, 50, 100];
export const DEFAULT_PAGE_SIZE = 25;

/** What every keyset-paged answer of the partner routes has. */
export interface KeysetPage {
  readonly items: readonly unknown[];
  readonly nextCursor: string | null;
}

/** Where to read from: how many rows, and after which row (none: the first page). */
export interface KeysetPaging {
  readonly limit: number;
  readonly cursor?: string;
}

export interface KeysetListOptions<F, P extends KeysetPage> {
  /** The sort and filters the list starts with. */
  readonly filters: F;
  readonly load: (filters: F, paging: KeysetPaging) => Observable<P>;
  /** What loading is, in words, for failures the portal has no words for ("Loading the users"). */
  readonly doing: string;
}

/**
 * A table the server pages by cursors. A cursor is only good with the sort and filters that made it,
 * so any change of those (or of the page size) starts again from the first page. The cursors that
 * led to the current page are kept as a stack: Previous pops one, Next pushes the page's own.
 *
 * Create it in an injection context (a component's field): it stops with its component.
 */
export class KeysetList<F, P extends KeysetPage> {
  private readonly load$ = new Subject<void>();
  private readonly cursors = signal<readonly string[]>([]);
  private readonly filterState: WritableSignal<F>;

  /** The sort and filters of the rows shown (or on their way). */
  readonly filters: Signal<F>;
  readonly pageSize = signal(DEFAULT_PAGE_SIZE);
  readonly page = signal<P | null>(null);
  readonly loading = signal(true);
  readonly problem = signal<ProblemView | null>(null);

  /** 1 for the first page. */
  readonly pageNumber = computed(() => this.cursors().length + 1);
  readonly hasPrevious = computed(() => this.cursors().length > 0);
  readonly hasNext = computed(() => !!this.page()?.nextCursor);
  /** The position of the page's first row in the whole list, from 1. */
  readonly firstRow = computed(() => this.cursors().length * this.pageSize() + 1);

  constructor(options: KeysetListOptions<F, P>) {
    this.filterState = signal(options.filters);
    this.filters = this.filterState.asReadonly();
    this.load$
      .pipe(
        map(() => ({ filters: this.filters(), paging: this.paging() })),
        tap(() => {
          this.loading.set(true);
          this.problem.set(null);
        }),
        switchMap(({ filters, paging }) =>
          options.load(filters, paging).pipe(
            map((page) => ({ page, problem: null })),
            catchError((error: unknown) => of({ page: null, problem: describeProblem(error, options.doing) })),
          ),
        ),
        takeUntilDestroyed(inject(DestroyRef)),
      )
      .subscribe(({ page, problem }) => {
        this.loading.set(false);
        this.problem.set(problem);
        if (page) {
          this.page.set(page);
        }
      });
    this.load$.next();
  }

  /** New sort or filters: back to the first page. */
  change(patch: Partial<F>): void {
    this.filterState.update((filters) => ({ ...filters, ...patch }));
    this.cursors.set([]);
    this.load$.next();
  }

  setPageSize(size: number): void {
    this.pageSize.set(size);
    this.cursors.set([]);
    this.load$.next();
  }

  next(): void {
    const cursor = this.page()?.nextCursor;
    // While a page is on its way, its own next cursor is not known yet: a second click would skip it.
    if (!cursor || this.loading()) {
      return;
    }
    this.cursors.update((cursors) => [...cursors, cursor]);
    this.load$.next();
  }

  previous(): void {
    if (!this.hasPrevious() || this.loading()) {
      return;
    }
    this.cursors.update((cursors) => cursors.slice(0, -1));
    this.load$.next();
  }

  /** The same page again, as it is now. */
  refresh(): void {
    this.load$.next();
  }

  private paging(): KeysetPaging {
    const cursor = this.cursors().at(-1);
    return cursor ? { limit: this.pageSize(), cursor } : { limit: this.pageSize() };
  }
}
