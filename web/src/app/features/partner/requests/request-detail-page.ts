import { DatePipe } from '@angular/common';
import { ChangeDetectionStrategy, Component, DestroyRef, LOCALE_ID, computed, effect, inject, input, signal, untracked } from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { MatButtonModule } from '@angular/material/button';
import { MatDialog } from '@angular/material/dialog';
import { MatIconModule } from '@angular/material/icon';
import { MatSnackBar } from '@angular/material/snack-bar';
import { RouterLink } from '@angular/router';
import { type SupportRequestDetailsDto } from '@mtp/api-client';
import { filter } from 'rxjs';

import { ApiProblem } from '../../../core/http/api-problem';
import { type ProblemView } from '../../../core/http/problem-message';
import { confirmAction } from '../../../shared/ui/confirm-dialog';
import { LoadingState, ProblemBanner } from '../../../shared/ui/page-states';
import { RequestCommentBox } from './request-comment-box';
import { requestFacts } from './request-facts';
import { RequestTimeline } from './request-timeline';
import { isClosed, kindWord, requestProblem, statusWord } from './request-words';
import { RequestsApi } from './requests-api';

const CANCEL_FORBIDDEN = 'Only whoever filed this request, or an owner or admin of your partner, may cancel it.';

/**
 * One request: what it asks, its whole timeline, a comment box while it is open or in progress, and
 * Cancel while staff have not taken it, for whoever filed it and for owners and admins.
 */
@Component({
  selector: 'mtp-request-detail-page',
  imports: [DatePipe, LoadingState, MatButtonModule, MatIconModule, ProblemBanner, RequestCommentBox, RequestTimeline, RouterLink],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './request-detail-page.html',
  styleUrls: ['../partner-table.scss', './requests.scss', './request-detail-page.scss'],
})
export class RequestDetailPage {
  private readonly api = inject(RequestsApi);
  private readonly dialog = inject(MatDialog);
  private readonly snackBar = inject(MatSnackBar);
  private readonly destroyRef = inject(DestroyRef);
  private readonly locale = inject(LOCALE_ID);

  /** From the address. */
  readonly requestId = input.required<string>();

  protected readonly request = signal<SupportRequestDetailsDto | null>(null);
  protected readonly problem = signal<ProblemView | null>(null);
  /** Why the last comment or cancel was refused; stays until the next one. */
  protected readonly refusal = signal<string | null>(null);
  protected readonly cancelling = signal(false);

  protected readonly facts = computed(() => {
    const request = this.request();
    return request ? requestFacts(request, this.locale) : [];
  });
  protected readonly open = computed(() => !!this.request() && !isClosed(this.request()!.status));
  /** The API says whether this reader may cancel it now (open, and they filed it or are an owner or admin). */
  protected readonly mayCancel = computed(() => !!this.request()?.cancellable);
  protected readonly kindWord = kindWord;
  protected readonly statusWord = statusWord;

  constructor() {
    effect(() => {
      const id = this.requestId();
      untracked(() => {
        this.request.set(null);
        this.load(id);
      });
    });
  }

  protected reload(): void {
    this.load(this.requestId());
  }

  protected commented(request: SupportRequestDetailsDto): void {
    this.refusal.set(null);
    this.request.set(request);
  }

  protected refused(words: string): void {
    this.refusal.set(words);
    this.reload();
  }

  protected cancel(request: SupportRequestDetailsDto): void {
    this.refusal.set(null);
    confirmAction(this.dialog, {
      title: `Cancel request #${request.number}?`,
      message: 'Platform support will not act on it. A cancelled request stays cancelled: to ask again, file a new one.',
      confirm: 'Cancel request',
      dismiss: 'Keep it',
    })
      .pipe(filter(Boolean))
      .subscribe(() => {
        this.cancelling.set(true);
        this.api.cancel(request.id).subscribe({
          next: (cancelled) => {
            this.cancelling.set(false);
            this.request.set(cancelled);
            this.snackBar.open(`Request #${cancelled.number} cancelled`, 'OK', { duration: 5000 });
          },
          error: (error: unknown) => {
            this.cancelling.set(false);
            this.refusal.set(error instanceof ApiProblem && error.status === 403 ? CANCEL_FORBIDDEN : requestProblem(error, 'Cancelling the request'));
            // Whatever changed meanwhile (staff took it, say) shows at once.
            this.reload();
          },
        });
      });
  }

  private load(id: string): void {
    this.problem.set(null);
    this.api
      .get(id)
      .pipe(takeUntilDestroyed(this.destroyRef))
      .subscribe({
        next: (request) => this.request.set(request),
        error: (error: unknown) =>
          this.problem.set({ message: requestProblem(error, 'Loading the request'), reference: error instanceof ApiProblem ? error.correlationId : null }),
      });
  }
}
