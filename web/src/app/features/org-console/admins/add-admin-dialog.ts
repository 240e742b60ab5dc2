import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { NonNullableFormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MAT_DIALOG_DATA, MatDialogModule, MatDialogRef } from '@angular/material/dialog';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { type OrgAdminDto } from '@mtp/api-client';

import { ApiProblem } from '../../../core/http/api-problem';
import { problemMessage } from '../../../core/http/problem-message';
import { OrgApi } from '../org-api';
import { applyFieldErrors, fieldMessage } from '../../../shared/forms/field-errors';

const RULES = { required: 'Enter an email address.', email: 'Enter a valid email address.' };

/** Adds an admin by email; someone without an account yet is invited by email. */
@Component({
  selector: 'mtp-add-admin-dialog',
  imports: [MatButtonModule, MatDialogModule, MatFormFieldModule, MatInputModule, ReactiveFormsModule],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <h2 mat-dialog-title>Add an admin</h2>
    <form [formGroup]="form" (ngSubmit)="save()" novalidate>
      <mat-dialog-content>
        <p class="lead">Someone without an account of the portal is invited by email to choose a password.</p>
        @if (problem(); as text) {
          <div class="mtp-error-banner" role="alert">{{ text }}</div>
        }
        <mat-form-field class="email">
          <mat-label>Email</mat-label>
          <input matInput type="email" formControlName="email" autocomplete="off" />
          <mat-error>{{ message() }}</mat-error>
        </mat-form-field>
      </mat-dialog-content>
      <mat-dialog-actions align="end">
        <button mat-button type="button" mat-dialog-close>Cancel</button>
        <button mat-flat-button type="submit" [disabled]="saving()">Add admin</button>
      </mat-dialog-actions>
    </form>
  `,
  styles: `
    .email {
      width: 100%;
    }
    .lead {
      margin-top: 0;
    }
  `,
})
export class AddAdminDialog {
  private readonly api = inject(OrgApi);
  private readonly ref = inject<MatDialogRef<AddAdminDialog, OrgAdminDto>>(MatDialogRef);
  private readonly orgId = inject<string>(MAT_DIALOG_DATA);
  protected readonly form = inject(NonNullableFormBuilder).group({ email: ['', [Validators.required, Validators.email]] });
  protected readonly saving = signal(false);
  protected readonly problem = signal<string | null>(null);

  protected message(): string {
    return fieldMessage(this.form, 'email', RULES);
  }

  protected save(): void {
    if (this.form.invalid || this.saving()) {
      this.form.markAllAsTouched();
      return;
    }
    this.saving.set(true);
    this.problem.set(null);
    this.api.addAdmin(this.orgId, this.form.getRawValue().email.trim()).subscribe({
      next: (admin) => this.ref.close(admin),
      error: (error: unknown) => {
        this.saving.set(false);
        if (error instanceof ApiProblem && error.code === 'orgs.admin_exists') {
          this.form.controls.email.setErrors({ api: problemMessage(error) });
          return;
        }
        const unplaced = applyFieldErrors(this.form, error);
        this.problem.set(unplaced.length > 0 ? unplaced.join(' ') : this.form.valid ? problemMessage(error, 'Adding the admin') : null);
      },
    });
  }
}
