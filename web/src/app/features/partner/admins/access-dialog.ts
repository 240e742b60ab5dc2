import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { FormGroup, ReactiveFormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MAT_DIALOG_DATA, MatDialogModule, MatDialogRef } from '@angular/material/dialog';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { type PartnerAdminDto } from '@mtp/api-client';

import { ApiProblem } from '../../../core/http/api-problem';
import { applyFieldErrors } from '../../../shared/forms/field-errors';
import { PartnerApi } from '../partner-api';
import { partnerProblem } from '../partner-words';
import { AccessFields } from './access-fields';
import { AccessForm } from './access-form';

/** Changes what a partner admin may do and where; stays open with the API's refusal in words. */
@Component({
  selector: 'mtp-access-dialog',
  imports: [AccessFields, MatButtonModule, MatDialogModule, MatProgressBarModule, ReactiveFormsModule],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <h2 mat-dialog-title>Change role and access</h2>
    <form [formGroup]="form" (ngSubmit)="save()" novalidate>
      <mat-dialog-content>
        <p class="who">{{ admin.name || admin.email }} · {{ admin.email }}</p>
        @if (problem(); as text) {
          <div class="mtp-error-banner" role="alert">{{ text }}</div>
        }
        <mtp-access-fields [access]="access" />
        @if (saving()) {
          <mat-progress-bar mode="indeterminate" aria-label="Saving" />
        }
      </mat-dialog-content>
      <mat-dialog-actions align="end">
        <button mat-button type="button" mat-dialog-close>Cancel</button>
        <button mat-flat-button type="submit" [disabled]="saving()">Save</button>
      </mat-dialog-actions>
    </form>
  `,
  styles: `
    .who {
      margin-top: 0;
      color: var(--mat-sys-on-surface-variant);
      overflow-wrap: anywhere;
    }
  `,
})
export class AccessDialog {
  private readonly api = inject(PartnerApi);
  private readonly ref = inject<MatDialogRef<AccessDialog, PartnerAdminDto>>(MatDialogRef);
  protected readonly admin = inject<PartnerAdminDto>(MAT_DIALOG_DATA);

  protected readonly access = new AccessForm({ role: this.admin.role, orgAccess: this.admin.orgAccess, orgs: this.admin.orgs });
  protected readonly form = new FormGroup({ role: this.access.role, orgAccess: this.access.orgAccess, orgs: this.access.orgs });
  protected readonly saving = signal(false);
  protected readonly problem = signal<string | null>(null);

  protected save(): void {
    if (this.form.invalid || this.saving()) {
      this.form.markAllAsTouched();
      return;
    }
    this.saving.set(true);
    this.problem.set(null);
    this.api.updateAdmin(this.admin.administratorId, this.access.body()).subscribe({
      next: (admin) => this.ref.close(admin),
      error: (error: unknown) => {
        this.saving.set(false);
        const unplaced = applyFieldErrors(this.form, error);
        const placed = error instanceof ApiProblem && error.errors.length > unplaced.length;
        if (!placed || unplaced.length > 0) {
          this.problem.set(unplaced.length > 0 ? unplaced.join(' ') : partnerProblem(error, 'Saving the role and access'));
        }
      },
    });
  }
}
