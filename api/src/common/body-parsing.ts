import { CommonErrorCodes } from '@mtp/contract';
import express, { type RequestHandler } from 'express';
import { DomainError } from './domain-error.js';

export const MAX_JSON_BODY = '1mb';
const METHODS_WITH_BODY = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/** A body the API cannot read is refused before any handler runs: JSON only, at most 1 MiB. */
export function requireJsonBody(): RequestHandler {
  return (request, _response, next) => {
    const hasBody = Number(request.headers['content-length'] ?? 0) > 0 || request.headers['transfer-encoding'] !== undefined;
    if (!METHODS_WITH_BODY.has(request.method) || !hasBody || request.is(['application/json', 'application/*+json'])) {
      next();
      return;
    }
    next(new DomainError(CommonErrorCodes.unsupportedMediaType, 415, 'Send the request body as application/json'));
  };
}

export function jsonBodyParser(): RequestHandler {
  return express.json({ limit: MAX_JSON_BODY, type: ['application/json', 'application/*+json'] });
}
