import { ChangeDetectionStrategy, Component, DestroyRef, inject, input, linkedSignal, output, signal } from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { FormControl, FormGroup, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { type VerificationDto, type VerifiedOrgDto } from '@mtp/api-client';

import { ApiProblem } from '../../core/http/api-problem';
import { fieldMessage } from '../../shared/forms/field-errors';
import { NoticeBanner } from '../../shared/ui/page-states';
import { VerificationApi } from './verification-api';
import { codeShape, normalizeCode, verificationProblem } from './verification-words';

const RULES = { required: 'Enter the code from the email.', code: 'A code has 8 letters and digits, as in the email.' };

/** Refusals after which this request can never be completed, whatever code is entered. */
const FINAL = ['partners.org_associated', 'partners.org_already_yours', 'verification.not_found', 'verification.void'];

/**
 * The second half of verifying an org: the code its admin received. A wrong code is said on the
 * field; an expired code offers a new one, and a void request (which the API will not send a new
 * code for) offers to ask again from the start.
 */
@Component({
  selector: 'mtp-code-step',
  imports: [MatButtonModule, MatFormFieldModule, MatInputModule, MatProgressBarModule, NoticeBanner, ReactiveFormsModule],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './code-step.html',
  styleUrl: './verification-form.scss',
})
export class CodeStep {
  private readonly api = inject(VerificationApi);
  private readonly destroyRef = inject(DestroyRef);

  readonly verification = input.required<VerificationDto>();
  /** What the API said when the code was asked for; it stays neutral about whether one was sent. */
  readonly notice = input<string | null>(null);
  readonly laterLabel = input('I’ll enter the code later');
  /** Whether the host can start a new request, for one that can no longer be completed. */
  readonly canRestart = input(false);

  readonly verified = output<VerifiedOrgDto>();
  readonly later = output<void>();
  readonly restart = output<void>();

  /** The notice shown: the one given, until a new code is sent. */
  protected readonly shownNotice = linkedSignal(() => this.notice());
  protected readonly form = new FormGroup({
    code: new FormControl('', { nonNullable: true, validators: [Validators.required, codeShape] }),
  });
  protected readonly busy = signal(false);
  protected readonly busyLabel = signal('');
  protected readonly problem = signal<string | null>(null);
  protected readonly canResend = signal(false);
  protected readonly finished = signal(false);
  /** A void request is done with, but the same OrgID and email may be asked again. */
  protected readonly isVoid = signal(false);

  protected message(): string {
    return fieldMessage(this.form, 'code', RULES);
  }

  protected verify(): void {
    if (this.form.invalid || this.busy()) {
      this.form.markAllAsTouched();
      return;
    }
    this.start('Checking the code');
    this.api
      .submitCode(this.verification().id, normalizeCode(this.form.controls.code.value))
      .pipe(takeUntilDestroyed(this.destroyRef))
      .subscribe({
        next: (org) => this.verified.emit(org),
        error: (error: unknown) => this.refused(error),
      });
  }

  protected resend(): void {
    const { id, email } = this.verification();
    this.start('Sending a new code');
    this.api
      .resend(id)
      .pipe(takeUntilDestroyed(this.destroyRef))
      .subscribe({
        next: (sent) => {
          this.busy.set(false);
          this.form.reset();
          this.shownNotice.set(sent.message || `A new code was sent to ${email}.`);
        },
        error: (error: unknown) => this.refused(error, 'Sending a new code'),
      });
  }

  private start(label: string): void {
    this.busy.set(true);
    this.busyLabel.set(label);
    this.problem.set(null);
    this.canResend.set(false);
  }

  private refused(error: unknown, doing = 'Checking the code'): void {
    this.busy.set(false);
    const words = verificationProblem(error, doing);
    if (error instanceof ApiProblem && error.code === 'verification.code_invalid') {
      const code = this.form.controls.code;
      code.setErrors({ api: words });
      code.markAsTouched();
      return;
    }
    const code = error instanceof ApiProblem ? error.code : null;
    this.problem.set(words);
    this.canResend.set(code === 'verification.expired');
    this.isVoid.set(code === 'verification.void');
    this.finished.set(!!code && FINAL.includes(code));
  }
}
