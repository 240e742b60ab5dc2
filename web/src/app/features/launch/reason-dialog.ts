import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { NonNullableFormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MAT_DIALOG_DATA, type MatDialog, MatDialogModule, MatDialogRef } from '@angular/material/dialog';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { type LaunchDto, type LaunchRequestDto } from '@mtp/api-client';
import { type Observable } from 'rxjs';

import { problemMessage } from '../../core/http/problem-message';
import { applyFieldErrors, fieldMessage } from '../../shared/forms/field-errors';

export const REASON_MAX = 500;
export const TICKET_MAX = 100;

export interface ReasonDialogData {
  readonly orgName: string;
  /** Launches with what was entered; the dialog closes with the launch, or shows why it failed. */
  readonly launch: (body: LaunchRequestDto) => Observable<LaunchDto>;
}

const RULES: Record<string, Record<string, string>> = {
  reason: { required: 'Say why you open this organization.', maxlength: `At most ${REASON_MAX} characters.` },
  ticket: { maxlength: `At most ${TICKET_MAX} characters.` },
};

/** Asks why, when the partner's policy wants a reason with every launch; the org's own admins read it. */
@Component({
  selector: 'mtp-launch-reason-dialog',
  imports: [MatButtonModule, MatDialogModule, MatFormFieldModule, MatInputModule, ReactiveFormsModule],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <h2 mat-dialog-title>Launch {{ data.orgName }}</h2>
    <form [formGroup]="form" (ngSubmit)="submit()" novalidate>
      <mat-dialog-content>
        <p class="lead">Your partner asks for a reason with every launch. The organization’s own admins see it.</p>
        @if (problem(); as text) {
          <div class="mtp-error-banner" role="alert">{{ text }}</div>
        }
        <mat-form-field class="field">
          <mat-label>Reason</mat-label>
          <textarea matInput formControlName="reason" rows="3" [maxlength]="reasonMax" required></textarea>
          <mat-hint align="end">{{ form.controls.reason.value.length }} / {{ reasonMax }}</mat-hint>
          <mat-error>{{ message('reason') }}</mat-error>
        </mat-form-field>
        <mat-form-field class="field">
          <mat-label>Ticket (optional)</mat-label>
          <input matInput formControlName="ticket" autocomplete="off" [maxlength]="ticketMax" placeholder="e.g. PSA-4411" />
          <mat-error>{{ message('ticket') }}</mat-error>
        </mat-form-field>
      </mat-dialog-content>
      <mat-dialog-actions align="end">
        <button mat-button type="button" mat-dialog-close>Cancel</button>
        <button mat-flat-button type="submit" [disabled]="launching()">Launch</button>
      </mat-dialog-actions>
    </form>
  `,
  styles: `
    .field {
      width: 100%;
    }
    .lead {
      margin-top: 0;
    }
  `,
})
export class LaunchReasonDialog {
  private readonly ref = inject<MatDialogRef<LaunchReasonDialog, LaunchDto>>(MatDialogRef);
  protected readonly data = inject<ReasonDialogData>(MAT_DIALOG_DATA);
  protected readonly reasonMax = REASON_MAX;
  protected readonly ticketMax = TICKET_MAX;
  protected readonly form = inject(NonNullableFormBuilder).group({
    reason: ['', [Validators.required, Validators.maxLength(REASON_MAX)]],
    ticket: ['', [Validators.maxLength(TICKET_MAX)]],
  });
  protected readonly launching = signal(false);
  protected readonly problem = signal<string | null>(null);

  protected message(name: string): string {
    return fieldMessage(this.form, name, RULES[name] ?? {});
  }

  protected submit(): void {
    const reason = this.form.controls.reason.value.trim();
    if (!reason) {
      // Only spaces is no reason: the API would refuse it too.
      this.form.controls.reason.setValue('');
    }
    if (this.form.invalid || this.launching()) {
      this.form.markAllAsTouched();
      return;
    }
    const ticket = this.form.controls.ticket.value.trim();
    this.launching.set(true);
    this.problem.set(null);
    this.data.launch(ticket ? { reason, ticket } : { reason }).subscribe({
      next: (launch) => this.ref.close(launch),
      error: (error: unknown) => {
        this.launching.set(false);
        const unplaced = applyFieldErrors(this.form, error);
        this.problem.set(unplaced.length > 0 ? unplaced.join(' ') : this.form.valid ? problemMessage(error, 'Launching') : null);
      },
    });
  }
}

/** Opens the reason dialog; emits the launch once it succeeded, or nothing (undefined) when cancelled. */
export function askReasonAndLaunch(dialog: MatDialog, data: ReasonDialogData): Observable<LaunchDto | undefined> {
  return dialog
    .open<LaunchReasonDialog, ReasonDialogData, LaunchDto>(LaunchReasonDialog, {
      data,
      width: '520px',
      maxWidth: '95vw',
      autoFocus: 'first-tabbable',
    })
    .afterClosed();
}
