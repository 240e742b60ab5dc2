import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { NonNullableFormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MAT_DIALOG_DATA, MatDialogModule, MatDialogRef } from '@angular/material/dialog';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatSelectModule } from '@angular/material/select';
import { type DirectoryUserDto } from '@mtp/api-client';
import { type Observable } from 'rxjs';

import { ApiProblem } from '../../../core/http/api-problem';
import { problemMessage } from '../../../core/http/problem-message';
import { OrgApi } from '../org-api';
import { applyFieldErrors, fieldMessage } from '../../../shared/forms/field-errors';

export interface UserDialogData {
  readonly orgId: string;
  /** The user to edit; none to create one. */
  readonly user?: DirectoryUserDto;
}

/** The API's rule for usernames (orgs users.dto): lowercase, and no leading punctuation. */
const USERNAME = /^[a-z0-9][a-z0-9._-]{0,63}$/;

const RULES: Record<string, Record<string, string>> = {
  username: { required: 'Enter a username.', pattern: 'Use lowercase letters, digits, dot, dash and underscore (at most 64), starting with a letter or digit.' },
  email: { required: 'Enter an email address.', email: 'Enter a valid email address.', maxlength: 'At most 320 characters.' },
  firstName: { maxlength: 'At most 100 characters.' },
  lastName: { maxlength: 'At most 100 characters.' },
};

/** Creates a directory user, or edits one; stays open with the API's words when it refuses. */
@Component({
  selector: 'mtp-user-dialog',
  imports: [MatButtonModule, MatDialogModule, MatFormFieldModule, MatInputModule, MatProgressBarModule, MatSelectModule, ReactiveFormsModule],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './user-dialog.html',
  styles: `
    .fields {
      display: grid;
      grid-template-columns: 1fr 1fr;
      gap: 0 12px;
    }
    .wide {
      grid-column: 1 / -1;
    }
    @media (max-width: 480px) {
      .fields {
        grid-template-columns: 1fr;
      }
    }
  `,
})
export class UserDialog {
  private readonly api = inject(OrgApi);
  private readonly ref = inject<MatDialogRef<UserDialog, DirectoryUserDto>>(MatDialogRef);
  protected readonly data = inject<UserDialogData>(MAT_DIALOG_DATA);
  protected readonly editing = !!this.data.user;

  protected readonly form = inject(NonNullableFormBuilder).group({
    username: [{ value: this.data.user?.username ?? '', disabled: this.editing }, [Validators.required, Validators.pattern(USERNAME)]],
    email: [this.data.user?.email ?? '', [Validators.required, Validators.email, Validators.maxLength(320)]],
    firstName: [this.data.user?.firstName ?? '', Validators.maxLength(100)],
    lastName: [this.data.user?.lastName ?? '', Validators.maxLength(100)],
    state: ['active' as 'active' | 'staged'],
  });
  protected readonly saving = signal(false);
  protected readonly problem = signal<string | null>(null);

  protected message(name: string): string {
    return fieldMessage(this.form, name, RULES[name] ?? {});
  }

  protected save(): void {
    this.form.controls.username.setValue(this.form.controls.username.value.trim().toLowerCase());
    if (this.form.invalid || this.saving()) {
      this.form.markAllAsTouched();
      return;
    }
    this.saving.set(true);
    this.problem.set(null);
    this.request().subscribe({
      next: (user) => this.ref.close(user),
      error: (error: unknown) => {
        this.saving.set(false);
        this.showProblem(error);
      },
    });
  }

  private request(): Observable<DirectoryUserDto> {
    const { username, email, firstName, lastName, state } = this.form.getRawValue();
    const names = { firstName: firstName.trim(), lastName: lastName.trim() };
    return this.data.user
      ? this.api.updateUser(this.data.orgId, this.data.user.id, { email: email.trim(), ...names })
      : this.api.createUser(this.data.orgId, { username, email: email.trim(), ...names, state });
  }

  private showProblem(error: unknown): void {
    if (error instanceof ApiProblem && error.code === 'orgs.username_taken') {
      this.form.controls.username.setErrors({ api: problemMessage(error) });
      this.form.controls.username.markAsTouched();
      return;
    }
    const unplaced = applyFieldErrors(this.form, error);
    const placed = error instanceof ApiProblem && error.errors.length > unplaced.length;
    if (!placed || unplaced.length > 0) {
      this.problem.set(unplaced.length > 0 ? unplaced.join(' ') : problemMessage(error, this.editing ? 'Saving the user' : 'Creating the user'));
    }
  }
}
