import { ChangeDetectionStrategy, Component, DestroyRef, inject, output, signal } from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { FormControl, FormGroup, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { type CreatePartnerOrgDto, type PartnerOrgDto } from '@mtp/api-client';

import { ApiProblem } from '../../core/http/api-problem';
import { applyFieldErrors, fieldMessage } from '../../shared/forms/field-errors';
import { OrgChoice, type OrgChoiceValue, chosenOrNone } from './org-choice';
import { VerificationApi } from './verification-api';
import { verificationProblem } from './verification-words';

const WHOLE = /^\s*\d*\s*$/;

const RULES: Record<string, Record<string, string>> = {
  name: { required: 'Enter a name.', maxlength: 'At most 200 characters.' },
  adminEmail: { required: 'Enter an email address.', email: 'Enter a valid email address.', maxlength: 'At most 320 characters.' },
  userCap: { pattern: 'Enter a whole number, or leave empty for no cap.', min: 'At least 1.', max: 'At most 10,000,000.' },
  passwordExpiryDays: { pattern: 'Enter a whole number of days, or leave empty for never.', min: 'At least 1 day.', max: 'At most 3650 days.' },
};

/** What was created, with whom it was given to, for the message that follows. */
export interface CreatedOrg {
  readonly org: PartnerOrgDto;
  readonly adminEmail: string;
}

/** A new customer org, created within the partner, with its first admin and a few starting settings. */
@Component({
  selector: 'mtp-new-org-form',
  imports: [MatButtonModule, MatFormFieldModule, MatInputModule, MatProgressBarModule, OrgChoice, ReactiveFormsModule],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './new-org-form.html',
  styleUrl: './verification-form.scss',
})
export class NewOrgForm {
  private readonly api = inject(VerificationApi);
  private readonly destroyRef = inject(DestroyRef);

  readonly created = output<CreatedOrg>();
  readonly cancelled = output<void>();

  protected readonly form = new FormGroup({
    name: new FormControl('', { nonNullable: true, validators: [Validators.required, Validators.maxLength(200)] }),
    adminEmail: new FormControl('', { nonNullable: true, validators: [Validators.required, Validators.email, Validators.maxLength(320)] }),
    userCap: new FormControl('', { nonNullable: true, validators: [Validators.pattern(WHOLE), Validators.min(1), Validators.max(10_000_000)] }),
    passwordExpiryDays: new FormControl('', { nonNullable: true, validators: [Validators.pattern(WHOLE), Validators.min(1), Validators.max(3650)] }),
    cloneSettingsFrom: new FormControl<OrgChoiceValue>(null, { validators: [chosenOrNone] }),
  });
  protected readonly saving = signal(false);
  protected readonly problem = signal<string | null>(null);

  protected message(name: string): string {
    return fieldMessage(this.form, name, RULES[name] ?? {});
  }

  protected create(): void {
    this.form.controls.adminEmail.setValue(this.form.controls.adminEmail.value.trim());
    if (this.form.invalid || this.saving()) {
      this.form.markAllAsTouched();
      return;
    }
    const body = this.body();
    this.saving.set(true);
    this.problem.set(null);
    this.api
      .createOrg(body)
      .pipe(takeUntilDestroyed(this.destroyRef))
      .subscribe({
        next: (org) => this.created.emit({ org, adminEmail: body.adminEmail }),
        error: (error: unknown) => {
          this.saving.set(false);
          this.showProblem(error);
        },
      });
  }

  /** Empty optional fields are left out, so the API applies its own defaults. */
  private body(): CreatePartnerOrgDto {
    const { name, adminEmail, userCap, passwordExpiryDays, cloneSettingsFrom } = this.form.getRawValue();
    return {
      name: name.trim(),
      adminEmail,
      ...(userCap.trim() ? { userCap: Number(userCap) } : {}),
      ...(passwordExpiryDays.trim() ? { passwordExpiryDays: Number(passwordExpiryDays) } : {}),
      ...(cloneSettingsFrom && typeof cloneSettingsFrom !== 'string' ? { cloneSettingsFrom: cloneSettingsFrom.orgId } : {}),
    };
  }

  private showProblem(error: unknown): void {
    if (error instanceof ApiProblem && error.code === 'partners.org_not_found') {
      // The only org this form names is the one to copy settings from.
      const source = this.form.controls.cloneSettingsFrom;
      source.setErrors({ api: 'This organization is no longer with your partner. Choose another, or none.' });
      source.markAsTouched();
      return;
    }
    const unplaced = applyFieldErrors(this.form, error);
    const placed = error instanceof ApiProblem && error.errors.length > unplaced.length;
    if (!placed || unplaced.length > 0) {
      this.problem.set(unplaced.length > 0 ? unplaced.join(' ') : verificationProblem(error, 'Creating the organization'));
    }
  }
}
