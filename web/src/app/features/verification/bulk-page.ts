import { ChangeDetectionStrategy, Component, computed, inject, linkedSignal, signal } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatIconModule } from '@angular/material/icon';
import { MatInputModule } from '@angular/material/input';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatTableModule } from '@angular/material/table';
import { RouterLink } from '@angular/router';

import { NoticeBanner } from '../../shared/ui/page-states';
import { type BulkRow, type Outcome, SENDABLE, outcomeWords, parseRows } from './bulk-rows';
import { BulkRun } from './bulk-run';

/** A list is text a person could paste; a larger file is surely not one. */
const MAX_FILE_BYTES = 1_000_000;

/**
 * Many verification requests at once: a pasted or uploaded list, checked here first, then sent in
 * batches with each row's outcome shown as its batch answers.
 */
@Component({
  selector: 'mtp-bulk-verification-page',
  imports: [MatButtonModule, MatFormFieldModule, MatIconModule, MatInputModule, MatProgressBarModule, MatTableModule, NoticeBanner, RouterLink],
  providers: [BulkRun],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './bulk-page.html',
  styleUrl: './bulk-page.scss',
})
export class BulkVerificationPage {
  protected readonly run = inject(BulkRun);

  protected readonly columns = ['line', 'orgId', 'email', 'outcome'];
  protected readonly outcomeWords = outcomeWords;
  protected readonly text = signal('');
  protected readonly fileProblem = signal<string | null>(null);
  private readonly parsed = computed(() => parseRows(this.text()));
  protected readonly duplicates = computed(() => this.parsed().duplicates);
  /** The rows with their outcomes, started over whenever the list changes. */
  protected readonly rows = linkedSignal<BulkRow[]>(() =>
    this.parsed().rows.map((row) => ({ ...row, outcome: row.problem ? 'invalid' : 'ready', message: row.problem ?? '' })),
  );
  protected readonly counts = computed(() => {
    const invalid = this.parsed().rows.filter((row) => row.problem).length;
    return { invalid, valid: this.parsed().rows.length - invalid };
  });
  protected readonly sendable = computed(() => this.rows().filter((row) => SENDABLE.includes(row.outcome)).length);
  protected readonly percent = computed(() => (this.run.total() ? (100 * this.run.done()) / this.run.total() : 0));
  protected readonly summary = computed(() => summaryOf(this.rows()));

  /** A new list starts over: its rows have no outcomes yet, and the last run's figures no longer apply. */
  protected setText(value: string): void {
    this.text.set(value);
    this.run.reset();
  }

  protected upload(input: HTMLInputElement): void {
    const file = input.files?.item(0);
    // Cleared, so choosing the same file again after editing reads it again.
    input.value = '';
    this.fileProblem.set(null);
    if (!file) {
      return;
    }
    if (file.size > MAX_FILE_BYTES) {
      this.fileProblem.set(`${file.name} is larger than 1 MB: split it, or paste the list.`);
      return;
    }
    const reader = new FileReader();
    reader.onload = () => this.setText(String(reader.result ?? ''));
    reader.onerror = () => this.fileProblem.set(`${file.name} could not be read. Try again, or paste the list.`);
    reader.readAsText(file);
  }
}

const SUMMARY_WORDS: [Outcome, string][] = [
  ['requested', 'requested'],
  ['invalid', 'invalid'],
  ['rate_limited', 'rate limited'],
  ['failed', 'failed'],
  ['not_sent', 'not sent'],
];

function summaryOf(rows: readonly BulkRow[]): string {
  const parts = SUMMARY_WORDS.map(([outcome, word]) => [rows.filter((row) => row.outcome === outcome).length, word] as const)
    .filter(([count]) => count > 0)
    .map(([count, word]) => `${count} ${word}`);
  return `Summary: ${parts.join(', ')}. Requested rows are listed under Verifications, where their codes are entered.`;
}
