import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { FormControl, FormGroup, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatDialogModule, MatDialogRef } from '@angular/material/dialog';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { type PartnerInvitationDto } from '@mtp/api-client';

import { ApiProblem } from '../../../core/http/api-problem';
import { applyFieldErrors, fieldMessage } from '../../../shared/forms/field-errors';
import { PartnerApi } from '../partner-api';
import { partnerProblem } from '../partner-words';
import { AccessFields } from './access-fields';
import { AccessForm } from './access-form';

const RULES = { required: 'Enter an email address.', email: 'Enter a valid email address.', maxlength: 'At most 320 characters.' };

/** Refusals about the person invited, shown on the email field rather than above the form. */
const ABOUT_EMAIL = ['partners.admin_exists', 'partners.other_partner'];

/** Invites someone by email to become an admin of the partner, with a role and the orgs it reaches. */
@Component({
  selector: 'mtp-invite-dialog',
  imports: [AccessFields, MatButtonModule, MatDialogModule, MatFormFieldModule, MatInputModule, MatProgressBarModule, ReactiveFormsModule],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <h2 mat-dialog-title>Invite an admin</h2>
    <form [formGroup]="form" (ngSubmit)="save()" novalidate>
      <mat-dialog-content>
        <p class="lead">They get an email with a link to join the partner; it stays valid for a limited time.</p>
        @if (problem(); as text) {
          <div class="mtp-error-banner" role="alert">{{ text }}</div>
        }
        <mat-form-field class="email">
          <mat-label>Email</mat-label>
          <input matInput type="email" formControlName="email" autocomplete="off" />
          <mat-error>{{ message() }}</mat-error>
        </mat-form-field>
        <mtp-access-fields [access]="access" />
        @if (saving()) {
          <mat-progress-bar mode="indeterminate" aria-label="Sending the invitation" />
        }
      </mat-dialog-content>
      <mat-dialog-actions align="end">
        <button mat-button type="button" mat-dialog-close>Cancel</button>
        <button mat-flat-button type="submit" [disabled]="saving()">Send invitation</button>
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
export class InviteDialog {
  private readonly api = inject(PartnerApi);
  private readonly ref = inject<MatDialogRef<InviteDialog, PartnerInvitationDto>>(MatDialogRef);

  // Least power by default: whoever invites raises the role on purpose.
  protected readonly access = new AccessForm({ role: 'readonly', orgAccess: 'all', orgs: [] });
  protected readonly form = new FormGroup({
    email: new FormControl('', { nonNullable: true, validators: [Validators.required, Validators.email, Validators.maxLength(320)] }),
    role: this.access.role,
    orgAccess: this.access.orgAccess,
    orgs: this.access.orgs,
  });
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
    this.api.invite({ email: this.form.controls.email.value.trim(), ...this.access.body() }).subscribe({
      next: (invitation) => this.ref.close(invitation),
      error: (error: unknown) => {
        this.saving.set(false);
        this.showProblem(error);
      },
    });
  }

  private showProblem(error: unknown): void {
    if (error instanceof ApiProblem && error.code && ABOUT_EMAIL.includes(error.code)) {
      this.form.controls.email.setErrors({ api: partnerProblem(error, 'Sending the invitation') });
      this.form.controls.email.markAsTouched();
      return;
    }
    const unplaced = applyFieldErrors(this.form, error);
    const placed = error instanceof ApiProblem && error.errors.length > unplaced.length;
    if (!placed || unplaced.length > 0) {
      this.problem.set(unplaced.length > 0 ? unplaced.join(' ') : partnerProblem(error, 'Sending the invitation'));
    }
  }
}
