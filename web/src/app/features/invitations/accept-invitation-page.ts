import { DatePipe } from '@angular/common';
import { HttpClient } from '@angular/common/http';
import { ChangeDetectionStrategy, Component, DestroyRef, type OnInit, computed, inject, input, signal } from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { NonNullableFormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatCardModule } from '@angular/material/card';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { Router, RouterLink } from '@angular/router';
import { ApiConfiguration, type InvitationPreviewDto, type LoginStepDto, acceptInvitation, lookupInvitation } from '@mtp/api-client';

import { SignInFlow } from '../../core/auth/sign-in-flow';
import { ApiProblem } from '../../core/http/api-problem';
import { type ProblemView, describeProblem, problemMessage } from '../../core/http/problem-message';
import { NEW_PASSWORD_VALIDATORS, PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH, PASSWORD_RULES_TEXT, repeats } from '../../shared/forms/form-rules';
import { LoadingState, ProblemBanner } from '../../shared/ui/page-states';
import { applyFieldErrors, fieldMessage } from '../../shared/forms/field-errors';
import { INVALID_LINKS, type InvalidLink, ROLES, invalidLink } from './invitation-words';

const NEW_ACCOUNT_RULES: Record<string, Record<string, string>> = {
  name: { required: 'Enter your name.', maxlength: 'At most 200 characters.' },
  password: {
    required: 'Choose a password.',
    minlength: `Use at least ${PASSWORD_MIN_LENGTH} characters.`,
    maxlength: `Use at most ${PASSWORD_MAX_LENGTH} characters.`,
  },
  confirmPassword: { mismatch: 'The two passwords are not the same.', required: 'Type the password again.' },
};

const EXISTING_ACCOUNT_RULES: Record<string, Record<string, string>> = {
  password: { required: 'Enter your password.' },
};

type State =
  | { readonly kind: 'loading' }
  | { readonly kind: 'failed'; readonly problem: ProblemView }
  | { readonly kind: 'invalid'; readonly reason: InvalidLink }
  | { readonly kind: 'ready'; readonly preview: InvitationPreviewDto };

/**
 * Where an invitation email leads: who invited whom, as what, then a password (and a name for a
 * new account). Accepting is the password step of sign-in, so the second step follows as usual.
 */
