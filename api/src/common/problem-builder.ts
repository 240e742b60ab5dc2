import { CommonErrorCodes, type ApiProblem } from '@mtp/contract';
import { HttpException } from '@nestjs/common';
import { STATUS_CODES } from 'node:http';
import { DomainError } from './domain-error.js';

// A URN rather than a web address: the code itself is the stable identifier clients match on.
export const PROBLEM_TYPE_BASE = 'urn:mtp:problem:';

/** Codes answered for plain HTTP statuses raised by the framework rather than by a module. */
const CODE_BY_STATUS: Record<number, string> = {
  400: CommonErrorCodes.validationFailed,
  401: CommonErrorCodes.unauthenticated,
  403: CommonErrorCodes.forbidden,
  404: CommonErrorCodes.notFound,
  405: CommonErrorCodes.methodNotAllowed,
  413: CommonErrorCodes.bodyTooLarge,
  415: CommonErrorCodes.unsupportedMediaType,
  429: CommonErrorCodes.rateLimited,
};

/** Errors thrown by the body parser carry a `type` of their own and a status chosen for the client. */
const BODY_PARSER_CODES: Record<string, string> = {
  'entity.parse.failed': CommonErrorCodes.malformedJson,
  'entity.too.large': CommonErrorCodes.bodyTooLarge,
  'charset.unsupported': CommonErrorCodes.unsupportedMediaType,
  'encoding.unsupported': CommonErrorCodes.unsupportedMediaType,
};

const BODY_PARSER_DETAILS: Record<string, string> = {
  [CommonErrorCodes.malformedJson]: 'The request body is not valid JSON',
  [CommonErrorCodes.bodyTooLarge]: 'The request body is larger than the 1 MiB this API accepts',
  [CommonErrorCodes.unsupportedMediaType]: 'The request body uses an encoding this API does not accept',
};

export interface BuiltProblem {
  problem: ApiProblem;
  headers: Record<string, string>;
  /** True when the error was not anticipated and must be logged with its stack. */
  unexpected: boolean;
}

/** Turns anything thrown into the one error shape of the API, without leaking internals. */
export function buildProblem(error: unknown, correlationId: string): BuiltProblem {
  if (error instanceof DomainError) {
    return make(error.status, error.code, error.message, correlationId, error.extra.headers, error.extra.errors);
  }
  const parsed = bodyParserProblem(error instanceof HttpException ? (error.cause ?? error) : error, correlationId);
  if (parsed) return parsed;
  if (error instanceof HttpException) {
    const status = error.getStatus();
    return make(status, CODE_BY_STATUS[status] ?? `http.${status}`, httpDetail(error), correlationId);
  }
  return { ...make(500, CommonErrorCodes.internal, 'Something went wrong on our side; quote the correlation id to support', correlationId), unexpected: true };
}

/** Express hands body-parser's errors over wrapped in an HttpException, with the original as its cause. */
function bodyParserProblem(error: unknown, correlationId: string): BuiltProblem | undefined {
  const parserError = error as { type?: unknown; status?: unknown } | undefined;
  const code = typeof parserError?.type === 'string' ? BODY_PARSER_CODES[parserError.type] : undefined;
  if (!code || typeof parserError?.status !== 'number') return undefined;
  return make(parserError.status, code, BODY_PARSER_DETAILS[code]!, correlationId);
}

function httpDetail(error: HttpException): string {
  const response = error.getResponse();
  if (typeof response === 'string') return response;
  const message = (response as { message?: unknown }).message;
  if (typeof message === 'string') return message;
  if (Array.isArray(message)) return message.join('; ');
  return error.message;
}

function make(
  status: number,
  code: string,
  detail: string,
  correlationId: string,
  headers: Record<string, string> = {},
  errors?: ApiProblem['errors'],
): BuiltProblem {
  const problem: ApiProblem = {
    type: `${PROBLEM_TYPE_BASE}${code}`,
    title: STATUS_CODES[status] ?? 'Error',
    status,
    detail,
    code,
    correlationId,
    ...(errors ? { errors } : {}),
  };
  return { problem, headers, unexpected: false };
}
