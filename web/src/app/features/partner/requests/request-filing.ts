import { inject, signal } from '@angular/core';
import { type FormGroup, Validators } from '@angular/forms';
import { MatDialogRef } from '@angular/material/dialog';
import { type CreateSupportRequestDto, type SupportRequestDetailsDto } from '@mtp/api-client';

import { ApiProblem } from '../../../core/http/api-problem';
import { applyFieldErrors } from '../../../shared/forms/field-errors';
import { RequestsApi } from './requests-api';
import { requestProblem } from './request-words';

/** Something other than spaces: the API trims what it is sent, and refuses what is left empty. */
export const NOT_BLANK = Validators.pattern(/\S/);

/**
 * Sends a new request from one of the kind dialogs and closes it with what the API filed. A refusal
 * keeps the dialog open: field problems beside their fields (named as the API names them), the rest
 * in a banner. Create it in the dialog's injection context.
 */
export class RequestFiling {
  private readonly api = inject(RequestsApi);
  private readonly ref = inject<MatDialogRef<unknown, SupportRequestDetailsDto>>(MatDialogRef);

  readonly saving = signal(false);
  /** Why the request was refused, when no field of the form is at fault. */
  readonly problem = signal<string | null>(null);

  /** `fieldOf` puts refusals with these codes on a field, e.g. an org no longer in reach on the org. */
  constructor(private readonly fieldOf: Record<string, string> = {}) {}

  send(form: FormGroup, body: () => CreateSupportRequestDto): void {
    if (form.invalid || this.saving()) {
      form.markAllAsTouched();
      return;
    }
    this.saving.set(true);
    this.problem.set(null);
    this.api.file(body()).subscribe({
      next: (filed) => this.ref.close(filed),
      error: (error: unknown) => {
        this.saving.set(false);
        this.show(form, error);
      },
    });
  }

  private show(form: FormGroup, error: unknown): void {
    const name = error instanceof ApiProblem && error.code ? this.fieldOf[error.code] : undefined;
    const field = name ? form.get(name) : null;
    if (field) {
      field.setErrors({ api: requestProblem(error, 'Sending the request') });
      field.markAsTouched();
      return;
    }
    const unplaced = applyFieldErrors(form, error);
    const placed = error instanceof ApiProblem && error.errors.length > unplaced.length;
    if (!placed || unplaced.length > 0) {
      this.problem.set(unplaced.length > 0 ? unplaced.join(' ') : requestProblem(error, 'Sending the request'));
    }
  }
}
