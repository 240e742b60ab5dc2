import { DomainError } from '../../common/domain-error.js';

export const PASSWORD_MIN_LENGTH = 12;
// argon2 hashes whatever it is given: an upper bound keeps one request from costing seconds.
export const PASSWORD_MAX_LENGTH = 256;

/** Length over composition rules, as NIST SP 800-63B advises; and never the email itself. */
export function assertAcceptablePassword(password: string, email: string): void {
  if (password.length < PASSWORD_MIN_LENGTH) {
    throw new DomainError('auth.password_too_short', 400, `Choose a password of at least ${PASSWORD_MIN_LENGTH} characters`);
  }
  if (password.length > PASSWORD_MAX_LENGTH) {
    throw new DomainError('auth.password_too_long', 400, `A password can have at most ${PASSWORD_MAX_LENGTH} characters`);
  }
  if (password.trim().toLowerCase() === email.trim().toLowerCase()) {
    throw new DomainError('auth.password_is_email', 400, 'The password must not be your email address');
  }
}
