import { HttpClient } from '@angular/common/http';
import {
  ChangeDetectionStrategy,
  Component,
  DestroyRef,
  type ElementRef,
  Injector,
  type OnInit,
  afterNextRender,
  computed,
  inject,
  input,
  signal,
  viewChild,
} from '@angular/core';
import { takeUntilDestroyed, toSignal } from '@angular/core/rxjs-interop';
import { NonNullableFormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatCardModule } from '@angular/material/card';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatRadioModule } from '@angular/material/radio';
import { RouterLink } from '@angular/router';
import { ApiConfiguration, type CreateApplicationDto, submitApplication } from '@mtp/api-client';

import { ApiProblem } from '../../core/http/api-problem';
import { type ProblemView, describeProblem } from '../../core/http/problem-message';
import { applyFieldErrors, fieldMessage } from '../../shared/forms/field-errors';
import { ProblemBanner } from '../../shared/ui/page-states';

export type ApplicationKind = CreateApplicationDto['kind'];

/** The API's limits (partners CreateApplicationDto). */
const MESSAGE_MAX = 2000;
const CUSTOMERS_MAX = 1_000_000;
const WHOLE = /^\s*\d*\s*$/;

const RULES: Record<string, Record<string, string>> = {
  company: { required: 'Enter the name of your company.', maxlength: 'At most 200 characters.' },
  contactName: { required: 'Enter your name.', maxlength: 'At most 200 characters.' },
  email: { required: 'Enter your email address.', email: 'Enter an email address like name@example.com.', maxlength: 'At most 320 characters.' },
  customerCount: { pattern: 'Enter a whole number, or leave it empty.', max: 'At most 1,000,000.' },
  partnerKind: { required: 'Choose what describes you best.' },
  message: { maxlength: `At most ${MESSAGE_MAX} characters.` },
};

const WORDING: Record<ApplicationKind, { title: string; intro: string; submit: string; received: string }> = {
  partner: {
    title: 'Become a partner',
    intro:
      'For managed service providers (MSPs) and enterprises that manage sub-organizations: run every organization you look after from one portal.',
    submit: 'Send my application',
    received: 'Thank you: your application was received',
  },
  evaluation: {
    title: 'Request an evaluation',
    intro: 'Try MTP before you decide: tell us who you are, and we will set up an evaluation with you.',
    submit: 'Request an evaluation',
    received: 'Thank you: your request was received',
  },
};

/**
 * The public form to apply as a partner, or to ask for an evaluation (the route says which).
 * Nobody is signed in here; staff review what arrives.
 */
@Component({
  selector: 'mtp-application-page',
  imports: [
    MatButtonModule,
    MatCardModule,
    MatFormFieldModule,
    MatInputModule,
    MatProgressBarModule,
    MatRadioModule,
    ProblemBanner,
    ReactiveFormsModule,
    RouterLink,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  host: { class: 'mtp-card-page' },
  templateUrl: './application-page.html',
  styleUrl: './application-page.scss',
})
export class ApplicationPage implements OnInit {
  private readonly http = inject(HttpClient);
  private readonly api = inject(ApiConfiguration);
  private readonly destroyRef = inject(DestroyRef);
  private readonly injector = inject(Injector);

  /** From the route's data. */
  readonly kind = input<ApplicationKind>('partner');

  protected readonly wording = computed(() => WORDING[this.kind()]);
  protected readonly messageMax = MESSAGE_MAX;
  protected readonly form = inject(NonNullableFormBuilder).group({
    company: ['', [Validators.required, Validators.maxLength(200)]],
    contactName: ['', [Validators.required, Validators.maxLength(200)]],
    email: ['', [Validators.required, Validators.email, Validators.maxLength(320)]],
    customerCount: ['', [Validators.pattern(WHOLE), Validators.max(CUSTOMERS_MAX)]],
    partnerKind: ['' as CreateApplicationDto['partnerKind'] | ''],
    message: ['', Validators.maxLength(MESSAGE_MAX)],
  });
  protected readonly messageLength = toSignal(this.form.controls.message.valueChanges, { initialValue: '' });
  protected readonly submitting = signal(false);
  protected readonly failure = signal<ProblemView | null>(null);
  /** The address the confirmation went to, once the API has taken the application. */
  protected readonly receivedFor = signal<string | null>(null);
  private readonly receivedTitle = viewChild<ElementRef<HTMLElement>>('receivedTitle');

  ngOnInit(): void {
    // A partner is one kind or the other; someone evaluating may not have decided yet.
    if (this.kind() === 'partner') {
      this.form.controls.partnerKind.addValidators(Validators.required);
      this.form.controls.partnerKind.updateValueAndValidity();
    }
  }

  protected message(name: string): string {
    return fieldMessage(this.form, name, RULES[name] ?? {});
  }

  /** The radio group has no form field to show its error under. */
  protected partnerKindError(): string {
    return this.form.controls.partnerKind.touched ? this.message('partnerKind') : '';
  }

  protected submit(): void {
    if (this.submitting()) {
      return;
    }
    if (this.form.invalid) {
      this.form.markAllAsTouched();
      return;
    }
    const body = this.body();
    this.submitting.set(true);
    this.failure.set(null);
    submitApplication(this.http, this.api.rootUrl, { body })
      .pipe(takeUntilDestroyed(this.destroyRef))
      .subscribe({
        next: () => {
          this.submitting.set(false);
          this.receivedFor.set(body.email);
          // The form and its button are gone: keyboard and screen-reader users continue from the answer.
          afterNextRender(() => this.receivedTitle()?.nativeElement.focus(), { injector: this.injector });
        },
        error: (error: unknown) => {
          this.submitting.set(false);
          this.showProblem(error);
        },
      });
  }

  private body(): CreateApplicationDto {
    const { company, contactName, email, customerCount, partnerKind, message } = this.form.getRawValue();
    return {
      kind: this.kind(),
      company: company.trim(),
      contactName: contactName.trim(),
      email: email.trim(),
      ...(customerCount.trim() ? { customerCount: Number(customerCount.trim()) } : {}),
      ...(partnerKind ? { partnerKind } : {}),
      ...(message.trim() ? { message: message.trim() } : {}),
    };
  }

  private showProblem(error: unknown): void {
    if (error instanceof ApiProblem && error.status === 429) {
      this.failure.set({ message: tooManyRequests(error.retryAfterSeconds), reference: error.correlationId });
      return;
    }
    const unplaced = applyFieldErrors(this.form, error);
    const placed = error instanceof ApiProblem && error.errors.length > unplaced.length;
    if (unplaced.length > 0) {
      this.failure.set({ message: unplaced.join(' '), reference: error instanceof ApiProblem ? error.correlationId : null });
    } else if (!placed) {
      this.failure.set(describeProblem(error, 'Sending the form'));
    }
  }
}

/** The portal's general 429 wording speaks of sign-in attempts, which nobody makes here. */
function tooManyRequests(seconds: number | null): string {
  const minutes = seconds === null ? null : Math.max(1, Math.ceil(seconds / 60));
  const wait = minutes === null ? 'a few minutes' : `${minutes} minute${minutes === 1 ? '' : 's'}`;
  return `Too many requests were sent from your network. Wait ${wait}, then try again.`;
}
