import { ChangeDetectionStrategy, Component, DestroyRef, computed, inject, signal } from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { NonNullableFormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatCardModule } from '@angular/material/card';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { Router, RouterLink } from '@angular/router';

import { AuthService, type MfaProof } from '../../core/auth/auth.service';
import { SignInFlow } from '../../core/auth/sign-in-flow';
import { ApiProblem } from '../../core/http/api-problem';
import { type ProblemView, describeProblem } from '../../core/http/problem-message';
import { ONE_TIME_CODE_VALIDATORS, normalizeOneTimeCode } from '../../shared/forms/form-rules';
import { ProblemBanner } from '../../shared/ui/page-states';

/** The second sign-in step: the code from the authenticator app, or one recovery code. */
@Component({
  selector: 'mtp-mfa-page',
  imports: [
    MatButtonModule,
    MatCardModule,
    MatFormFieldModule,
    MatInputModule,
    MatProgressBarModule,
    ProblemBanner,
    ReactiveFormsModule,
    RouterLink,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './mfa-page.html',
  host: { class: 'mtp-card-page' },
  styles: '.back { margin: 16px 0 0; }',
})
export class MfaPage {
  private readonly auth = inject(AuthService);
  private readonly flow = inject(SignInFlow);
  private readonly router = inject(Router);
  private readonly destroyRef = inject(DestroyRef);

  protected readonly email = computed(() => this.flow.pending()?.email ?? '');
  protected readonly useRecoveryCode = signal(false);
  protected readonly submitting = signal(false);
  protected readonly failure = signal<ProblemView | null>(null);
  protected readonly form = inject(NonNullableFormBuilder).group({
    code: ['', ONE_TIME_CODE_VALIDATORS],
    recoveryCode: [{ value: '', disabled: true }, Validators.required],
  });

  protected toggleMethod(): void {
    const recovery = !this.useRecoveryCode();
    this.useRecoveryCode.set(recovery);
    this.failure.set(null);
    const { code, recoveryCode } = this.form.controls;
    // Only the visible field is validated and sent.
    (recovery ? code : recoveryCode).disable();
    (recovery ? recoveryCode : code).enable();
  }

  protected submit(): void {
    if (this.submitting()) {
      return;
    }
    if (this.form.invalid) {
      this.form.markAllAsTouched();
      return;
    }
    const { code, recoveryCode } = this.form.getRawValue();
    const proof: MfaProof = this.useRecoveryCode()
      ? { recoveryCode: recoveryCode.trim() }
      : { code: normalizeOneTimeCode(code) };
    this.submitting.set(true);
    this.failure.set(null);
    this.auth
      .verify(proof)
      .pipe(takeUntilDestroyed(this.destroyRef))
      .subscribe({
        next: (destination) => void this.router.navigateByUrl(destination),
        error: (error: unknown) => this.fail(error),
      });
  }

  private fail(error: unknown): void {
    this.submitting.set(false);
    if (error instanceof ApiProblem && error.code === 'auth.challenge_invalid') {
      // The password step has expired too: start over there, saying why.
      this.flow.reset({ text: 'Your sign-in took too long. Enter your email and password again.', tone: 'warning' });
      void this.router.navigateByUrl('/sign-in');
      return;
    }
    const recoveryRefused = this.useRecoveryCode() && error instanceof ApiProblem && error.code === 'auth.mfa_invalid';
    this.failure.set(
      recoveryRefused
        ? { message: 'That recovery code is not valid, or it was already used.', reference: error.correlationId }
        : describeProblem(error, 'Sign-in'),
    );
  }
}
