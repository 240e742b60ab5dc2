import { ChangeDetectionStrategy, Component, DestroyRef, inject, input, signal } from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { NonNullableFormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatCardModule } from '@angular/material/card';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { Router, RouterLink } from '@angular/router';

import { AuthService } from '../../core/auth/auth.service';
import { SignInFlow } from '../../core/auth/sign-in-flow';
import { type ProblemView, describeProblem } from '../../core/http/problem-message';
import { NoticeBanner, ProblemBanner } from '../../shared/ui/page-states';

/** The password step of sign-in; the code (or the authenticator set-up) comes next. */
@Component({
  selector: 'mtp-sign-in-page',
  imports: [
    MatButtonModule,
    MatCardModule,
    MatFormFieldModule,
    MatInputModule,
    MatProgressBarModule,
    NoticeBanner,
    ProblemBanner,
    ReactiveFormsModule,
    RouterLink,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './sign-in-page.html',
  styleUrl: './sign-in-page.scss',
})
export class SignInPage {
  private readonly auth = inject(AuthService);
  private readonly flow = inject(SignInFlow);
  private readonly router = inject(Router);
  private readonly destroyRef = inject(DestroyRef);

  /** Where the person was going when sent here (query parameter). */
  readonly returnUrl = input<string>();

  protected readonly form = inject(NonNullableFormBuilder).group({
    email: [this.flow.email(), [Validators.required, Validators.email]],
    password: ['', Validators.required],
  });
  protected readonly submitting = signal(false);
  protected readonly failure = signal<ProblemView | null>(null);
  /** Why the person is here again (signed out, session ended, sign-in expired), shown once. */
  protected readonly notice = signal(this.flow.takeNotice());

  protected submit(): void {
    if (this.submitting()) {
      return;
    }
    if (this.form.invalid) {
      this.form.markAllAsTouched();
      return;
    }
    const { email, password } = this.form.getRawValue();
    this.submitting.set(true);
    this.failure.set(null);
    this.notice.set(null);
    this.flow.rememberReturnUrl(this.returnUrl() ?? null);
    this.auth
      .signIn(email.trim(), password)
      .pipe(takeUntilDestroyed(this.destroyRef))
      .subscribe({
        next: (step) => {
          this.submitting.set(false);
          const next = step.status === 'mfa_required' ? '/sign-in/verify' : '/sign-in/set-up-mfa';
          void this.router.navigateByUrl(next);
        },
        error: (error: unknown) => {
          this.submitting.set(false);
          this.failure.set(describeProblem(error, 'Sign-in'));
        },
      });
  }
}
