import { type DestroyRef, signal } from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { type Observable } from 'rxjs';

import { type ProblemView, describeProblem } from '../../core/http/problem-message';

/** A page of a newest-first list, with where the next (older) page starts. */
export interface OlderPage<T> {
  readonly items: T[];
  readonly nextBefore: string | null;
}

/**
 * A newest-first list read a page at a time with "Load more": each page is appended, and a failed
 * page keeps those already shown and can be tried again. Create it in an injection context.
 */
export class OlderPages<T> {
  readonly items = signal<T[] | null>(null);
  readonly nextBefore = signal<string | null>(null);
  readonly loading = signal(false);
  readonly problem = signal<ProblemView | null>(null);

  constructor(
    private readonly destroyRef: DestroyRef,
    private readonly fetch: (before: string | undefined) => Observable<OlderPage<T>>,
    private readonly what: string,
  ) {}

  more(): void {
    this.loading.set(true);
    this.problem.set(null);
    this.fetch(this.nextBefore() ?? undefined)
      .pipe(takeUntilDestroyed(this.destroyRef))
      .subscribe({
        next: (page) => {
          this.loading.set(false);
          this.items.set([...(this.items() ?? []), ...page.items]);
          this.nextBefore.set(page.nextBefore);
        },
        error: (error: unknown) => {
          this.loading.set(false);
          this.problem.set(describeProblem(error, this.what));
        },
      });
  }
}
