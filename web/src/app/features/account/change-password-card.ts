import { HttpClient } from '@angular/common/http';
import { ChangeDetectionStrategy, Component, DestroyRef, inject, signal } from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { type FormGroupDirective, NonNullableFormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatCardModule } from '@angular/material/card';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { ApiConfiguration, changePassword } from '@mtp/api-client';

import { type ProblemView, describeProblem } from '../../core/http/problem-message';
import { NEW_PASSWORD_VALIDATORS, PASSWORD_MIN_LENGTH, PASSWORD_RULES_TEXT, repeats } from '../../shared/forms/form-rules';
import { NoticeBanner, ProblemBanner } from '../../shared/ui/page-states';

/** Changing the password needs the current one; the API then signs out every other session. */
@Component({
  selector: 'mtp-change-password-card',
  imports: [MatButtonModule, MatCardModule, MatFormFieldModule, MatInputModule, NoticeBanner, ProblemBanner, ReactiveFormsModule],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <mat-card appearance="outlined">
      <mat-card-header>
        <mat-card-title><h2 class="card-title">Change password</h2></mat-card-title>
      </mat-card-header>
      <mat-card-content>
        <form class="mtp-form" [formGroup]="form" (ngSubmit)="submit(formDirective)" #formDirective="ngForm" novalidate>
          @if (changed()) {
            <mtp-notice-banner tone="success">Your password was changed. Your other sessions were signed out.</mtp-notice-banner>
          }
          @if (failure(); as problem) {
            <mtp-problem-banner [problem]="problem" />
          }
          <mat-form-field appearance="outline">
            <mat-label>Current password</mat-label>
            <input matInput type="password" formControlName="currentPassword" autocomplete="current-password" required />
            <mat-error>Enter your current password.</mat-error>
          </mat-form-field>
          <mat-form-field appearance="outline" subscriptSizing="dynamic" class="new-password">
            <mat-label>New password</mat-label>
            <input matInput type="password" formControlName="newPassword" autocomplete="new-password" required />
            <mat-hint>{{ rules }}</mat-hint>
            @if (form.controls.newPassword.hasError('required')) {
              <mat-error>Choose a new password.</mat-error>
            } @else {
              <mat-error>Use at least {{ minLength }} characters.</mat-error>
            }
          </mat-form-field>
          <mat-form-field appearance="outline">
            <mat-label>Confirm new password</mat-label>
            <input matInput type="password" formControlName="confirmPassword" autocomplete="new-password" required />
            @if (form.controls.confirmPassword.hasError('mismatch')) {
              <mat-error>The two new passwords are not the same.</mat-error>
            } @else {
              <mat-error>Type the new password again.</mat-error>
            }
          </mat-form-field>
          <div class="mtp-form__actions">
            <button mat-flat-button type="submit" [disabled]="submitting()">
              {{ submitting() ? 'Changing…' : 'Change password' }}
            </button>
          </div>
        </form>
      </mat-card-content>
    </mat-card>
  `,
  styles: `
    .card-title {
      margin: 0;
      font: var(--mat-sys-title-medium);
    }
    .new-password {
      margin-bottom: 16px;
    }
  `,
})
export class ChangePasswordCard {
  private readonly http = inject(HttpClient);
  private readonly api = inject(ApiConfiguration);
  private readonly destroyRef = inject(DestroyRef);

  protected readonly rules = PASSWORD_RULES_TEXT;
  protected readonly minLength = PASSWORD_MIN_LENGTH;
  protected readonly submitting = signal(false);
  protected readonly changed = signal(false);
  protected readonly failure = signal<ProblemView | null>(null);
  protected readonly form = inject(NonNullableFormBuilder).group({
    currentPassword: ['', Validators.required],
    newPassword: ['', NEW_PASSWORD_VALIDATORS],
    confirmPassword: ['', [Validators.required, repeats('newPassword')]],
  });

  protected submit(formDirective: FormGroupDirective): void {
    this.form.controls.confirmPassword.updateValueAndValidity();
    if (this.submitting()) {
      return;
    }
    if (this.form.invalid) {
      this.form.markAllAsTouched();
      return;
    }
    const { currentPassword, newPassword } = this.form.getRawValue();
    this.submitting.set(true);
    this.changed.set(false);
    this.failure.set(null);
    changePassword(this.http, this.api.rootUrl, { body: { currentPassword, newPassword } })
      .pipe(takeUntilDestroyed(this.destroyRef))
      .subscribe({
        next: () => {
          this.submitting.set(false);
          this.changed.set(true);
          // Through the directive, so the emptied fields do not show as errors.
          formDirective.resetForm();
        },
        error: (error: unknown) => {
          this.submitting.set(false);
          this.failure.set(describeProblem(error, 'Changing the password'));
        },
      });
  }
}
