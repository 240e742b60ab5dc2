import { DatePipe } from '@angular/common';
import { ChangeDetectionStrategy, Component, DestroyRef, type OnInit, computed, inject, input, signal } from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { MatButtonModule } from '@angular/material/button';
import { MatCardModule } from '@angular/material/card';
import { MatDialog } from '@angular/material/dialog';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { type VerificationOutcomeDto, type VerificationRequestPreviewDto } from '@mtp/api-client';
import { filter } from 'rxjs';

import { type ProblemView, describeProblem } from '../../core/http/problem-message';
import { confirmAction } from '../../shared/ui/confirm-dialog';
import { LoadingState, ProblemBanner } from '../../shared/ui/page-states';
import { DEAD_LINKS, type DeadLink, deadLink, partnerKindWords } from './approval-words';
import { VerificationApi } from './verification-api';

type Action = 'approve' | 'decline';

type State =
  | { readonly kind: 'loading' }
  | { readonly kind: 'failed'; readonly problem: ProblemView }
  | { readonly kind: 'dead'; readonly reason: DeadLink }
  | { readonly kind: 'ready'; readonly preview: VerificationRequestPreviewDto }
  | { readonly kind: 'done'; readonly outcome: VerificationOutcomeDto };

/**
 * Where the verification email's link leads an org's admin, signed in or not: which partner asks to
 * manage which org, and what that means, then their answer. The link's token is the only proof.
 */
@Component({
  selector: 'mtp-approve-verification-page',
  imports: [DatePipe, LoadingState, MatButtonModule, MatCardModule, MatProgressBarModule, ProblemBanner],
  changeDetection: ChangeDetectionStrategy.OnPush,
  host: { class: 'mtp-card-page' },
  templateUrl: './approve-verification-page.html',
  styleUrl: './approve-verification-page.scss',
})
export class ApproveVerificationPage implements OnInit {
  private readonly api = inject(VerificationApi);
  private readonly dialog = inject(MatDialog);
  private readonly destroyRef = inject(DestroyRef);

  /** The request's one-time token from the emailed link (query parameter). */
  readonly token = input<string>();

  protected readonly kindWords = partnerKindWords;
  protected readonly state = signal<State>({ kind: 'loading' });
  protected readonly acting = signal<Action | null>(null);
  protected readonly actionProblem = signal<ProblemView | null>(null);
  private lastAction: Action = 'approve';

  protected readonly preview = computed(() => pick(this.state(), 'ready')?.preview ?? null);
  protected readonly outcome = computed(() => pick(this.state(), 'done')?.outcome ?? null);
  protected readonly loadProblem = computed(() => pick(this.state(), 'failed')?.problem ?? null);
  protected readonly dead = computed(() => {
    const reason = pick(this.state(), 'dead')?.reason;
    return reason ? DEAD_LINKS[reason] : null;
  });
  protected readonly heading = computed(() => {
    const outcome = this.outcome();
    if (!this.token()) {
      return 'This link is incomplete';
    }
    if (outcome) {
      return outcome.status === 'verified' ? 'Approved' : 'Declined';
    }
    return this.dead()?.title ?? 'Approve a partner';
  });

  ngOnInit(): void {
    this.lookup();
  }

  protected lookup(): void {
    const token = this.token();
    if (!token) {
      return;
    }
    this.state.set({ kind: 'loading' });
    this.api
      .lookup(token)
      .pipe(takeUntilDestroyed(this.destroyRef))
      .subscribe({
        next: (preview) => this.state.set({ kind: 'ready', preview }),
        error: (error: unknown) => this.fail(error, () => this.state.set({ kind: 'failed', problem: describeProblem(error, 'Opening the request') })),
      });
  }

  protected approve(): void {
    this.act('approve');
  }

  protected decline(): void {
    const preview = this.preview();
    if (!preview) {
      return;
    }
    confirmAction(this.dialog, {
      title: 'Decline this request?',
      message: `${preview.partnerName} will not manage ${preview.orgName}, and this link stops working.`,
      confirm: 'Decline',
    })
      .pipe(filter(Boolean))
      .subscribe(() => this.act('decline'));
  }

  protected retry(): void {
    this.act(this.lastAction);
  }

  private act(action: Action): void {
    const token = this.token();
    if (!token || this.acting()) {
      return;
    }
    this.lastAction = action;
    this.acting.set(action);
    this.actionProblem.set(null);
    (action === 'approve' ? this.api.approve(token) : this.api.decline(token)).pipe(takeUntilDestroyed(this.destroyRef)).subscribe({
      next: (outcome) => {
        this.acting.set(null);
        this.state.set({ kind: 'done', outcome });
      },
      error: (error: unknown) => {
        this.acting.set(null);
        const doing = action === 'approve' ? 'Approving' : 'Declining';
        this.fail(error, () => this.actionProblem.set(describeProblem(error, doing)));
      },
    });
  }

  /** A link that no longer works has its own page; anything else is said where it happened. */
  private fail(error: unknown, otherwise: () => void): void {
    const reason = deadLink(error);
    if (reason) {
      this.state.set({ kind: 'dead', reason });
    } else {
      otherwise();
    }
  }
}

function pick<K extends State['kind']>(state: State, kind: K): Extract<State, { kind: K }> | null {
  return state.kind === kind ? (state as Extract<State, { kind: K }>) : null;
}
