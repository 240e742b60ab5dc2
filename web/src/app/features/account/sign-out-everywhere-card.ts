import { ChangeDetectionStrategy, Component, DestroyRef, inject, signal } from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { MatButtonModule } from '@angular/material/button';
import { MatCardModule } from '@angular/material/card';

import { AuthService } from '../../core/auth/auth.service';
import { type ProblemView, describeProblem } from '../../core/http/problem-message';
import { ProblemBanner } from '../../shared/ui/page-states';

/** Ends every session of the account, this one too: asks once more before doing it. */
@Component({
  selector: 'mtp-sign-out-everywhere-card',
  imports: [MatButtonModule, MatCardModule, ProblemBanner],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <mat-card appearance="outlined">
      <mat-card-header>
        <mat-card-title><h2 class="card-title">Sessions</h2></mat-card-title>
      </mat-card-header>
      <mat-card-content>
        <p>
          Signed in on a computer you no longer use, or think someone else is? Sign out of every
          browser at once, this one included.
        </p>
        @if (failure(); as problem) {
          <mtp-problem-banner [problem]="problem" />
        }
      </mat-card-content>
      <mat-card-actions class="actions">
        @if (confirming()) {
          <span class="question">Sign out everywhere now?</span>
          <button mat-flat-button type="button" class="danger" [disabled]="working()" (click)="signOutEverywhere()">
            {{ working() ? 'Signing out…' : 'Yes, sign out everywhere' }}
          </button>
          <button mat-button type="button" [disabled]="working()" (click)="confirming.set(false)">Cancel</button>
        } @else {
          <button mat-stroked-button type="button" (click)="confirming.set(true)">Sign out everywhere</button>
        }
      </mat-card-actions>
    </mat-card>
  `,
  styles: `
    .card-title {
      margin: 0;
      font: var(--mat-sys-title-medium);
    }
    .actions {
      flex-wrap: wrap;
      gap: 8px;
      padding: 16px;
    }
    .question {
      flex-basis: 100%;
      font: var(--mat-sys-title-small);
    }
    .danger {
      --mat-button-filled-container-color: var(--mat-sys-error);
      --mat-button-filled-label-text-color: var(--mat-sys-on-error);
    }
  `,
})
export class SignOutEverywhereCard {
  private readonly auth = inject(AuthService);
  private readonly destroyRef = inject(DestroyRef);

  protected readonly confirming = signal(false);
  protected readonly working = signal(false);
  protected readonly failure = signal<ProblemView | null>(null);

  protected signOutEverywhere(): void {
    this.working.set(true);
    this.failure.set(null);
    this.auth
      .signOutEverywhere()
      .pipe(takeUntilDestroyed(this.destroyRef))
      .subscribe({
        error: (error: unknown) => {
          this.working.set(false);
          this.failure.set(describeProblem(error, 'Signing out everywhere'));
        },
      });
  }
}
