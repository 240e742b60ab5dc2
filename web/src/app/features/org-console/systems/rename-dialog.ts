import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { NonNullableFormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MAT_DIALOG_DATA, MatDialogModule, MatDialogRef } from '@angular/material/dialog';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { type SystemDto } from '@mtp/api-client';

import { problemMessage } from '../../../core/http/problem-message';
import { OrgApi } from '../org-api';
import { applyFieldErrors, fieldMessage } from '../../../shared/forms/field-errors';

export interface RenameDialogData {
  readonly orgId: string;
  readonly system: SystemDto;
}

const RULES = { required: 'Enter a hostname.', maxlength: 'At most 255 characters.' };

/** Gives a system another hostname; stays open with the API's words when it refuses. */
@Component({
  selector: 'mtp-rename-dialog',
  imports: [MatButtonModule, MatDialogModule, MatFormFieldModule, MatInputModule, ReactiveFormsModule],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <h2 mat-dialog-title>Rename {{ data.system.hostname }}</h2>
    <form [formGroup]="form" (ngSubmit)="save()" novalidate>
      <mat-dialog-content>
        @if (problem(); as text) {
          <div class="mtp-error-banner" role="alert">{{ text }}</div>
        }
        <mat-form-field class="field">
          <mat-label>Hostname</mat-label>
          <input matInput formControlName="hostname" autocomplete="off" spellcheck="false" />
          <mat-error>{{ message() }}</mat-error>
        </mat-form-field>
      </mat-dialog-content>
      <mat-dialog-actions align="end">
        <button mat-button type="button" mat-dialog-close>Cancel</button>
        <button mat-flat-button type="submit" [disabled]="saving()">Rename</button>
      </mat-dialog-actions>
    </form>
  `,
  styles: `
    .field {
      width: 100%;
    }
  `,
})
export class RenameDialog {
  private readonly api = inject(OrgApi);
  private readonly ref = inject<MatDialogRef<RenameDialog, SystemDto>>(MatDialogRef);
  protected readonly data = inject<RenameDialogData>(MAT_DIALOG_DATA);
  protected readonly form = inject(NonNullableFormBuilder).group({
    hostname: [this.data.system.hostname, [Validators.required, Validators.maxLength(255)]],
  });
  protected readonly saving = signal(false);
  protected readonly problem = signal<string | null>(null);

  protected message(): string {
    return fieldMessage(this.form, 'hostname', RULES);
  }

  protected save(): void {
    if (this.form.invalid || this.saving()) {
      this.form.markAllAsTouched();
      return;
    }
    this.saving.set(true);
    this.api.updateSystem(this.data.orgId, this.data.system.id, { hostname: this.form.getRawValue().hostname.trim() }).subscribe({
      next: (system) => this.ref.close(system),
      error: (error: unknown) => {
        this.saving.set(false);
        const unplaced = applyFieldErrors(this.form, error);
        this.problem.set(unplaced.length > 0 ? unplaced.join(' ') : this.form.valid ? problemMessage(error, 'Renaming') : null);
      },
    });
  }
}
