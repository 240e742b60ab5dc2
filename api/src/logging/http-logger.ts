import type { RequestHandler } from 'express';
import { pino } from 'pino';
import { pinoHttp, type HttpLogger } from 'pino-http';
import { assignRequestId } from '../common/request-id.js';
import type { AppConfig } from '../config/app-config.provider.js';

export const HTTP_LOGGER = Symbol('HTTP_LOGGER');

/**
 * The first middleware of the app: it gives every request its id and its logger before anything
 * can reject it, so that even a refused body is logged with the id the client was answered with.
 */
export function createHttpLogger(config: AppConfig): HttpLogger & RequestHandler {
  const logger = pino({
    level: config.env.LOG_LEVEL,
    redact: { paths: ['req.headers.authorization', 'req.headers.cookie', 'res.headers["set-cookie"]'], censor: '[redacted]' },
  });
  return pinoHttp({
    logger,
    genReqId: assignRequestId,
    customProps: (request) => ({ requestId: request.id }),
    autoLogging: { ignore: (request) => request.url?.startsWith('/api/health') ?? false },
    quietReqLogger: true,
  }) as HttpLogger & RequestHandler;
}
