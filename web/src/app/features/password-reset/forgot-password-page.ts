import { HttpClient } from '@angular/common/http';
import { ChangeDetectionStrategy, Component, DestroyRef, inject, signal } from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { NonNullableFormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatCardModule } from '@angular/material/card';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { RouterLink } from '@angular/router';
import { ApiConfiguration, requestPasswordReset } from '@mtp/api-client';

import { SignInFlow } from '../../core/auth/sign-in-flow';
import { type ProblemView, describeProblem } from '../../core/http/problem-message';
import { NoticeBanner, ProblemBanner } from '../../shared/ui/page-states';

/**
 * Asks for a reset link. The answer is the same whether or not an account uses the address,
 * and so is this page's: nobody learns here who has an account.
 */
@Component({
  selector: 'mtp-forgot-password-page',
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
  template: `
    <mat-card appearance="outlined">
      @if (submitting()) {
        <mat-progress-bar mode="indeterminate" aria-label="Sending" />
      }
      <mat-card-header>
        <mat-card-title><h1 class="mtp-page-title">Forgot your password?</h1></mat-card-title>
        <mat-card-subtitle>We will email you a link to choose a new one.</mat-card-subtitle>
      </mat-card-header>
      <mat-card-content>
        @if (sentTo(); as email) {
          <mtp-notice-banner tone="success">
            If an account uses {{ email }}, an email with a link to choose a new password is on its way.
            The link works once, for 30 minutes. No email? Check your spam folder, or ask again.
          </mtp-notice-banner>
          <div class="mtp-form__actions done">
            <a mat-flat-button routerLink="/sign-in">Back to sign-in</a>
            <button mat-button type="button" (click)="sentTo.set(null)">Use another address</button>
          </div>
        } @else {
          <form class="mtp-form" [formGroup]="form" (ngSubmit)="submit()" novalidate>
            @if (failure(); as problem) {
              <mtp-problem-banner [problem]="problem" />
            }
            <mat-form-field appearance="outline">
              <mat-label>Email</mat-label>
              <input matInput type="email" formControlName="email" autocomplete="username" required />
              @if (form.controls.email.hasError('required')) {
                <mat-error>Enter your email address.</mat-error>
              } @else {
                <mat-error>Enter an email address like name&#64;example.com.</mat-error>
              }
            </mat-form-field>
            <div class="mtp-form__actions">
              <button mat-flat-button type="submit" [disabled]="submitting()">Email me a link</button>
              <a mat-button routerLink="/sign-in">Back to sign-in</a>
            </div>
          </form>
        }
      </mat-card-content>
    </mat-card>
  `,
  styles: '.done { margin-top: 16px; }',
})
export class ForgotPasswordPage {
  private readonly http = inject(HttpClient);
  private readonly api = inject(ApiConfiguration);
  private readonly destroyRef = inject(DestroyRef);

  protected readonly form = inject(NonNullableFormBuilder).group({
    email: [inject(SignInFlow).email(), [Validators.required, Validators.email]],
  });
  protected readonly submitting = signal(false);
  protected readonly failure = signal<ProblemView | null>(null);
  protected readonly sentTo = signal<string | null>(null);

  protected submit(): void {
    if (this.submitting()) {
      return;
    }
    if (this.form.invalid) {
      this.form.markAllAsTouched();
      return;
    }
    const email = this.form.getRawValue().email.trim();
    this.submitting.set(true);
    this.failure.set(null);
    requestPasswordReset(this.http, this.api.rootUrl, { body: { email } })
      .pipe(takeUntilDestroyed(this.destroyRef))
      .subscribe({
        next: () => {
          this.submitting.set(false);
          this.sentTo.set(email);
        },
        error: (error: unknown) => {
          this.submitting.set(false);
          this.failure.set(describeProblem(error, 'Asking for a reset link'));
        },
      });
  }
}
