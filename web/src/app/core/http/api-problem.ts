import { type HttpErrorResponse } from '@angular/common/http';
import { type FieldProblem, PROBLEM_CONTENT_TYPE, type ApiProblem as ProblemDocument } from '@mtp/contract';

/**
 * A problem document as the portal holds it. Fields the server may leave out, or that a
 * failure without any answer cannot have, are null rather than absent.
 */
export type ApiProblemFields = Pick<ProblemDocument, 'type' | 'title' | 'status'> & {
  readonly detail: string | null;
  readonly code: string | null;
  readonly correlationId: string | null;
  readonly errors?: readonly FieldProblem[];
  /** From a 429's Retry-After header: how long to wait before trying again. */
  readonly retryAfterSeconds?: number | null;
};

/**
 * Every failed API call reaches the caller as an ApiProblem, so pages handle one error type.
 * A response without a problem+json body (a proxy error, no network) becomes a problem with
 * the HTTP status and no detail.
 */
export class ApiProblem extends Error implements ApiProblemFields {
  readonly type: string;
  readonly title: string;
  readonly status: number;
  readonly detail: string | null;
  readonly code: string | null;
  readonly correlationId: string | null;
  /** One entry per rejected field, when the API refused a request's content. */
  readonly errors: readonly FieldProblem[];
  readonly retryAfterSeconds: number | null;

  constructor(fields: ApiProblemFields) {
    super(fields.detail ?? fields.title);
    this.name = 'ApiProblem';
    this.type = fields.type;
    this.title = fields.title;
    this.status = fields.status;
    this.detail = fields.detail;
    this.code = fields.code;
    this.correlationId = fields.correlationId;
    this.errors = fields.errors ?? [];
    this.retryAfterSeconds = fields.retryAfterSeconds ?? null;
  }
}

export function apiProblemFromResponse(response: HttpErrorResponse): ApiProblem {
  const body = problemBody(response);
  const status = response.status;
  const retryAfterSeconds = retryAfter(response);
  if (!body) {
    return new ApiProblem({
      type: 'about:blank',
      title: response.statusText || 'Unknown error',
      status,
      detail: null,
      code: null,
      correlationId: null,
      retryAfterSeconds,
    });
  }
  return new ApiProblem({
    type: text(body['type']) ?? 'about:blank',
    title: text(body['title']) ?? (response.statusText || 'Error'),
    status: typeof body['status'] === 'number' ? body['status'] : status,
    detail: text(body['detail']),
    code: text(body['code']),
    correlationId: text(body['correlationId']),
    errors: Array.isArray(body['errors']) ? body['errors'].filter(isFieldProblem) : [],
    retryAfterSeconds,
  });
}

/** Retry-After in seconds; the HTTP-date form is not used by the MTP API. */
function retryAfter(response: HttpErrorResponse): number | null {
  const value = Number(response.headers?.get('Retry-After') ?? Number.NaN);
  return Number.isFinite(value) && value >= 0 ? value : null;
}

function problemBody(response: HttpErrorResponse): Record<string, unknown> | null {
  const contentType = response.headers?.get('Content-Type') ?? '';
  const declaredProblem = contentType.includes(PROBLEM_CONTENT_TYPE);
  let body: unknown = response.error;
  if (typeof body === 'string' && declaredProblem) {
    try {
      body = JSON.parse(body);
    } catch {
      return null;
    }
  }
  if (!isRecord(body)) {
    return null;
  }
  const looksLikeProblem = typeof body['title'] === 'string' || typeof body['type'] === 'string';
  return declaredProblem || looksLikeProblem ? body : null;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isFieldProblem(value: unknown): value is FieldProblem {
  return (
    isRecord(value) &&
    typeof value['field'] === 'string' &&
    Array.isArray(value['messages']) &&
    value['messages'].every((message) => typeof message === 'string')
  );
}

function text(value: unknown): string | null {
  return typeof value === 'string' && value.trim() !== '' ? value : null;
}
