import { PROBLEM_CONTENT_TYPE } from '@mtp/contract';
import { ArgumentsHost, Catch, ExceptionFilter } from '@nestjs/common';
import type { Request, Response } from 'express';
import { PinoLogger } from 'nestjs-pino';
import { buildProblem } from './problem-builder.js';
import { requestIdOf } from './request-id.js';

/** The one place where errors become HTTP answers: RFC 9457 problem+json, never a stack or SQL. */
@Catch()
export class ProblemDetailsFilter implements ExceptionFilter {
  constructor(private readonly logger: PinoLogger) {
    logger.setContext(ProblemDetailsFilter.name);
  }

  catch(error: unknown, host: ArgumentsHost): void {
    const http = host.switchToHttp();
    sendProblem(error, http.getRequest<Request>(), http.getResponse<Response>(), this.logger);
  }
}

export function sendProblem(error: unknown, request: Request, response: Response, logger: Pick<PinoLogger, 'error'>): void {
  const { problem, headers, unexpected } = buildProblem(error, requestIdOf(request));
  if (unexpected) logger.error({ err: error }, 'unhandled error');
  if (response.headersSent) return;
  response.status(problem.status).set(headers).type(PROBLEM_CONTENT_TYPE).send(JSON.stringify(problem));
}
