import { ChangeDetectionStrategy, Component, DestroyRef, type OnInit, computed, inject, signal } from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { NonNullableFormBuilder, ReactiveFormsModule } from '@angular/forms';
import { CdkCopyToClipboard } from '@angular/cdk/clipboard';
import { MatButtonModule } from '@angular/material/button';
import { MatCardModule } from '@angular/material/card';
import { MatCheckboxModule } from '@angular/material/checkbox';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatIconModule } from '@angular/material/icon';
import { MatInputModule } from '@angular/material/input';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { Router } from '@angular/router';
import { type EnrollmentSecretDto } from '@mtp/api-client';

import { AuthService } from '../../core/auth/auth.service';
import { SignInFlow } from '../../core/auth/sign-in-flow';
import { ApiProblem } from '../../core/http/api-problem';
import { type ProblemView, describeProblem, isUnauthorized } from '../../core/http/problem-message';
import { ONE_TIME_CODE_VALIDATORS, normalizeOneTimeCode } from '../../shared/forms/form-rules';
import { LoadingState, ProblemBanner } from '../../shared/ui/page-states';
import { RecoveryCodes } from '../../shared/ui/recovery-codes';

type Step =
  | { readonly kind: 'loading' }
  | { readonly kind: 'failed'; readonly problem: ProblemView }
  | { readonly kind: 'scan'; readonly secret: EnrollmentSecretDto }
  | { readonly kind: 'codes'; readonly codes: readonly string[] };

/**
 * First sign-in of an admin without MFA: connect an authenticator app, confirm it with a first
 * code, then keep the recovery codes. Only then is the portal open.
 */
@Component({
  selector: 'mtp-enrollment-page',
  imports: [
    CdkCopyToClipboard,
    LoadingState,
    MatButtonModule,
    MatCardModule,
    MatCheckboxModule,
    MatFormFieldModule,
    MatIconModule,
    MatInputModule,
    MatProgressBarModule,
    ProblemBanner,
    ReactiveFormsModule,
    RecoveryCodes,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './enrollment-page.html',
  styleUrl: './enrollment-page.scss',
})
export class EnrollmentPage implements OnInit {
  private readonly auth = inject(AuthService);
  private readonly flow = inject(SignInFlow);
  private readonly router = inject(Router);
  private readonly destroyRef = inject(DestroyRef);

  protected readonly step = signal<Step>({ kind: 'loading' });
  protected readonly email = signal(this.flow.pending()?.email ?? '');
  protected readonly submitting = signal(false);
  protected readonly failure = signal<ProblemView | null>(null);
  protected readonly secretCopied = signal(false);
  protected readonly saved = signal(false);
  protected readonly form = inject(NonNullableFormBuilder).group({ code: ['', ONE_TIME_CODE_VALIDATORS] });
  protected readonly loadProblem = computed(() => {
    const step = this.step();
    return step.kind === 'failed' ? step.problem : null;
  });
  protected readonly secret = computed(() => {
    const step = this.step();
    return step.kind === 'scan' ? step.secret : null;
  });
  protected readonly recoveryCodes = computed(() => {
    const step = this.step();
    return step.kind === 'codes' ? step.codes : null;
  });
  protected readonly title = computed(() =>
    this.step().kind === 'codes' ? 'Save your recovery codes' : 'Set up two-step sign-in',
  );

  ngOnInit(): void {
    this.loadSecret();
  }

  protected loadSecret(): void {
    this.step.set({ kind: 'loading' });
    this.auth
      .startEnrollment()
      .pipe(takeUntilDestroyed(this.destroyRef))
      .subscribe({
        next: (secret) => this.step.set({ kind: 'scan', secret }),
        error: (error: unknown) => (this.expired(error) ? undefined : this.step.set({ kind: 'failed', problem: describeProblem(error) })),
      });
  }

  protected confirm(): void {
    if (this.submitting()) {
      return;
    }
    if (this.form.invalid) {
      this.form.markAllAsTouched();
      return;
    }
    this.submitting.set(true);
    this.failure.set(null);
    this.auth
      .confirmEnrollment(normalizeOneTimeCode(this.form.getRawValue().code))
      .pipe(takeUntilDestroyed(this.destroyRef))
      .subscribe({
        next: (codes) => {
          this.submitting.set(false);
          this.step.set({ kind: 'codes', codes });
        },
        error: (error: unknown) => {
          this.submitting.set(false);
          if (!this.expired(error)) {
            this.failure.set(describeProblem(error, 'Setting up two-step sign-in'));
          }
        },
      });
  }

  protected continue(): void {
    void this.router.navigateByUrl(this.auth.destination());
  }

  /** The enrollment token lasts ten minutes: past that, sign-in starts over at the password. */
  private expired(error: unknown): boolean {
    const expired = isUnauthorized(error) && !(error instanceof ApiProblem && error.code === 'auth.mfa_invalid');
    if (expired) {
      this.flow.reset({ text: 'Your sign-in took too long. Enter your email and password again.', tone: 'warning' });
      void this.router.navigateByUrl('/sign-in');
    }
    return expired;
  }
}
