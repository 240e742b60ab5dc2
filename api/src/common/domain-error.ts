import type { FieldProblem } from '@mtp/contract';

/**
 * The base of every error a module raises on purpose. The stable `code` tells clients what went
 * wrong; the status is chosen here, once, and the problem filter turns it into problem+json.
 */
export class DomainError extends Error {
  constructor(
    readonly code: string,
    readonly status: number,
    message: string,
    readonly extra: { errors?: FieldProblem[]; headers?: Record<string, string> } = {},
  ) {
    super(message);
    this.name = new.target.name;
  }
}

export class NotFoundError extends DomainError {
  constructor(code: string, message = 'Not found') {
    super(code, 404, message);
  }
}

export class ValidationFailedError extends DomainError {
  constructor(errors: FieldProblem[]) {
    super('request.validation_failed', 400, 'The request has invalid or unexpected fields', { errors });
  }
}
