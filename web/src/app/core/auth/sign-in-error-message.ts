import { ApiProblem } from '../http/api-problem';

/** The sentence the sign-in page shows for a failed attempt. */
export function signInErrorMessage(error: unknown): string {
  if (!(error instanceof ApiProblem)) {
    return 'Something went wrong while signing in. Please try again.';
  }
  if (error.detail) {
    return error.detail;
  }
  if (error.status === 401) {
    return 'Email or password is incorrect.';
  }
  if (error.status === 429) {
    return 'Too many attempts, try again later.';
  }
  if (error.status === 0 || error.status >= 500) {
    return 'The portal cannot reach the server. Check your connection and try again.';
  }
  return `Sign-in did not work (the server answered “${error.title}”, status ${error.status}). Please try again.`;
}
