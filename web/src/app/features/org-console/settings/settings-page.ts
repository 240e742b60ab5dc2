import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { NonNullableFormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatSnackBar } from '@angular/material/snack-bar';

import { problemMessage } from '../../../core/http/problem-message';
import { OrgApi } from '../org-api';
import { ConsoleAccess } from '../console-access';
import { OrgConsole } from '../org-console';
import { applyFieldErrors, fieldMessage } from '../../../shared/forms/field-errors';

const WHOLE = /^\s*\d*\s*$/;

const RULES: Record<string, Record<string, string>> = {
  name: { required: 'Enter a name.', maxlength: 'At most 200 characters.' },
  userCap: { pattern: 'Enter a whole number, or leave empty for no cap.', min: 'At least 1.', max: 'At most 10,000,000.' },
  passwordExpiryDays: { pattern: 'Enter a whole number of days, or leave empty for never.', min: 'At least 1 day.', max: 'At most 3650 days.' },
};

/** The org's name and rules; an empty number means no limit. */
@Component({
  selector: 'mtp-settings-page',
  imports: [MatButtonModule, MatFormFieldModule, MatInputModule, ReactiveFormsModule],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './settings-page.html',
  styles: `
    form {
      display: grid;
      max-width: 480px;
      gap: 4px;
    }
    .title {
      margin-top: 0;
      font: var(--mat-sys-title-large);
    }
  `,
})
export class SettingsPage {
  private readonly api = inject(OrgApi);
  private readonly console = inject(OrgConsole);
  private readonly snackBar = inject(MatSnackBar);
  private readonly org = this.console.overview();

  protected readonly form = inject(NonNullableFormBuilder).group({
    name: [this.org?.name ?? '', [Validators.required, Validators.maxLength(200)]],
    userCap: [String(this.org?.settings.userCap ?? ''), [Validators.pattern(WHOLE), Validators.min(1), Validators.max(10_000_000)]],
    passwordExpiryDays: [String(this.org?.settings.passwordExpiryDays ?? ''), [Validators.pattern(WHOLE), Validators.min(1), Validators.max(3650)]],
  });
  protected readonly saving = signal(false);
  protected readonly problem = signal<string | null>(null);
  /** A helpdesk session sees the settings, and changes none of them. */
  protected readonly manages = inject(ConsoleAccess).manages;

  constructor() {
    if (!this.manages()) {
      this.form.disable();
    }
  }

  protected message(name: string): string {
    return fieldMessage(this.form, name, RULES[name] ?? {});
  }

  protected save(): void {
    if (this.form.invalid || this.saving() || !this.manages()) {
      this.form.markAllAsTouched();
      return;
    }
    const { name, userCap, passwordExpiryDays } = this.form.getRawValue();
    this.saving.set(true);
    this.problem.set(null);
    this.api
      .updateSettings(this.console.orgId(), { name: name.trim(), userCap: toLimit(userCap), passwordExpiryDays: toLimit(passwordExpiryDays) })
      .subscribe({
        next: (overview) => {
          this.saving.set(false);
          this.console.accept(overview);
          this.form.markAsPristine();
          this.snackBar.open('Settings saved', 'OK', { duration: 4000 });
        },
        error: (error: unknown) => {
          this.saving.set(false);
          const unplaced = applyFieldErrors(this.form, error);
          this.problem.set(unplaced.length > 0 ? unplaced.join(' ') : problemMessage(error, 'Saving the settings'));
        },
      });
  }
}

function toLimit(value: string): number | null {
  return value.trim() ? Number(value.trim()) : null;
}
