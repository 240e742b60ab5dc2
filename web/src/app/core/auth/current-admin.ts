import { DestroyRef, Injectable, inject, signal } from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';

import { type ProblemView, describeProblem } from '../http/problem-message';
import { SessionService } from './session.service';
import { SessionStore } from './session-store';

/**
 * `me` for one page, with its loading and error states. Provided per component, so a page that
 * needs fresh figures (My account) asks again, and the others reuse what sign-in loaded.
 */
@Injectable()
export class CurrentAdmin {
  private readonly session = inject(SessionService);
  private readonly destroyRef = inject(DestroyRef);

  readonly me = inject(SessionStore).me;
  readonly loading = signal(false);
  readonly problem = signal<ProblemView | null>(null);

  /** Loads `me` unless it is already known; `fresh` asks the API again in any case. */
  load(fresh = false): void {
    if (this.me() && !fresh) {
      return;
    }
    this.loading.set(true);
    this.problem.set(null);
    this.session
      .loadMe()
      .pipe(takeUntilDestroyed(this.destroyRef))
      .subscribe({
        next: () => this.loading.set(false),
        error: (error: unknown) => {
          this.loading.set(false);
          this.problem.set(describeProblem(error, 'Loading your account'));
        },
      });
  }
}
