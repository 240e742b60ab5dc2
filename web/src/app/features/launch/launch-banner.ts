import { ChangeDetectionStrategy, Component, DestroyRef, computed, effect, inject, input, signal, untracked } from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { MatButtonModule } from '@angular/material/button';
import { MatSnackBar } from '@angular/material/snack-bar';

import { ApiProblem } from '../../core/http/api-problem';
import { problemMessage } from '../../core/http/problem-message';
import { minutesLeft, tickingNow } from '../../core/launch/launch-clock';
import { type HeldLaunch, LaunchStore } from '../../core/launch/launch-store';
import { LaunchApi } from './launch-api';
import { adminWords, minutesWords } from './launch-words';

export const TIME_UP = 'The time of this launch session is up. Return to the portal to launch again if you need more.';
export const ENDED_HERE = 'You ended this launch session.';

/**
 * Across the top of a launched console: whose session this is, how long it has left, and the way to
 * end it. The time left is read out politely and changes once a minute, not at every tick.
 */
@Component({
  selector: 'mtp-launch-banner',
  imports: [MatButtonModule],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <section class="banner" aria-label="Launch session" data-testid="launch-banner">
      <div class="who">
        <strong class="org">{{ session().org.name }}</strong>
        <span>Managing as {{ admin() }} of {{ session().partner.name }}</span>
        @if (limited()) {
          <span class="limited">Helpdesk session: users can be unlocked, suspended, activated and have their MFA reset; nothing else changes.</span>
        }
      </div>
      <span class="time" aria-live="polite" aria-atomic="true" data-testid="launch-time-left">{{ timeLeft() }}</span>
      <button mat-stroked-button type="button" class="end" [disabled]="ending()" (click)="end()">End session</button>
    </section>
  `,
  styleUrl: './launch-banner.scss',
})
export class LaunchBanner {
  private readonly api = inject(LaunchApi);
  private readonly launches = inject(LaunchStore);
  private readonly snackBar = inject(MatSnackBar);
  private readonly destroyRef = inject(DestroyRef);
  private readonly now = tickingNow();

  readonly launch = input.required<HeldLaunch>();

  protected readonly session = computed(() => this.launch().session);
  protected readonly admin = computed(() => adminWords(this.session().admin));
  protected readonly limited = computed(() => !this.session().permissions.includes('org.manage'));
  protected readonly minutes = computed(() => minutesLeft(this.session().expiresAt, this.now()));
  protected readonly timeLeft = computed(() => `${minutesWords(this.minutes())} left`);
  protected readonly ending = signal(false);

  constructor() {
    effect(() => {
      if (this.minutes() === 0) {
        const orgId = this.session().org.orgId;
        untracked(() => this.launches.end(orgId, TIME_UP));
      }
    });
  }

  protected end(): void {
    const session = this.session();
    this.ending.set(true);
    this.api
      .end(session.id)
      .pipe(takeUntilDestroyed(this.destroyRef))
      .subscribe({
        next: (ended) => this.launches.end(session.org.orgId, ENDED_HERE, ended),
        error: (error: unknown) => {
          this.ending.set(false);
          if (error instanceof ApiProblem && error.status === 404) {
            // Not there any more for this admin: whatever happened, this tab cannot use it.
            this.launches.end(session.org.orgId, problemMessage(error));
            return;
          }
          this.snackBar.open(problemMessage(error, 'Ending the session'), 'OK', { duration: 8000 });
        },
      });
  }
}
