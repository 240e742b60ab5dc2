import { VersioningType, type INestApplication } from '@nestjs/common';
import type { NestExpressApplication } from '@nestjs/platform-express';
import helmet, { type HelmetOptions } from 'helmet';
import { Logger } from 'nestjs-pino';
import { jsonBodyParser, requireJsonBody } from './common/body-parsing.js';
import { HTTP_LOGGER } from './logging/http-logger.js';
import { AppConfig } from './config/app-config.provider.js';
import { setUpApiDocs } from './openapi/api-docs.js';

export const API_PREFIX = 'api';

/** Everything that turns the module tree into the served application; shared by main and the tests. */
export function configureApp(app: NestExpressApplication): INestApplication {
  const config = app.get(AppConfig);
  app.useLogger(app.get(Logger));
  app.use(app.get(HTTP_LOGGER));
  app.use(helmet(portalSecurityHeaders(config)));
  if (config.corsOrigins.length > 0) {
    app.enableCors({ origin: config.corsOrigins, credentials: true, exposedHeaders: ['x-request-id', 'retry-after'] });
  }
  // Errors from these reach Nest's exception handler, and so the problem+json filter.
  app.use(`/${API_PREFIX}`, requireJsonBody(), jsonBodyParser());
  applyRouting(app);
  setUpApiDocs(app);
  return app;
}

/** Where routes live: `/api/...`, versioned by path (`/api/v1/...`); health and docs are unversioned. */
export function applyRouting(app: INestApplication): void {
  app.setGlobalPrefix(API_PREFIX);
  app.enableVersioning({ type: VersioningType.URI });
}

/**
 * The portal and the API docs load nothing from elsewhere and never run inline scripts. HSTS and
 * upgrading requests to https only where the portal is served over https: on a plain-http address
 * (a first local start) they would break every asset.
 */
function portalSecurityHeaders(config: AppConfig): HelmetOptions {
  const https = config.publicUrl.startsWith('https://');
  return {
    strictTransportSecurity: https,
    contentSecurityPolicy: { directives: { ...portalContentSecurityPolicy(), upgradeInsecureRequests: https ? [] : null } },
  };
}

function portalContentSecurityPolicy() {
  return {
    defaultSrc: ["'self'"],
    scriptSrc: ["'self'"],
    styleSrc: ["'self'", "'unsafe-inline'"],
    imgSrc: ["'self'", 'data:'],
    fontSrc: ["'self'", 'data:'],
    connectSrc: ["'self'"],
    objectSrc: ["'none'"],
    frameAncestors: ["'none'"],
    formAction: ["'self'"],
  };
}
