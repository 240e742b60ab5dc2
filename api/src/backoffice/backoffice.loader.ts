import AdminJSExpress from '@adminjs/express';
import { AbstractLoader, type AdminModuleOptions } from '@adminjs/nestjs';
import { Injectable } from '@nestjs/common';
import type { AbstractHttpAdapter } from '@nestjs/core';
import type AdminJS from 'adminjs';
import type { Express } from 'express';
import helmet from 'helmet';

/**
 * Mounts the back-office on Express under its own security headers. Unlike the stock loader it does
 * not reorder the API's middleware: the API parses JSON under `/api` only, so nothing conflicts
 * with the back-office's form handling.
 */
@Injectable()
export class BackofficeLoader extends AbstractLoader {
  register(admin: AdminJS, httpAdapter: AbstractHttpAdapter, options: AdminModuleOptions): Promise<void> {
    const app = httpAdapter.getInstance<Express>();
    const router = options.auth
      ? AdminJSExpress.buildAuthenticatedRouter(admin, options.auth, undefined, options.sessionOptions, options.formidableOptions)
      : AdminJSExpress.buildRouter(admin, undefined, options.formidableOptions);
    app.use(options.adminJsOptions.rootPath!, backofficeSecurityHeaders(), router);
    return Promise.resolve();
  }
}

/** AdminJS renders its state into an inline script and styles inline: allow those, and nothing from elsewhere. */
function backofficeSecurityHeaders() {
  return helmet({
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'", "'unsafe-inline'", "'unsafe-eval'"],
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:', 'blob:'],
        fontSrc: ["'self'", 'data:'],
        connectSrc: ["'self'"],
        frameAncestors: ["'none'"],
        formAction: ["'self'"],
      },
    },
  });
}
