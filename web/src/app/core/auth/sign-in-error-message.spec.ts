import { ApiProblem, type ApiProblemFields } from '../http/api-problem';
import { signInErrorMessage } from './sign-in-error-message';

function problem(fields: Partial<ApiProblemFields> & { status: number }): ApiProblem {
  return new ApiProblem({
    type: 'about:blank',
    title: 'Error',
    detail: null,
    code: null,
    correlationId: null,
    ...fields,
  });
}

describe('signInErrorMessage', () => {
  it('shows the detail the API wrote', () => {
    expect(signInErrorMessage(problem({ status: 404, detail: 'Cannot POST /api/v1/auth/login' }))).toBe(
      'Cannot POST /api/v1/auth/login',
    );
  });

  it.each([
    [401, 'Email or password is incorrect.'],
    [429, 'Too many attempts, try again later.'],
    [0, 'The portal cannot reach the server. Check your connection and try again.'],
    [500, 'The portal cannot reach the server. Check your connection and try again.'],
    [503, 'The portal cannot reach the server. Check your connection and try again.'],
  ])('explains a %i without detail in plain words', (status, message) => {
    expect(signInErrorMessage(problem({ status }))).toBe(message);
  });

  it('names the status of any other failure without detail', () => {
    expect(signInErrorMessage(problem({ status: 404, title: 'Not Found' }))).toBe(
      'Sign-in did not work (the server answered “Not Found”, status 404). Please try again.',
    );
  });

  it('has a message for failures that are not API problems', () => {
    expect(signInErrorMessage(new TypeError('boom'))).toBe(
      'Something went wrong while signing in. Please try again.',
    );
  });
});
