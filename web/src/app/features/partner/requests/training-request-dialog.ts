import { ChangeDetectionStrategy, Component } from '@angular/core';
import { FormArray, FormControl, FormGroup, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { provideNativeDateAdapter } from '@angular/material/core';
import { MatDatepickerModule } from '@angular/material/datepicker';
import { MatDialogModule } from '@angular/material/dialog';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatIconModule } from '@angular/material/icon';
import { MatInputModule } from '@angular/material/input';
import { MatProgressBarModule } from '@angular/material/progress-bar';

import { fieldMessage } from '../../../shared/forms/field-errors';
import { DATE_RULES, earliestDate, isoDate } from './request-dates';
import { NOT_BLANK, RequestFiling } from './request-filing';

/** As many dates as the API takes. */
export const MAX_PREFERRED_DATES = 5;

const RULES = {
  topic: { required: 'Say what the training is about.', pattern: 'Say what the training is about.', maxlength: 'At most 200 characters.' },
  attendees: {
    required: 'Say how many people attend.',
    pattern: 'A whole number of people.',
    min: 'At least 1 person.',
    max: 'At most 500 people: for more, ask for help instead.',
  },
  notes: { maxlength: 'At most 2000 characters.' },
};

const dateControl = () => new FormControl<Date | null>(null, { validators: Validators.required });

/** Asks platform support for a training: what about, when (one to five dates), for how many. */
@Component({
  selector: 'mtp-training-request-dialog',
  imports: [
    MatButtonModule,
    MatDatepickerModule,
    MatDialogModule,
    MatFormFieldModule,
    MatIconModule,
    MatInputModule,
    MatProgressBarModule,
    ReactiveFormsModule,
  ],
  providers: [provideNativeDateAdapter()],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './training-request-dialog.html',
  styleUrl: './request-dialog.scss',
})
export class TrainingRequestDialog {
  protected readonly dates = new FormArray([dateControl()]);
  protected readonly form = new FormGroup({
    topic: new FormControl('', { nonNullable: true, validators: [Validators.required, NOT_BLANK, Validators.maxLength(200)] }),
    preferredDates: this.dates,
    attendees: new FormControl<number | null>(null, [Validators.required, Validators.pattern(/^\d+$/), Validators.min(1), Validators.max(500)]),
    notes: new FormControl('', { nonNullable: true, validators: Validators.maxLength(2000) }),
  });
  protected readonly filing = new RequestFiling();
  protected readonly earliest = earliestDate();
  protected readonly maxDates = MAX_PREFERRED_DATES;

  protected message(field: keyof typeof RULES): string {
    return fieldMessage(this.form, field, RULES[field]);
  }

  protected dateMessage(index: number): string {
    return fieldMessage(this.dates, String(index), DATE_RULES);
  }

  /** The API's word on the dates as a whole (one is past, say), which belongs to no single date. */
  protected datesProblem(): string {
    const words = this.dates.errors?.['api'];
    return typeof words === 'string' ? words : '';
  }

  protected addDate(): void {
    if (this.dates.length < MAX_PREFERRED_DATES) {
      this.dates.push(dateControl());
    }
  }

  protected removeDate(index: number): void {
    if (this.dates.length > 1) {
      this.dates.removeAt(index);
    }
  }

  protected send(): void {
    const { topic, attendees, notes } = this.form.getRawValue();
    this.filing.send(this.form, () => ({
      kind: 'training',
      topic: topic.trim(),
      preferredDates: this.dates.getRawValue().map((date) => isoDate(date!)),
      attendees: Number(attendees),
      ...(notes.trim() ? { notes: notes.trim() } : {}),
    }));
  }
}
