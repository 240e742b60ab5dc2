import { ChangeDetectionStrategy, Component } from '@angular/core';
import { FormControl, FormGroup, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatDialogModule } from '@angular/material/dialog';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatProgressBarModule } from '@angular/material/progress-bar';

import { fieldMessage } from '../../../shared/forms/field-errors';
import { NOT_BLANK, RequestFiling } from './request-filing';

const RULES = {
  subject: { required: 'Give the request a subject.', pattern: 'Give the request a subject.', maxlength: 'At most 200 characters.' },
  message: { required: 'Write what you need.', pattern: 'Write what you need.', maxlength: 'At most 5000 characters.' },
};

/** Asks platform support anything else: a subject and a message. */
@Component({
  selector: 'mtp-general-request-dialog',
  imports: [MatButtonModule, MatDialogModule, MatFormFieldModule, MatInputModule, MatProgressBarModule, ReactiveFormsModule],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <h2 mat-dialog-title>Ask platform support for help</h2>
    <form [formGroup]="form" (ngSubmit)="send()" novalidate>
      <mat-dialog-content>
        <p class="lead">Platform support answers on the request’s page; you are emailed when they do.</p>
        @if (filing.problem(); as text) {
          <div class="mtp-error-banner" role="alert">{{ text }}</div>
        }
        <mat-form-field class="field">
          <mat-label>Subject</mat-label>
          <input matInput formControlName="subject" maxlength="200" autocomplete="off" />
          <mat-error>{{ message('subject') }}</mat-error>
        </mat-form-field>
        <mat-form-field class="field">
          <mat-label>Message</mat-label>
          <textarea matInput formControlName="message" rows="6" maxlength="5000"></textarea>
          <mat-error>{{ message('message') }}</mat-error>
        </mat-form-field>
        @if (filing.saving()) {
          <mat-progress-bar mode="indeterminate" aria-label="Sending the request" />
        }
      </mat-dialog-content>
      <mat-dialog-actions align="end">
        <button mat-button type="button" mat-dialog-close>Cancel</button>
        <button mat-flat-button type="submit" [disabled]="filing.saving()">Send request</button>
      </mat-dialog-actions>
    </form>
  `,
  styleUrl: './request-dialog.scss',
})
export class GeneralRequestDialog {
  protected readonly form = new FormGroup({
    subject: new FormControl('', { nonNullable: true, validators: [Validators.required, NOT_BLANK, Validators.maxLength(200)] }),
    message: new FormControl('', { nonNullable: true, validators: [Validators.required, NOT_BLANK, Validators.maxLength(5000)] }),
  });
  protected readonly filing = new RequestFiling();

  protected message(field: keyof typeof RULES): string {
    return fieldMessage(this.form, field, RULES[field]);
  }

  protected send(): void {
    const { subject, message } = this.form.getRawValue();
    this.filing.send(this.form, () => ({ kind: 'general', subject: subject.trim(), message: message.trim() }));
  }
}
