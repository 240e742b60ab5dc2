import { DatePipe } from '@angular/common';
import { ChangeDetectionStrategy, Component, DestroyRef, type OnInit, computed, inject, signal } from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { FormControl, FormGroup, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatSlideToggleModule } from '@angular/material/slide-toggle';
import { MatSnackBar } from '@angular/material/snack-bar';
import { type PartnerSettingsDto } from '@mtp/api-client';
import { catchError, of } from 'rxjs';

import { SessionService } from '../../../core/auth/session.service';
import { SessionStore } from '../../../core/auth/session-store';
import { type ProblemView, describeProblem } from '../../../core/http/problem-message';
import { LoadingState, NoticeBanner, ProblemBanner } from '../../../shared/ui/page-states';
import { applyFieldErrors, fieldMessage } from '../../../shared/forms/field-errors';
import { PartnerApi } from '../partner-api';
import { partnerRoleOf } from '../partner-role';
import { kindWord, partnerProblem } from '../partner-words';

const RULES: Record<string, Record<string, string>> = {
  name: { required: 'Enter a name.', maxlength: 'At most 200 characters.' },
  'policy.launchSessionMinutes': {
    required: 'Enter a number of minutes.',
    pattern: 'Enter whole minutes.',
    min: 'At least 15 minutes.',
    max: 'At most 480 minutes (8 hours).',
  },
};

/** The partner's name and policy: an owner changes them, every other role reads them. */
@Component({
  selector: 'mtp-partner-settings-page',
  imports: [DatePipe, LoadingState, MatButtonModule, MatFormFieldModule, MatInputModule, MatSlideToggleModule, NoticeBanner, ProblemBanner, ReactiveFormsModule],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './settings-page.html',
  styleUrl: './settings-page.scss',
})
export class PartnerSettingsPage implements OnInit {
  private readonly api = inject(PartnerApi);
  private readonly store = inject(SessionStore);
  private readonly session = inject(SessionService);
  private readonly snackBar = inject(MatSnackBar);
  private readonly destroyRef = inject(DestroyRef);

  protected readonly canEdit = computed(() => partnerRoleOf(this.store.me()) === 'owner');
  protected readonly kindWord = kindWord;
  protected readonly settings = signal<PartnerSettingsDto | null>(null);
  protected readonly loadProblem = signal<ProblemView | null>(null);
  protected readonly saving = signal(false);
  protected readonly problem = signal<string | null>(null);

  protected readonly form = new FormGroup({
    name: new FormControl('', { nonNullable: true, validators: [Validators.required, Validators.maxLength(200)] }),
    policy: new FormGroup({
      launchReasonRequired: new FormControl(false, { nonNullable: true }),
      launchSessionMinutes: new FormControl<number | null>(60, [Validators.required, Validators.pattern(/^\d+$/), Validators.min(15), Validators.max(480)]),
      // Shown so every admin knows the rule; the API refuses to turn it off.
      mfaRequired: new FormControl({ value: true, disabled: true }, { nonNullable: true }),
    }),
  });

  ngOnInit(): void {
    this.load();
  }

  protected load(): void {
    this.loadProblem.set(null);
    this.api
      .settings()
      .pipe(takeUntilDestroyed(this.destroyRef))
      .subscribe({
        next: (settings) => this.show(settings),
        error: (error: unknown) => this.loadProblem.set(describeProblem(error, 'Loading the partner settings')),
      });
  }

  protected message(name: string): string {
    return fieldMessage(this.form, name, RULES[name] ?? {});
  }

  protected save(): void {
    if (!this.canEdit() || this.form.invalid || this.saving()) {
      this.form.markAllAsTouched();
      return;
    }
    const { name, policy } = this.form.getRawValue();
    const renamed = name.trim() !== this.settings()?.name;
    this.saving.set(true);
    this.problem.set(null);
    this.api
      .updateSettings({
        name: name.trim(),
        policy: { launchReasonRequired: policy.launchReasonRequired, launchSessionMinutes: Number(policy.launchSessionMinutes) },
      })
      .subscribe({
        next: (settings) => {
          this.saving.set(false);
          this.show(settings);
          this.snackBar.open('Settings saved', 'OK', { duration: 4000 });
          if (renamed) {
            // The partner's name also shows in places `me` feeds (home, the chooser).
            this.session.loadMe().pipe(catchError(() => of(null))).subscribe();
          }
        },
        error: (error: unknown) => {
          this.saving.set(false);
          const unplaced = applyFieldErrors(this.form, error);
          this.problem.set(unplaced.length > 0 ? unplaced.join(' ') : partnerProblem(error, 'Saving the settings'));
        },
      });
  }

  private show(settings: PartnerSettingsDto): void {
    this.settings.set(settings);
    this.form.reset({
      name: settings.name,
      policy: { launchReasonRequired: settings.policy.launchReasonRequired, launchSessionMinutes: settings.policy.launchSessionMinutes, mfaRequired: true },
    });
    if (this.canEdit()) {
      this.form.enable();
      this.form.controls.policy.controls.mfaRequired.disable();
    } else {
      this.form.disable();
    }
  }
}
