import { ChangeDetectionStrategy, Component, inject, input, output, signal, viewChild } from '@angular/core';
import { FormControl, FormGroup, FormGroupDirective, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { type SupportRequestDetailsDto } from '@mtp/api-client';

import { ApiProblem } from '../../../core/http/api-problem';
import { applyFieldErrors, fieldMessage } from '../../../shared/forms/field-errors';
import { NOT_BLANK } from './request-filing';
import { requestProblem } from './request-words';
import { RequestsApi } from './requests-api';

const RULES = { required: 'Write a comment.', pattern: 'Write a comment.', maxlength: 'At most 5000 characters.' };

/** Adds a comment to an open request; answers the request as it is then, timeline and all. */
@Component({
  selector: 'mtp-request-comment-box',
  imports: [MatButtonModule, MatFormFieldModule, MatInputModule, ReactiveFormsModule],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <form [formGroup]="form" (ngSubmit)="post()" novalidate aria-label="Add a comment">
      @if (problem(); as text) {
        <div class="mtp-error-banner" role="alert">{{ text }}</div>
      }
      <mat-form-field class="field">
        <mat-label>Comment</mat-label>
        <textarea matInput formControlName="comment" rows="3" maxlength="5000"></textarea>
        <mat-error>{{ message() }}</mat-error>
      </mat-form-field>
      <button mat-flat-button type="submit" [disabled]="posting()">Add comment</button>
    </form>
  `,
  styles: `
    .field {
      width: 100%;
    }
  `,
})
export class RequestCommentBox {
  private readonly api = inject(RequestsApi);

  readonly requestId = input.required<string>();
  /** The request with the comment in its timeline. */
  readonly posted = output<SupportRequestDetailsDto>();
  /**
   * The request was closed meanwhile, in words: the page reads it again, and the box goes with the
   * open request, so the page says why.
   */
  readonly stale = output<string>();

  protected readonly form = new FormGroup({
    comment: new FormControl('', { nonNullable: true, validators: [Validators.required, NOT_BLANK, Validators.maxLength(5000)] }),
  });
  /** Resetting through the directive also forgets the submission, so the empty box is no error. */
  private readonly formDirective = viewChild.required(FormGroupDirective);
  protected readonly posting = signal(false);
  protected readonly problem = signal<string | null>(null);

  protected message(): string {
    return fieldMessage(this.form, 'comment', RULES);
  }

  protected post(): void {
    if (this.form.invalid || this.posting()) {
      this.form.markAllAsTouched();
      return;
    }
    this.posting.set(true);
    this.problem.set(null);
    this.api.comment(this.requestId(), this.form.controls.comment.value.trim()).subscribe({
      next: (request) => {
        this.posting.set(false);
        this.formDirective().resetForm();
        this.posted.emit(request);
      },
      error: (error: unknown) => {
        this.posting.set(false);
        if (applyFieldErrors(this.form, error).length === 0 && error instanceof ApiProblem && error.errors.length > 0) {
          return;
        }
        const words = requestProblem(error, 'Adding the comment');
        if (error instanceof ApiProblem && error.status === 409) {
          this.stale.emit(words);
        } else {
          this.problem.set(words);
        }
      },
    });
  }
}
