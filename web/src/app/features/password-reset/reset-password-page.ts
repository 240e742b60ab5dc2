import { HttpClient } from '@angular/common/http';
import { ChangeDetectionStrategy, Component, DestroyRef, inject, input, signal } from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { NonNullableFormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatCardModule } from '@angular/material/card';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { RouterLink } from '@angular/router';
import { ApiConfiguration, resetPassword } from '@mtp/api-client';

import { SessionService } from '../../core/auth/session.service';
import { ApiProblem } from '../../core/http/api-problem';
import { type ProblemView, describeProblem } from '../../core/http/problem-message';
import { NEW_PASSWORD_VALIDATORS, PASSWORD_MIN_LENGTH, PASSWORD_RULES_TEXT, repeats } from '../../shared/forms/form-rules';
import { NoticeBanner, ProblemBanner } from '../../shared/ui/page-states';

/** Where the emailed link leads: choose a new password with the link's one-time token. */
@Component({
  selector: 'mtp-reset-password-page',
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
  host: { class: 'mtp-card-page' },
  templateUrl: './reset-password-page.html',
  styles: '.new-password { margin-bottom: 16px; } .next { margin-top: 16px; }',
})
export class ResetPasswordPage {
  private readonly http = inject(HttpClient);
  private readonly api = inject(ApiConfiguration);
  private readonly session = inject(SessionService);
  private readonly destroyRef = inject(DestroyRef);

  /** The one-time token from the emailed link (query parameter). */
  readonly token = input<string>();

  protected readonly rules = PASSWORD_RULES_TEXT;
  protected readonly minLength = PASSWORD_MIN_LENGTH;
  protected readonly submitting = signal(false);
  protected readonly done = signal(false);
  protected readonly failure = signal<ProblemView | null>(null);
  /** The link itself is no good: asking for a new one is the only way on. */
  protected readonly linkInvalid = signal(false);
  protected readonly form = inject(NonNullableFormBuilder).group({
    newPassword: ['', NEW_PASSWORD_VALIDATORS],
    confirmPassword: ['', [Validators.required, repeats('newPassword')]],
  });

  protected submit(): void {
    this.form.controls.confirmPassword.updateValueAndValidity();
    const token = this.token();
    if (this.submitting() || !token) {
      return;
    }
    if (this.form.invalid) {
      this.form.markAllAsTouched();
      return;
    }
    this.submitting.set(true);
    this.failure.set(null);
    resetPassword(this.http, this.api.rootUrl, { body: { token, newPassword: this.form.getRawValue().newPassword } })
      .pipe(takeUntilDestroyed(this.destroyRef))
      .subscribe({
        next: () => {
          this.submitting.set(false);
          this.done.set(true);
          // The API signed the account out everywhere; this browser too.
          this.session.endLocally();
        },
        error: (error: unknown) => {
          this.submitting.set(false);
          const linkInvalid = isBadLink(error);
          this.linkInvalid.set(linkInvalid);
          this.failure.set(
            linkInvalid
              ? describeProblem(new ApiProblem({ ...(error as ApiProblem), code: 'auth.reset_link_invalid' }))
              : describeProblem(error, 'Changing the password'),
          );
        },
      });
  }
}

/** The link is no good: used, expired, or cut short (the API then refuses the token's format). */
function isBadLink(error: unknown): boolean {
  if (!(error instanceof ApiProblem)) {
    return false;
  }
  return (
    error.code === 'auth.reset_link_invalid' ||
    (error.code === 'request.validation_failed' && error.errors.some((field) => field.field === 'token'))
  );
}
