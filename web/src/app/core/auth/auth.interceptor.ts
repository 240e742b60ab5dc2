import { DOCUMENT } from '@angular/common';
import { type HttpHandlerFn, type HttpInterceptorFn, type HttpRequest } from '@angular/common/http';
import { inject } from '@angular/core';
import { confirmMfaEnrollment, startMfaEnrollment } from '@mtp/api-client';
import { catchError, switchMap, throwError } from 'rxjs';

import { ApiProblem } from '../http/api-problem';
import { isUnauthorized } from '../http/problem-message';
import { isSameOriginApi } from '../http/same-origin-api';
import { orgOfApiPath } from '../launch/launch-route';
import { LaunchStore } from '../launch/launch-store';
import { SessionService } from './session.service';
import { SessionStore } from './session-store';
import { SignInFlow } from './sign-in-flow';

/**
 * Sends the right credential with each call to the portal's API (see ApiRouteKind). When an API
 * call is refused with 401 although a token was sent, the token may just have expired: refresh
 * once and replay the call once; if that fails too, the session is over.
 *
 * A call to the console routes of an org this tab holds a launch session into carries that
 * session's token instead, and a 401 there ends the launch only: the portal session is not in
 * question, so it is neither refreshed nor signed out.
 *
 * Listed before apiProblemInterceptor, so it wraps it and sees failures already as ApiProblem.
 */
export const authInterceptor: HttpInterceptorFn = (request, next) => {
  const origin = inject(DOCUMENT).location.origin;
  const kind = apiRouteKind(request.url, origin);
  if (kind === 'enrollment') {
    return next(withBearer(request, inject(SignInFlow).enrollmentToken()));
  }
  if (kind !== 'api') {
    return next(request);
  }
  const launchedOrg = orgOfApiPath(pathOf(request.url, origin));
  const launches = inject(LaunchStore);
  if (launchedOrg !== null && launches.tokenFor(launchedOrg) !== null) {
    return withLaunchToken(request, next, launchedOrg, launches);
  }
  const token = inject(SessionStore).accessToken();
  if (token === null) {
    return next(request);
  }
  const session = inject(SessionService);
  return next(withBearer(request, token)).pipe(
    catchError((error: unknown) => (isUnauthorized(error) ? refreshAndReplay(request, next, session, error) : throwError(() => error))),
  );
};

function withLaunchToken(request: HttpRequest<unknown>, next: HttpHandlerFn, orgId: string, launches: LaunchStore) {
  const token = launches.tokenFor(orgId);
  return next(withBearer(request, token)).pipe(
    catchError((error: unknown) => {
      // Only while this token is still the one held: a late answer must not end a newer launch.
      if (isUnauthorized(error) && launches.tokenFor(orgId) === token) {
        launches.end(orgId, launchEndedWords(error));
      }
      return throwError(() => error);
    }),
  );
}

function refreshAndReplay(request: HttpRequest<unknown>, next: HttpHandlerFn, session: SessionService, refused: unknown) {
  return session.refresh().pipe(
    catchError((refreshError: unknown) => {
      // Only the API saying the session is gone ends it; being offline does not.
      if (isUnauthorized(refreshError)) {
        session.endSession();
      }
      return throwError(() => refused);
    }),
    switchMap((token) =>
      next(withBearer(request, token)).pipe(
        catchError((error: unknown) => {
          if (isUnauthorized(error)) {
            session.endSession();
          }
          return throwError(() => error);
        }),
      ),
    ),
  );
}

/**
 * Which credential a request to the portal's API carries:
 * - `sign-in`: the sign-in routes (login, MFA, refresh, logout, password reset) carry none;
 *   the refresh cookie, scoped to them by the API, is their credential;
 * - `enrollment`: the MFA enrollment routes carry the enrollment token from the password step;
 * - `api`: every other API route carries the access token;
 * - `elsewhere`: not the portal's API, left alone.
 */
type ApiRouteKind = 'sign-in' | 'enrollment' | 'api' | 'elsewhere';

const SIGN_IN_PREFIX = '/api/v1/auth/';
const ENROLLMENT_PATHS: readonly string[] = [startMfaEnrollment.PATH, confirmMfaEnrollment.PATH];

function apiRouteKind(url: string, pageOrigin: string): ApiRouteKind {
  if (!isSameOriginApi(url, pageOrigin)) {
    return 'elsewhere';
  }
  const path = pathOf(url, pageOrigin);
  if (ENROLLMENT_PATHS.includes(path)) {
    return 'enrollment';
  }
  return `${path}/`.startsWith(SIGN_IN_PREFIX) ? 'sign-in' : 'api';
}

function pathOf(url: string, pageOrigin: string): string {
  return new URL(url, pageOrigin).pathname.replace(/\/+$/, '');
}

/** The API's own words on why (`sessions.ended` says whether it expired, was ended or revoked). */
function launchEndedWords(error: unknown): string {
  if (error instanceof ApiProblem && error.code === 'sessions.ended' && error.detail) {
    return error.detail;
  }
  return 'This launch session has ended: its time is up, or it was ended. Return to the portal to launch again.';
}

function withBearer(request: HttpRequest<unknown>, token: string | null): HttpRequest<unknown> {
  return token === null ? request : request.clone({ setHeaders: { Authorization: `Bearer ${token}` } });
}
