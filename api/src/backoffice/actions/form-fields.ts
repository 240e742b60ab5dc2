import type { FieldProblem } from '@mtp/contract';
import { isEmail, isUUID } from 'class-validator';
import { ValidationFailedError } from '../../common/domain-error.js';

/**
 * Reads a back-office form the way the API's DTOs read a request body. AdminJS forms reach the
 * services without class-validator in between, and a value the database refuses would surface as a
 * 500 instead of a message beside the field. Every problem is collected, then thrown at once.
 */
export class FormFields {
  private readonly problems: FieldProblem[] = [];

  constructor(private readonly payload: Record<string, unknown> = {}) {}

  text(field: string, label: string, maxLength = 200): string {
    const value = this.raw(field);
    if (value.length === 0) return this.refuse(field, `${label} is required`);
    if (value.length > maxLength) return this.refuse(field, `${label} has at most ${maxLength} characters`);
    return value;
  }

  /** Text that may be left empty: null then. */
  optionalText(field: string, label: string, maxLength: number): string | null {
    const value = this.raw(field);
    if (value.length > maxLength) return this.refuse(field, `${label} has at most ${maxLength} characters`);
    return value.length > 0 ? value : null;
  }

  email(field: string): string {
    const value = this.raw(field).toLowerCase();
    return isEmail(value) && value.length <= 320 ? value : this.refuse(field, 'Enter a valid email address');
  }

  oneOf<T extends string>(field: string, label: string, allowed: readonly T[]): T {
    const value = this.raw(field);
    return (allowed as readonly string[]).includes(value) ? (value as T) : (this.refuse(field, `${label} is one of ${allowed.join(', ')}`) as T);
  }

  /** A record picked from another resource (a reference field): its id. */
  reference(field: string, label: string): string {
    const value = this.raw(field);
    return isUUID(value) ? value : this.refuse(field, `Choose a ${label}`);
  }

  matching(field: string, pattern: RegExp, message: string): string {
    const value = this.raw(field).toLowerCase();
    return pattern.test(value) ? value : this.refuse(field, message);
  }

  /** Throws the collected problems, if any, as the API would answer them. */
  check(): void {
    if (this.problems.length > 0) throw new ValidationFailedError(this.problems);
  }

  private raw(field: string): string {
    const value = this.payload[field];
    return typeof value === 'string' ? value.trim() : '';
  }

  /** The empty value returned is never used: check() throws before any service runs. */
  private refuse(field: string, message: string): string {
    this.problems.push({ field, messages: [message] });
    return '';
  }
}
