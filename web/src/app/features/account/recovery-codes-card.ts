import { HttpClient } from '@angular/common/http';
import { ChangeDetectionStrategy, Component, DestroyRef, inject, input, output, signal } from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { type FormGroupDirective, NonNullableFormBuilder, ReactiveFormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatCardModule } from '@angular/material/card';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { ApiConfiguration, regenerateRecoveryCodes } from '@mtp/api-client';

import { type ProblemView, describeProblem } from '../../core/http/problem-message';
import { ONE_TIME_CODE_VALIDATORS, normalizeOneTimeCode } from '../../shared/forms/form-rules';
import { NoticeBanner, ProblemBanner } from '../../shared/ui/page-states';
import { RecoveryCodes } from '../../shared/ui/recovery-codes';

/** New recovery codes, after proving the authenticator is at hand; the old codes stop working. */
@Component({
  selector: 'mtp-recovery-codes-card',
  imports: [
    MatButtonModule,
    MatCardModule,
    MatFormFieldModule,
    MatInputModule,
    NoticeBanner,
    ProblemBanner,
    ReactiveFormsModule,
    RecoveryCodes,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <mat-card appearance="outlined">
      <mat-card-header>
        <mat-card-title><h2 class="card-title">Recovery codes</h2></mat-card-title>
      </mat-card-header>
      <mat-card-content>
        @if (codes(); as fresh) {
          <mtp-notice-banner tone="success">
            Here are your new recovery codes. The old ones no longer work. They are shown only now: keep them safe.
          </mtp-notice-banner>
          <mtp-recovery-codes class="codes" [codes]="fresh" [account]="account()" />
          <button mat-button type="button" (click)="codes.set(null)">Done</button>
        } @else {
          <p>
            You have {{ remaining() }} unused recovery code{{ remaining() === 1 ? '' : 's' }}. Running low, or lost
            them? Make new ones: enter the code your authenticator app shows now.
          </p>
          <form class="mtp-form" [formGroup]="form" (ngSubmit)="submit(formDirective)" #formDirective="ngForm" novalidate>
            @if (failure(); as problem) {
              <mtp-problem-banner [problem]="problem" />
            }
            <mat-form-field appearance="outline">
              <mat-label>6-digit code</mat-label>
              <input matInput class="mtp-mono" formControlName="code" inputmode="numeric" autocomplete="one-time-code" maxlength="7" required />
              <mat-error>Enter the 6-digit code from your authenticator app.</mat-error>
            </mat-form-field>
            <div class="mtp-form__actions">
              <button mat-flat-button type="submit" [disabled]="submitting()">
                {{ submitting() ? 'Making codes…' : 'Make new recovery codes' }}
              </button>
            </div>
          </form>
        }
      </mat-card-content>
    </mat-card>
  `,
  styles: `
    .card-title {
      margin: 0;
      font: var(--mat-sys-title-medium);
    }
    .codes {
      display: block;
      margin: 16px 0 8px;
    }
  `,
})
export class RecoveryCodesCard {
  private readonly http = inject(HttpClient);
  private readonly api = inject(ApiConfiguration);
  private readonly destroyRef = inject(DestroyRef);

  readonly account = input<string | null>(null);
  readonly remaining = input(0);
  /** Emitted once new codes exist, so the page can refresh its figures. */
  readonly regenerated = output<void>();

  protected readonly codes = signal<readonly string[] | null>(null);
  protected readonly submitting = signal(false);
  protected readonly failure = signal<ProblemView | null>(null);
  protected readonly form = inject(NonNullableFormBuilder).group({ code: ['', ONE_TIME_CODE_VALIDATORS] });

  protected submit(formDirective: FormGroupDirective): void {
    if (this.submitting()) {
      return;
    }
    if (this.form.invalid) {
      this.form.markAllAsTouched();
      return;
    }
    this.submitting.set(true);
    this.failure.set(null);
    const code = normalizeOneTimeCode(this.form.getRawValue().code);
    regenerateRecoveryCodes(this.http, this.api.rootUrl, { body: { code } })
      .pipe(takeUntilDestroyed(this.destroyRef))
      .subscribe({
        next: (response) => {
          this.submitting.set(false);
          formDirective.resetForm();
          this.codes.set(response.body.recoveryCodes);
          this.regenerated.emit();
        },
        error: (error: unknown) => {
          this.submitting.set(false);
          this.failure.set(describeProblem(error, 'Making new recovery codes'));
        },
      });
  }
}
