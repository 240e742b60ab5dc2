import { ApiProblem, type ApiProblemFields } from './api-problem';
import { describeProblem, problemMessage } from './problem-message';

function problem(fields: Partial<ApiProblemFields> & { status: number }): ApiProblem {
  return new ApiProblem({ type: 'about:blank', title: 'Error', detail: null, code: null, correlationId: null, ...fields });
}

describe('problemMessage', () => {
  it.each([
    ['auth.invalid_credentials', 401, 'Email or password is incorrect.'],
    ['auth.mfa_invalid', 401, 'That code is not right. Enter the code your authenticator app shows now.'],
    ['auth.challenge_invalid', 401, 'Your sign-in took too long. Enter your email and password again.'],
    ['auth.session_ended', 401, 'Your session has ended. Sign in again.'],
    ['auth.password_too_short', 400, 'Choose a password of at least 12 characters.'],
    ['auth.password_is_email', 400, 'Your password must not be your email address.'],
    ['auth.current_password_invalid', 400, 'Your current password is not right.'],
    ['auth.reset_link_invalid', 400, 'This reset link is not valid: it has expired or was already used. Ask for a new one.'],
  ])('puts %s in words of its own, whatever the API detail says', (code, status, words) => {
    expect(problemMessage(problem({ status, code, detail: 'internal wording that may change' }))).toBe(words);
  });

  it('says how long to wait after too many attempts, from Retry-After', () => {
    expect(problemMessage(problem({ status: 429, code: 'auth.too_many_attempts', retryAfterSeconds: 840 }))).toBe(
      'Too many attempts. Wait 14 minutes, then try again.',
    );
    expect(problemMessage(problem({ status: 429, code: 'auth.too_many_attempts', retryAfterSeconds: 30 }))).toBe(
      'Too many attempts. Wait 1 minute, then try again.',
    );
    expect(problemMessage(problem({ status: 429 }))).toBe('Too many attempts. Wait a few minutes, then try again.');
  });

  it('lists the field messages of a validation problem', () => {
    const refused = problem({
      status: 400,
      code: 'request.validation_failed',
      errors: [{ field: 'email', messages: ['Enter a valid email address'] }],
    });
    expect(problemMessage(refused)).toBe('Check what you entered: Enter a valid email address.');
  });

  it('shows the detail of a problem it has no words for', () => {
    expect(problemMessage(problem({ status: 404, code: 'http.not_found', detail: 'Cannot POST /api/v1/x' }))).toBe(
      'Cannot POST /api/v1/x',
    );
  });

  it.each([0, 500, 502, 503])('says the server cannot be reached on a %i', (status) => {
    expect(problemMessage(problem({ status, detail: 'stack trace?' }))).toBe(
      'The portal cannot reach the server. Check your connection and try again.',
    );
  });

  it('names the action and the status of any other failure without detail', () => {
    expect(problemMessage(problem({ status: 404, title: 'Not Found' }), 'Sign-in')).toBe(
      'Sign-in did not work (the server answered “Not Found”, status 404). Please try again.',
    );
  });

  it('has a message for failures that are not API problems', () => {
    expect(problemMessage(new TypeError('boom'))).toBe('Something went wrong. Please try again.');
  });

  it('keeps the correlation id as the reference', () => {
    expect(describeProblem(problem({ status: 401, code: 'auth.invalid_credentials', correlationId: 'req-1' }))).toEqual({
      message: 'Email or password is incorrect.',
      reference: 'req-1',
    });
  });
});
