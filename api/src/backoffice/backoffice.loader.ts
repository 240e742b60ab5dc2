import AdminJSExpress from '@adminjs/express';
import { AbstractLoader, type AdminModuleOptions } from '@adminjs/nestjs';
import { Injectable } from '@nestjs/common';
import type { AbstractHttpAdapter } from '@nestjs/core';
import type AdminJS from 'adminjs';
import type { Express } from 'express';
import session from 'express-session';
import helmet from 'helmet';
import { AppConfig } from '../config/app-config.provider.js';
import { StaffAuthService } from '../identity/auth/staff-auth.service.js';
import { staffLoginRouter } from './staff-login/staff-login.router.js';

/**
 * Mounts the back-office on Express under its own security headers, behind the staff sign-in with
 * MFA. Unlike the stock loader it does not reorder the API's middleware: the API parses JSON under
 * `/api` only, so nothing conflicts with the back-office's form handling.
 */
@Injectable()
export class BackofficeLoader extends AbstractLoader {
  constructor(
    private readonly staffAuth: StaffAuthService,
    private readonly config: AppConfig,
  ) {
    super();
  }

  register(admin: AdminJS, httpAdapter: AbstractHttpAdapter, options: AdminModuleOptions): Promise<void> {
    const app = httpAdapter.getInstance<Express>();
    // The sign-in pages and AdminJS share one session; AdminJS's own session middleware then finds it made.
    const sessions = session(options.sessionOptions);
    const router = options.auth
      ? AdminJSExpress.buildAuthenticatedRouter(admin, options.auth, undefined, options.sessionOptions, options.formidableOptions)
      : AdminJSExpress.buildRouter(admin, undefined, options.formidableOptions);
    app.use(options.adminJsOptions.rootPath!, backofficeSecurityHeaders(this.config.publicUrl.startsWith('https://')), sessions, staffLoginRouter(this.staffAuth, sessions), router);
    return Promise.resolve();
  }
}

/**
 * AdminJS renders its state into an inline script and styles inline: allow those, and nothing from
 * elsewhere (its pages also ask for a web font from Google, which stays blocked: staff browsers
 * make no third-party requests). HSTS and upgrades to https only where the portal is on https.
 */
function backofficeSecurityHeaders(https: boolean) {
  return helmet({
    strictTransportSecurity: https,
    contentSecurityPolicy: {
      directives: {
        upgradeInsecureRequests: https ? [] : null,
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
