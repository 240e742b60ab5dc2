import { Injectable, type OnModuleInit } from '@nestjs/common';
import type { Request, RequestHandler, Response } from 'express';
import session, { type SessionOptions } from 'express-session';
import { AppConfig } from '../config/app-config.provider.js';
import type { StaffPrincipal } from '../identity/access/principal.js';
import { StaffAccessDirectory, type StaffAccessResolver } from '../identity/access/staff-access.js';
import { StaffService } from '../identity/staff.service.js';
import { BackofficeSessionStore } from './backoffice-session-store.js';

const SESSION_TTL_SECONDS = 8 * 60 * 60;

/** The back-office's session cookie and store: AdminJS's pages and the staff API read the same sign-in. */
export function backofficeSessionOptions(config: AppConfig, store: BackofficeSessionStore): SessionOptions {
  return {
    store: store.store,
    secret: config.secrets.cookieSecret,
    name: 'mtp_backoffice',
    resave: false,
    saveUninitialized: false,
    // Lax: a cross-site form or script never sends it, so the staff API's writes need no CSRF token.
    cookie: { httpOnly: true, sameSite: 'lax', secure: 'auto', maxAge: SESSION_TTL_SECONDS * 1000 },
  };
}

/**
 * The staff API (`/api/v1/staff/...`) accepts the back-office sign-in: express-session reads the
 * cookie as AdminJS does, and the staff account must still be active.
 */
@Injectable()
export class StaffApiAccess implements OnModuleInit, StaffAccessResolver {
  private readonly readSession: RequestHandler;

  constructor(
    config: AppConfig,
    store: BackofficeSessionStore,
    private readonly staff: StaffService,
    private readonly directory: StaffAccessDirectory,
  ) {
    this.readSession = session(backofficeSessionOptions(config, store));
  }

  onModuleInit(): void {
    this.directory.register(this);
  }

  async resolve(request: Request, response: Response): Promise<StaffPrincipal | null> {
    if (!request.headers.cookie?.includes('mtp_backoffice=')) return null;
    await new Promise<void>((resolve, reject) => this.readSession(request, response, (error?: unknown) => (error ? reject(error) : resolve())));
    const signedIn = (request.session as { adminUser?: { id?: unknown } } | undefined)?.adminUser;
    if (typeof signedIn?.id !== 'string') return null;
    const account = await this.staff.findById(signedIn.id);
    return account && account.status === 'active' ? { kind: 'staff', staffId: account.id, email: account.email } : null;
  }
}
