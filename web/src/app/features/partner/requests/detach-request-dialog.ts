import { ChangeDetectionStrategy, Component, inject } from '@angular/core';
import { FormControl, FormGroup, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { provideNativeDateAdapter } from '@angular/material/core';
import { MatDatepickerModule } from '@angular/material/datepicker';
import { MAT_DIALOG_DATA, MatDialogModule } from '@angular/material/dialog';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { type PartnerOrgRefDto } from '@mtp/api-client';

import { fieldMessage } from '../../../shared/forms/field-errors';
import { OrgChoice, type OrgChoiceValue, chosenOrNone } from '../../verification/org-choice';
import { DATE_RULES, earliestDate, isoDate } from './request-dates';
import { NOT_BLANK, RequestFiling } from './request-filing';

export interface DetachRequestData {
  /** The org to detach, when asked from that org's details. */
  readonly org: PartnerOrgRefDto | null;
}

const RULES = {
  reason: { required: 'Say why the organization should leave your partner.', pattern: 'Say why the organization should leave your partner.', maxlength: 'At most 2000 characters.' },
  effectiveDate: DATE_RULES,
};

/**
 * Asks platform staff to detach one of the orgs the admin reaches from the partner: which, why, and
 * from when (optional). Owners and admins only: the callers offer it to no one else.
 */
@Component({
  selector: 'mtp-detach-request-dialog',
  imports: [MatButtonModule, MatDatepickerModule, MatDialogModule, MatFormFieldModule, MatInputModule, MatProgressBarModule, OrgChoice, ReactiveFormsModule],
  providers: [provideNativeDateAdapter()],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <h2 mat-dialog-title>Ask to detach an organization</h2>
    <form [formGroup]="form" (ngSubmit)="send()" novalidate>
      <mat-dialog-content>
        <p class="lead">
          Once platform support approves, your partner no longer manages the organization: it leaves your dashboard and lists,
          and launch sessions into it end. The organization keeps its data and its own admins.
        </p>
        @if (filing.problem(); as text) {
          <div class="mtp-error-banner" role="alert">{{ text }}</div>
        }
        <mtp-org-choice [control]="form.controls.orgId" label="Organization" invalidText="Choose the organization from the list." />
        <mat-form-field class="field">
          <mat-label>Reason</mat-label>
          <!-- Asked from an org's details, the org is chosen: start at the reason, not in the org's search list. -->
          <textarea matInput formControlName="reason" rows="4" maxlength="2000" [attr.cdkFocusInitial]="data?.org ? '' : null"></textarea>
          <mat-error>{{ message('reason') }}</mat-error>
        </mat-form-field>
        <mat-form-field class="field">
          <mat-label>Effective date (optional)</mat-label>
          <input matInput [matDatepicker]="picker" formControlName="effectiveDate" [min]="earliest" autocomplete="off" />
          <mat-datepicker-toggle matIconSuffix [for]="picker" />
          <mat-datepicker #picker />
          <mat-hint>MM/DD/YYYY. Without one, it happens when platform support approves.</mat-hint>
          <mat-error>{{ message('effectiveDate') }}</mat-error>
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
export class DetachRequestDialog {
  protected readonly data = inject<DetachRequestData | null>(MAT_DIALOG_DATA, { optional: true });

  protected readonly form = new FormGroup({
    orgId: new FormControl<OrgChoiceValue>(this.data?.org ?? null, [Validators.required, chosenOrNone]),
    reason: new FormControl('', { nonNullable: true, validators: [Validators.required, NOT_BLANK, Validators.maxLength(2000)] }),
    effectiveDate: new FormControl<Date | null>(null),
  });
  // An org that left the partner's reach in the meantime is the org field's problem.
  protected readonly filing = new RequestFiling({ 'orgs.not_found': 'orgId' });
  protected readonly earliest = earliestDate();

  protected message(field: keyof typeof RULES): string {
    return fieldMessage(this.form, field, RULES[field]);
  }

  protected send(): void {
    const { orgId, reason, effectiveDate } = this.form.getRawValue();
    this.filing.send(this.form, () => ({
      kind: 'detach',
      orgId: (orgId as PartnerOrgRefDto).orgId,
      reason: reason.trim(),
      ...(effectiveDate ? { effectiveDate: isoDate(effectiveDate) } : {}),
    }));
  }
}
