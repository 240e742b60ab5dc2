import { HttpErrorResponse } from '@angular/common/http';

import { ApiProblem } from './api-problem';

type Wording = string | ((problem: ApiProblem) => string);

const UNREACHABLE = 'The portal cannot reach the server. Check your connection and try again.';

/**
 * What a person reads for each problem code the portal can meet. The API's `detail` is written for
 * people too, but it is not a contract: the portal owns its words, and falls back on the detail
 * only for codes it does not know yet.
 */
const WORDS: Record<string, Wording> = {
  'auth.invalid_credentials': 'Email or password is incorrect.',
  'auth.too_many_attempts': (problem) => `Too many attempts. ${waitHint(problem.retryAfterSeconds)}`,
  'auth.mfa_invalid': 'That code is not right. Enter the code your authenticator app shows now.',
  'auth.challenge_invalid': 'Your sign-in took too long. Enter your email and password again.',
  'auth.session_ended': 'Your session has ended. Sign in again.',
  'auth.unauthenticated': 'Your session has ended. Sign in again.',
  'auth.refresh_race': 'Your session was renewed in another tab at the same moment. Try again.',
  'auth.password_too_short': 'Choose a password of at least 12 characters.',
  'auth.password_too_long': 'A password can have at most 256 characters.',
  'auth.password_is_email': 'Your password must not be your email address.',
  'auth.current_password_invalid': 'Your current password is not right.',
  'auth.reset_link_invalid': 'This reset link is not valid: it has expired or was already used. Ask for a new one.',
  'mfa.already_enrolled': 'Two-step sign-in is already set up for this account. Sign in again.',
  'mail.message_not_found': 'This email is not in the dev mailbox.',
  'request.validation_failed': (problem) => fieldWords(problem),
  'sessions.reason_required': 'Your partner asks for a reason with every launch: say why you open this organization.',
  'sessions.forbidden': 'Your partner role does not allow this in a launched session. Ask an admin, owner or manager of your partner.',
  // The API says how it ended (expired, ended, revoked): its detail is the point here.
  'sessions.ended': (problem) => problem.detail ?? 'This launch session has ended. Return to the portal to launch again.',
  'sessions.not_found': 'This launch session is not there any more: it may belong to someone else, or the list is out of date.',
};

/** How a failure is shown: the sentence, and the reference support can look up in the logs. */
export interface ProblemView {
  readonly message: string;
  readonly reference: string | null;
}

/**
 * The sentence for a failed call. `doing` names what the person tried ("Sign-in"), for failures
 * the portal has no words for.
 */
export function problemMessage(error: unknown, doing = 'That'): string {
  if (!(error instanceof ApiProblem)) {
    return 'Something went wrong. Please try again.';
  }
  const wording = error.code ? WORDS[error.code] : undefined;
  if (wording) {
    return typeof wording === 'string' ? wording : wording(error);
  }
  if (error.status === 0 || error.status >= 500) {
    return UNREACHABLE;
  }
  if (error.detail) {
    return error.detail;
  }
  if (error.status === 401) {
    return 'Your session has ended. Sign in again.';
  }
  if (error.status === 429) {
    return `Too many attempts. ${waitHint(error.retryAfterSeconds)}`;
  }
  return `${doing} did not work (the server answered “${error.title}”, status ${error.status}). Please try again.`;
}

export function describeProblem(error: unknown, doing?: string): ProblemView {
  return {
    message: problemMessage(error, doing),
    reference: error instanceof ApiProblem ? error.correlationId : null,
  };
}

/** Whether the failure is the API saying who is calling is not (or no longer) signed in. */
export function isUnauthorized(error: unknown): boolean {
  return (error instanceof ApiProblem || error instanceof HttpErrorResponse) && error.status === 401;
}

function waitHint(seconds: number | null): string {
  if (seconds === null) {
    return 'Wait a few minutes, then try again.';
  }
  const minutes = Math.max(1, Math.ceil(seconds / 60));
  return `Wait ${minutes} minute${minutes === 1 ? '' : 's'}, then try again.`;
}

function fieldWords(problem: ApiProblem): string {
  const messages = problem.errors.flatMap((field) => field.messages);
  return messages.length > 0
    ? `Check what you entered: ${messages.map((message) => sentence(message)).join(' ')}`
    : 'Check what you entered and try again.';
}

function sentence(text: string): string {
  const trimmed = text.trim();
  const capital = trimmed.charAt(0).toUpperCase() + trimmed.slice(1);
  return /[.!?]$/.test(capital) ? capital : `${capital}.`;
}
