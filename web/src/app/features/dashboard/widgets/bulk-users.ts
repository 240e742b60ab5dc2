import { DestroyRef, Injectable, computed, inject, signal } from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { type BulkUserResultDto, type PortfolioUserDto } from '@mtp/api-client';
import { type Observable, catchError, concatMap, from, map, of } from 'rxjs';

import { type ProblemView, describeProblem } from '../../../core/http/problem-message';
import { DashboardApi } from '../dashboard-api';
import { BULK_WORDS, type BulkAction, type BulkOutcome } from '../dashboard-words';

/** How many ids go in one request: small enough that the bar moves on a large selection. */
export const BULK_CHUNK_SIZE = 10;

export interface BulkRowResult {
  readonly userId: string;
  readonly username: string;
  readonly orgName: string;
  readonly outcome: BulkOutcome;
}

export interface BulkRun {
  readonly action: BulkAction;
  readonly total: number;
  /** How many of the users have an answer so far. */
  readonly done: number;
  readonly results: readonly BulkRowResult[];
  /** Why a request failed as a whole (its users count as failed); the last such reason. */
  readonly problem: ProblemView | null;
  readonly finished: boolean;
}

interface ChunkAnswer {
  readonly rows: readonly BulkRowResult[];
  readonly problem: ProblemView | null;
}

/**
 * Unlocks or suspends a selection of users across orgs, ten at a time, one request after the
 * other, keeping what each user's outcome was. A request that fails as a whole marks its users
 * failed and the run goes on with the next.
 */
@Injectable()
export class BulkUsers {
  private readonly api = inject(DashboardApi);
  private readonly destroyRef = inject(DestroyRef);

  readonly run = signal<BulkRun | null>(null);
  readonly busy = computed(() => {
    const run = this.run();
    return !!run && !run.finished;
  });

  /** Starts a run over these users; `finished` is called once every chunk has its answer. */
  start(action: BulkAction, users: readonly PortfolioUserDto[], finished: () => void): void {
    if (this.busy() || users.length === 0) {
      return;
    }
    this.run.set({ action, total: users.length, done: 0, results: [], problem: null, finished: false });
    from(chunks(users, BULK_CHUNK_SIZE))
      .pipe(
        concatMap((chunk) => this.send(action, chunk)),
        takeUntilDestroyed(this.destroyRef),
      )
      .subscribe({
        next: (answer) =>
          this.run.update((run) =>
            run && {
              ...run,
              done: run.done + answer.rows.length,
              results: [...run.results, ...answer.rows],
              problem: answer.problem ?? run.problem,
            },
          ),
        complete: () => {
          this.run.update((run) => run && { ...run, finished: true });
          finished();
        },
      });
  }

  dismiss(): void {
    if (!this.busy()) {
      this.run.set(null);
    }
  }

  private send(action: BulkAction, chunk: readonly PortfolioUserDto[]): Observable<ChunkAnswer> {
    const ids = chunk.map((user) => user.id);
    const request = action === 'unlock' ? this.api.unlock(ids) : this.api.suspend(ids);
    return request.pipe(
      map((answer): ChunkAnswer => ({ rows: rowsOf(answer.results, chunk), problem: null })),
      catchError((error: unknown) =>
        of<ChunkAnswer>({
          rows: chunk.map((user) => rowOf({ userId: user.id, org: null, outcome: 'failed' }, user)),
          problem: describeProblem(error, `${BULK_WORDS[action].running} users`),
        }),
      ),
    );
  }
}

function chunks<T>(items: readonly T[], size: number): T[][] {
  const result: T[][] = [];
  for (let start = 0; start < items.length; start += size) {
    result.push(items.slice(start, start + size));
  }
  return result;
}

/** One row per user sent, in the order sent; a user the answer left out counts as failed. */
function rowsOf(results: readonly BulkUserResultDto[], chunk: readonly PortfolioUserDto[]): BulkRowResult[] {
  const byId = new Map(results.map((result) => [result.userId, result]));
  return chunk.map((user) => rowOf(byId.get(user.id) ?? { userId: user.id, org: null, outcome: 'failed' }, user));
}

/** The API names the user and org when it can; the list the user was picked from names them otherwise. */
function rowOf(result: BulkUserResultDto, user: PortfolioUserDto): BulkRowResult {
  return {
    userId: result.userId,
    username: result.username ?? user.username,
    orgName: result.org?.name ?? user.org.name,
    outcome: result.outcome,
  };
}