@Component({
  selector: 'mtp-accept-invitation-page',
  imports: [
    DatePipe,
    LoadingState,
    MatButtonModule,
    MatCardModule,
    MatFormFieldModule,
    MatInputModule,
    MatProgressBarModule,
    ProblemBanner,
    ReactiveFormsModule,
    RouterLink,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  host: { class: 'mtp-card-page' },
  templateUrl: './accept-invitation-page.html',
  styleUrl: './accept-invitation-page.scss',
})
export class AcceptInvitationPage implements OnInit {
  private readonly http = inject(HttpClient);
  private readonly api = inject(ApiConfiguration);
  private readonly flow = inject(SignInFlow);
  private readonly router = inject(Router);
  private readonly destroyRef = inject(DestroyRef);

  /** The invitation's one-time token from the emailed link (query parameter). */
  readonly token = input<string>();

  protected readonly rules = PASSWORD_RULES_TEXT;
  protected readonly roles = ROLES;
  protected readonly state = signal<State>({ kind: 'loading' });
  protected readonly preview = computed(() => {
    const state = this.state();
    return state.kind === 'ready' ? state.preview : null;
  });
  protected readonly invalid = computed(() => {
    const state = this.state();
    return state.kind === 'invalid' ? INVALID_LINKS[state.reason] : null;
  });
  protected readonly loadProblem = computed(() => {
    const state = this.state();
    return state.kind === 'failed' ? state.problem : null;
  });
  protected readonly submitting = signal(false);
  protected readonly failure = signal<ProblemView | null>(null);
  protected readonly form = inject(NonNullableFormBuilder).group({
    name: ['', [Validators.required, Validators.maxLength(200)]],
    password: ['', NEW_PASSWORD_VALIDATORS],
    confirmPassword: ['', [Validators.required, repeats('password')]],
  });

  ngOnInit(): void {
    this.lookup();
  }

  protected lookup(): void {
    const token = this.token();
    if (!token) {
      return;
    }
    this.state.set({ kind: 'loading' });
    lookupInvitation(this.http, this.api.rootUrl, { body: { token } })
      .pipe(takeUntilDestroyed(this.destroyRef))
      .subscribe({
        next: (response) => {
          this.prepareForm(response.body);
          this.state.set({ kind: 'ready', preview: response.body });
        },
        error: (error: unknown) => {
          const reason = invalidLink(error);
          this.state.set(reason ? { kind: 'invalid', reason } : { kind: 'failed', problem: describeProblem(error, 'Opening the invitation') });
        },
      });
  }

  protected message(name: string): string {
    const rules = this.preview()?.accountExists ? EXISTING_ACCOUNT_RULES : NEW_ACCOUNT_RULES;
    return fieldMessage(this.form, name, rules[name] ?? {});
  }

  protected submit(): void {
    const token = this.token();
    const preview = this.preview();
    this.form.controls.confirmPassword.updateValueAndValidity();
    if (this.submitting() || !token || !preview) {
      return;
    }
    if (this.form.invalid) {
      this.form.markAllAsTouched();
      return;
    }
    const { name, password } = this.form.getRawValue();
    this.submitting.set(true);
    this.failure.set(null);
    // Nobody asked for a page before this sign-in: land by memberships, the new partner's portal.
    this.flow.rememberReturnUrl(null);
    const body = preview.accountExists ? { token, password } : { token, password, name: name.trim() };
    acceptInvitation(this.http, this.api.rootUrl, { body })
      .pipe(takeUntilDestroyed(this.destroyRef))
      .subscribe({
        next: (response) => {
          this.submitting.set(false);
          this.continueSignIn(preview.email, response.body);
        },
        error: (error: unknown) => {
          this.submitting.set(false);
          this.showProblem(error);
        },
      });
  }

  /** As the sign-in page does for the same answer of /auth/login. */
  private continueSignIn(email: string, step: LoginStepDto): void {
    if (step.status === 'mfa_required' && step.challengeToken) {
      this.flow.begin({ step: 'mfa', email, challengeToken: step.challengeToken });
    } else if (step.status === 'mfa_enrollment_required' && step.enrollmentToken) {
      this.flow.begin({ step: 'enrollment', email, enrollmentToken: step.enrollmentToken });
    }
    void this.router.navigateByUrl(step.status === 'mfa_required' ? '/sign-in/verify' : '/sign-in/set-up-mfa');
  }

  /** An existing account proves itself with its password; a new one chooses a name and a password. */
  private prepareForm(preview: InvitationPreviewDto): void {
    const { name, password, confirmPassword } = this.form.controls;
    if (preview.accountExists) {
      name.disable();
      confirmPassword.disable();
      password.setValidators(Validators.required);
    } else {
      name.enable();
      confirmPassword.enable();
      password.setValidators(NEW_PASSWORD_VALIDATORS);
    }
    password.updateValueAndValidity();
  }

  private showProblem(error: unknown): void {
    const reason = invalidLink(error);
    if (reason) {
      this.state.set({ kind: 'invalid', reason });
      return;
    }
    if (!(error instanceof ApiProblem)) {
      this.failure.set(describeProblem(error, 'Accepting the invitation'));
      return;
    }
    const password = this.form.controls.password;
    if (error.code === 'auth.invalid_credentials') {
      password.setErrors({ api: 'This is not the password of your MTP account. Try again, or reset it.' });
      password.markAsTouched();
      return;
    }
    if (error.code?.startsWith('auth.password_')) {
      password.setErrors({ api: problemMessage(error) });
      password.markAsTouched();
      return;
    }
    if (error.code === 'partners.other_partner') {
      this.failure.set({
        message:
          'Your account already belongs to another partner, and an account can belong to only one. Ask that partner’s owner to remove you, then open this link again.',
        reference: error.correlationId,
      });
      return;
    }
    const unplaced = applyFieldErrors(this.form, error);
    if (unplaced.length > 0) {
      this.failure.set({ message: unplaced.join(' '), reference: error.correlationId });
    } else if (error.errors.length === 0) {
      this.failure.set(describeProblem(error, 'Accepting the invitation'));
    }
  }
}
