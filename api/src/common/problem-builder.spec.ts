import { BadRequestException, NotFoundException } from '@nestjs/common';
import { DomainError, ValidationFailedError } from './domain-error.js';
import { buildProblem } from './problem-builder.js';

describe('buildProblem', () => {
  it('answers a domain error with its own status, code and headers', () => {
    const built = buildProblem(new DomainError('auth.too_many_attempts', 429, 'Try again in 15 minutes', { headers: { 'Retry-After': '900' } }), 'req-1');
    expect(built.problem).toEqual({
      type: 'urn:mtp:problem:auth.too_many_attempts',
      title: 'Too Many Requests',
      status: 429,
      detail: 'Try again in 15 minutes',
      code: 'auth.too_many_attempts',
      correlationId: 'req-1',
    });
    expect(built.headers).toEqual({ 'Retry-After': '900' });
    expect(built.unexpected).toBe(false);
  });

  it('lists the fields at fault on a validation failure', () => {
    const built = buildProblem(new ValidationFailedError([{ field: 'email', messages: ['email must be an email'] }]), 'req-2');
    expect(built.problem).toMatchObject({ status: 400, code: 'request.validation_failed', errors: [{ field: 'email', messages: ['email must be an email'] }] });
  });

  it('maps framework HTTP errors to stable codes', () => {
    expect(buildProblem(new NotFoundException('Cannot GET /api/x'), 'r').problem).toMatchObject({ status: 404, code: 'request.not_found', detail: 'Cannot GET /api/x' });
  });

  it('recognises body-parser errors wrapped by the framework', () => {
    const cause = Object.assign(new SyntaxError('Unexpected token } in JSON'), { type: 'entity.parse.failed', status: 400 });
    const built = buildProblem(new BadRequestException(cause.message, { cause }), 'r');
    expect(built.problem).toMatchObject({ status: 400, code: 'request.malformed_json', detail: 'The request body is not valid JSON' });
  });

  it('never shows what an unexpected error says, and flags it for the log', () => {
    const built = buildProblem(new Error('relation "staff_users" does not exist at Parser.parse (pg/lib/parser.js:12)'), 'req-9');
    expect(built.problem).toMatchObject({ status: 500, code: 'server.internal_error', correlationId: 'req-9' });
    expect(built.problem.detail).not.toMatch(/does not exist|Parser|staff_users/);
    expect(built.unexpected).toBe(true);
  });

  it('handles things thrown that are not errors at all', () => {
    expect(buildProblem('a string', 'r').problem.status).toBe(500);
    expect(buildProblem(undefined, 'r').problem.status).toBe(500);
  });
});
