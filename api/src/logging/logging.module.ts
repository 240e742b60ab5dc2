import { Module } from '@nestjs/common';
import { LoggerModule } from 'nestjs-pino';
import type { HttpLogger } from 'pino-http';
import { AppConfig } from '../config/app-config.provider.js';
import { createHttpLogger, HTTP_LOGGER } from './http-logger.js';

@Module({
  providers: [{ provide: HTTP_LOGGER, inject: [AppConfig], useFactory: createHttpLogger }],
  exports: [HTTP_LOGGER],
})
export class HttpLoggerModule {}

/**
 * Structured JSON logs. The HTTP logger is mounted first by app setup; Nest's loggers write through
 * the same pino instance, and within a request through that request's child logger (with its id).
 */
@Module({
  imports: [
    HttpLoggerModule,
    LoggerModule.forRootAsync({
      imports: [HttpLoggerModule],
      inject: [HTTP_LOGGER],
      useFactory: (httpLogger: HttpLogger) => ({ pinoHttp: { logger: httpLogger.logger }, useExisting: true }),
    }),
  ],
  exports: [HttpLoggerModule],
})
export class LoggingModule {}
