/**
 * The one error shape of the MTP API (RFC 9457 problem details).
 * `code` is stable and machine-readable; `detail` is for people and may change.
 */
export interface ApiProblem {
  type: string;
  title: string;
  status: number;
  detail: string;
  code: string;
  correlationId: string;
  /** Present on validation failures: one entry per rejected field. */
  errors?: FieldProblem[];
}

export interface FieldProblem {
  field: string;
  messages: string[];
}

export const PROBLEM_CONTENT_TYPE = 'application/problem+json';

/** Error codes every module may answer with; modules add their own under their own prefix. */
export const CommonErrorCodes = {
  validationFailed: 'request.validation_failed',
  malformedJson: 'request.malformed_json',
  bodyTooLarge: 'request.body_too_large',
  unsupportedMediaType: 'request.unsupported_media_type',
  notFound: 'request.not_found',
  methodNotAllowed: 'request.method_not_allowed',
  unauthenticated: 'auth.unauthenticated',
  forbidden: 'auth.forbidden',
  rateLimited: 'request.rate_limited',
  notReady: 'health.not_ready',
  internal: 'server.internal_error',
} as const;

export type CommonErrorCode = (typeof CommonErrorCodes)[keyof typeof CommonErrorCodes];

export function isApiProblem(value: unknown): value is ApiProblem {
  if (typeof value !== 'object' || value === null) return false;
  const candidate = value as Partial<ApiProblem>;
  return typeof candidate.status === 'number' && typeof candidate.code === 'string' && typeof candidate.title === 'string';
}
