import { type AbstractControl, type ValidationErrors, type ValidatorFn, Validators } from '@angular/forms';

/** Six digits, as authenticator apps show them (often as "123 456"). */
export const ONE_TIME_CODE_VALIDATORS = [Validators.required, Validators.pattern(/^\s*\d{3}\s?\d{3}\s*$/)];

export function normalizeOneTimeCode(value: string): string {
  return value.replace(/\s+/g, '');
}

/** The API's rules for a new password (api identity/administrators/password-policy). */
export const PASSWORD_MIN_LENGTH = 12;
export const PASSWORD_MAX_LENGTH = 256;

export const PASSWORD_RULES_TEXT = `At least ${PASSWORD_MIN_LENGTH} characters, and not your email address. A few unrelated words make a strong one.`;

export const NEW_PASSWORD_VALIDATORS = [
  Validators.required,
  Validators.minLength(PASSWORD_MIN_LENGTH),
  Validators.maxLength(PASSWORD_MAX_LENGTH),
];

/**
 * On the confirmation field: it must repeat the field named `passwordKey` beside it. Forms call
 * `updateValueAndValidity()` on it before submitting, as the other field may have changed since.
 */
export function repeats(passwordKey: string): ValidatorFn {
  return (control: AbstractControl): ValidationErrors | null => {
    const password = control.parent?.get(passwordKey)?.value as string | undefined;
    return control.value && control.value !== password ? { mismatch: true } : null;
  };
}
