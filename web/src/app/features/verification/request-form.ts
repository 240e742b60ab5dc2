import { ChangeDetectionStrategy, Component, DestroyRef, type OnInit, inject, input, output, signal } from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { FormControl, FormGroup, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { type CreateVerificationDto, type VerificationDto } from '@mtp/api-client';

import { ApiProblem } from '../../core/http/api-problem';
import { applyFieldErrors, fieldMessage } from '../../shared/forms/field-errors';
import { VerificationApi } from './verification-api';
import { normalizeOrgId, orgIdShape, verificationProblem } from './verification-words';

const RULES: Record<string, Record<string, string>> = {
  orgId: { required: 'Enter the OrgID.', orgId: 'An OrgID has 24 characters: digits and the letters a to f.' },
  email: { required: 'Enter an email address.', email: 'Enter a valid email address.', maxlength: 'At most 320 characters.' },
};

/**
 * The first half of verifying an existing org: its OrgID and one of its admins' email, who gets a
 * code. The answer is the same whether or not they match, so nothing is learnt from it.
 */
@Component({
  selector: 'mtp-request-form',
  imports: [MatButtonModule, MatFormFieldModule, MatInputModule, MatProgressBarModule, ReactiveFormsModule],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <form [formGroup]="form" (ngSubmit)="send()" novalidate>
      <p class="lead">
        The organization’s admin gets an email with a code. Once you enter it here, the organization is
        managed by your partner.
      </p>
      @if (problem(); as words) {
        <div class="mtp-error-banner banner" role="alert">{{ words }}</div>
      }
      <mat-form-field class="field">
        <mat-label>OrgID</mat-label>
        <input matInput formControlName="orgId" class="mtp-mono" autocomplete="off" spellcheck="false" />
        <mat-hint>24 characters, shown in the organization’s settings</mat-hint>
        <mat-error>{{ message('orgId') }}</mat-error>
      </mat-form-field>
      <mat-form-field class="field">
        <mat-label>Email of one of its admins</mat-label>
        <input matInput type="email" formControlName="email" autocomplete="off" />
        <mat-error>{{ message('email') }}</mat-error>
      </mat-form-field>
      @if (sending()) {
        <mat-progress-bar mode="indeterminate" aria-label="Asking for a code" />
      }
      <div class="actions">
        <button mat-button type="button" (click)="cancelled.emit()">Cancel</button>
        <button mat-flat-button type="submit" [disabled]="sending()">Send code</button>
      </div>
    </form>
  `,
  styleUrl: './verification-form.scss',
})
export class RequestForm implements OnInit {
  private readonly api = inject(VerificationApi);
  private readonly destroyRef = inject(DestroyRef);

  /** What to start from: the OrgID and email of an earlier request, asked again. */
  readonly initial = input<CreateVerificationDto | null>(null);
  readonly requested = output<VerificationDto>();
  readonly cancelled = output<void>();

  protected readonly form = new FormGroup({
    orgId: new FormControl('', { nonNullable: true, validators: [Validators.required, orgIdShape] }),
    email: new FormControl('', { nonNullable: true, validators: [Validators.required, Validators.email, Validators.maxLength(320)] }),
  });
  protected readonly sending = signal(false);
  protected readonly problem = signal<string | null>(null);

  ngOnInit(): void {
    const initial = this.initial();
    if (initial) {
      this.form.setValue({ orgId: initial.orgId, email: initial.email });
    }
  }

  protected message(name: string): string {
    return fieldMessage(this.form, name, RULES[name] ?? {});
  }

  protected send(): void {
    const { orgId, email } = this.form.getRawValue();
    // Validators.email refuses spaces around an address that was pasted, which the API is sent without.
    this.form.controls.email.setValue(email.trim());
    if (this.form.invalid || this.sending()) {
      this.form.markAllAsTouched();
      return;
    }
    this.sending.set(true);
    this.problem.set(null);
    this.api
      .request({ orgId: normalizeOrgId(orgId), email: email.trim() })
      .pipe(takeUntilDestroyed(this.destroyRef))
      .subscribe({
        next: (verification) => this.requested.emit(verification),
        error: (error: unknown) => {
          this.sending.set(false);
          const unplaced = applyFieldErrors(this.form, error);
          const placed = error instanceof ApiProblem && error.errors.length > unplaced.length;
          if (!placed || unplaced.length > 0) {
            this.problem.set(unplaced.length > 0 ? unplaced.join(' ') : verificationProblem(error, 'Asking for a code'));
          }
        },
      });
  }
}
