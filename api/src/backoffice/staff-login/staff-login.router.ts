import express, { Router, type Request, type RequestHandler, type Response } from 'express';
import { DomainError } from '../../common/domain-error.js';
import { requestContextOf } from '../../common/http/request-context.js';
import type { StaffAuthService, StaffIdentity } from '../../identity/auth/staff-auth.service.js';
import { codePage, enrollmentPage, passwordPage, recoveryCodesPage } from './staff-login.pages.js';

const PENDING_SIGN_IN_MS = 10 * 60_000;

interface PendingSignIn {
  staff: StaffIdentity;
  stage: 'mfa' | 'enroll';
  startedAt: number;
  enrollment?: { secret: string; qrCodeDataUrl: string };
}

declare module 'express-session' {
  interface SessionData {
    staffSignIn?: PendingSignIn;
    adminUser?: { id: string; email: string; title: string };
  }
}

/**
 * The back-office's own sign-in, in front of AdminJS's: password, then a TOTP code (or the first
 * enrollment). Only on success does the session get the `adminUser` AdminJS trusts.
 */
export function staffLoginRouter(auth: StaffAuthService, sessionMiddleware: RequestHandler): Router {
  const router = Router();
  // Parse forms on these routes only: AdminJS reads its own request bodies, and a consumed stream would hang it.
  const form = express.urlencoded({ extended: false, limit: '16kb' });
  router.use(sessionMiddleware);

  router.get('/login', (request, response) => {
    if (request.session.adminUser) return response.redirect('/admin');
    const pending = livePending(request);
    if (pending?.stage === 'mfa') return send(response, codePage({ email: pending.staff.email }));
    if (pending?.stage === 'enroll' && pending.enrollment) return send(response, enrollmentPage({ email: pending.staff.email, ...pending.enrollment }));
    return send(response, passwordPage());
  });

  router.post('/login', form, async (request, response) => {
    const email = String(request.body?.email ?? '');
    try {
      const { staff, enrolled } = await auth.verifyPassword(email, String(request.body?.password ?? ''), requestContextOf(request));
      const pending: PendingSignIn = { staff, stage: enrolled ? 'mfa' : 'enroll', startedAt: Date.now() };
      if (!enrolled) pending.enrollment = await auth.startEnrollment(staff);
      request.session.staffSignIn = pending;
      return send(response, enrolled ? codePage({ email: staff.email }) : enrollmentPage({ email: staff.email, ...pending.enrollment! }));
    } catch (error) {
      return send(response, passwordPage({ email, error: messageOf(error) }), statusOf(error));
    }
  });

  router.post('/login/mfa', form, async (request, response) => {
    const pending = livePending(request);
    if (pending?.stage !== 'mfa') return send(response, passwordPage({ error: 'Your sign-in expired; start again' }), 401);
    try {
      await auth.verifyMfa(pending.staff, String(request.body?.code ?? ''), requestContextOf(request));
      await signIn(request, pending.staff);
      return response.redirect(303, '/admin');
    } catch (error) {
      return send(response, codePage({ email: pending.staff.email, error: messageOf(error) }), statusOf(error));
    }
  });

  router.post('/login/enroll', form, async (request, response) => {
    const pending = livePending(request);
    if (pending?.stage !== 'enroll' || !pending.enrollment) return send(response, passwordPage({ error: 'Your sign-in expired; start again' }), 401);
    try {
      const codes = await auth.confirmEnrollment(pending.staff, String(request.body?.code ?? ''), requestContextOf(request));
      await signIn(request, pending.staff);
      return send(response, recoveryCodesPage(codes));
    } catch (error) {
      return send(response, enrollmentPage({ email: pending.staff.email, ...pending.enrollment, error: messageOf(error) }), statusOf(error));
    }
  });

  return router;
}

function livePending(request: Request): PendingSignIn | undefined {
  const pending = request.session.staffSignIn;
  return pending && Date.now() - pending.startedAt < PENDING_SIGN_IN_MS ? pending : undefined;
}

/** A new session id at sign-in, so that an id planted before it is worth nothing after. */
function signIn(request: Request, staff: StaffIdentity): Promise<void> {
  return new Promise((resolve, reject) =>
    request.session.regenerate((error) => {
      if (error) return reject(error);
      request.session.adminUser = { id: staff.id, email: staff.email, title: staff.name };
      request.session.save((saveError) => (saveError ? reject(saveError) : resolve()));
    }),
  );
}

function send(response: Response, html: string, status = 200): void {
  response.status(status).type('html').set('cache-control', 'no-store').send(html);
}

function messageOf(error: unknown): string {
  return error instanceof DomainError ? error.message : 'Something went wrong; try again';
}

function statusOf(error: unknown): number {
  return error instanceof DomainError ? error.status : 500;
}
