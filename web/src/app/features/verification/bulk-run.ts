import { formatDate } from '@angular/common';
import { DestroyRef, Injectable, LOCALE_ID, type WritableSignal, inject, signal } from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { type BulkVerificationRowDto } from '@mtp/api-client';

import { ApiProblem } from '../../core/http/api-problem';
import { type BulkRow, type Outcome, SENDABLE, chunks } from './bulk-rows';
import { VerificationApi } from './verification-api';
import { verificationProblem, waitWords } from './verification-words';

/** The most rows the API takes in one call. */
export const BATCH_SIZE = 25;

/**
 * Sends a list of rows in batches, one after the other, filling in each row's outcome as its batch
 * answers. Every batch counts against the partner's rate limit, so a 429 stops the run instead of
 * failing every batch after it.
 */
@Injectable()
export class BulkRun {
  private readonly api = inject(VerificationApi);
  private readonly destroyRef = inject(DestroyRef);
  private readonly locale = inject(LOCALE_ID);

  readonly running = signal(false);
  /** Rows in this run, and how many of them have an answer. */
  readonly total = signal(0);
  readonly done = signal(0);
  /** Why the run stopped before its end, when it did. */
  readonly stopped = signal<string | null>(null);
  readonly ended = signal(false);

  start(rows: WritableSignal<BulkRow[]>): void {
    const picked = rows().flatMap((row, index) => (SENDABLE.includes(row.outcome) ? [index] : []));
    if (this.running() || picked.length === 0) {
      return;
    }
    this.total.set(picked.length);
    this.done.set(0);
    this.stopped.set(null);
    this.ended.set(false);
    this.running.set(true);
    mark(rows, picked, 'waiting');
    this.send(rows, chunks(picked, BATCH_SIZE), 0);
  }

  /** Forgets the last run, for a new list. */
  reset(): void {
    if (!this.running()) {
      this.total.set(0);
      this.done.set(0);
      this.stopped.set(null);
      this.ended.set(false);
    }
  }

  private send(rows: WritableSignal<BulkRow[]>, batches: number[][], at: number): void {
    const batch = batches[at];
    if (!batch) {
      this.end();
      return;
    }
    mark(rows, batch, 'sending');
    const body = batch.map((index) => ({ orgId: rows()[index].orgId, email: rows()[index].email }));
    this.api
      .requestMany(body)
      .pipe(takeUntilDestroyed(this.destroyRef))
      .subscribe({
        next: (answers) => {
          answer(rows, batch, answers);
          this.done.update((done) => done + batch.length);
          this.send(rows, batches, at + 1);
        },
        error: (error: unknown) => {
          if (error instanceof ApiProblem && error.status === 429) {
            mark(rows, batches.slice(at).flat(), 'not_sent');
            this.stopped.set(this.stopWords(error.retryAfterSeconds));
            this.end();
            return;
          }
          mark(rows, batch, 'failed', verificationProblem(error, 'Sending these requests'));
          this.done.update((done) => done + batch.length);
          this.send(rows, batches, at + 1);
        },
      });
  }

  private end(): void {
    this.running.set(false);
    this.ended.set(true);
  }

  private stopWords(seconds: number | null): string {
    const after = seconds === null ? '' : ` (after ${formatDate(Date.now() + seconds * 1000, 'shortTime', this.locale)})`;
    return (
      `Stopped: your partner has sent too many verification requests for now. Continue in ${waitWords(seconds)}${after}: ` +
      'sending again requests the rows not sent.'
    );
  }
}

function mark(rows: WritableSignal<BulkRow[]>, indices: readonly number[], outcome: Outcome, message = ''): void {
  const picked = new Set(indices);
  rows.update((list) => list.map((row, index) => (picked.has(index) ? { ...row, outcome, message } : row)));
}

/** Each answer belongs to the row of the same OrgID and email; its position is the fallback. */
function answer(rows: WritableSignal<BulkRow[]>, batch: readonly number[], answers: readonly BulkVerificationRowDto[]): void {
  const byKey = new Map(answers.map((row) => [key(row), row]));
  const outcomes = new Map(
    batch.map((index, position) => {
      const found = byKey.get(key(rows()[index])) ?? answers[position];
      const outcome: Pick<BulkRow, 'outcome' | 'message'> = found
        ? { outcome: found.outcome, message: found.outcome === 'requested' ? '' : found.message }
        : { outcome: 'failed', message: 'the server did not answer for this row' };
      return [index, outcome] as const;
    }),
  );
  rows.update((list) => list.map((row, index) => ({ ...row, ...outcomes.get(index) })));
}

function key(row: { readonly orgId: string; readonly email: string }): string {
  return `${row.orgId.toLowerCase()}\n${row.email.toLowerCase()}`;
}
