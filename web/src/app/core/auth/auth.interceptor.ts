import { DOCUMENT } from '@angular/common';
import { type HttpHandlerFn, type HttpInterceptorFn, type HttpRequest } from '@angular/common/http';
import { inject } from '@angular/core';
import { confirmMfaEnrollment, startMfaEnrollment } from '@mtp/api-client';
import { catchError, switchMap, throwError } from 'rxjs';

import { isUnauthorized } from '../http/problem-message';
import { isSameOriginApi } from '../http/same-origin-api';
import { SessionService } from './session.service';
import { SessionStore } from './session-store';
import { SignInFlow } from './sign-in-flow';

/**
 * Sends the right credential with each call to the portal's API (see ApiRouteKind). When an API
 * call is refused with 401 although a token was sent, the token may just have expired: refresh
 * once and replay the call once; if that fails too, the session is over.
 *
 * Listed before apiProblemInterceptor, so it wraps it and sees failures already as ApiProblem.
 */
export const authInterceptor: HttpInterceptorFn = (request, next) => {
  const kind = apiRouteKind(request.url, inject(DOCUMENT).location.origin);
  if (kind === 'enrollment') {
    return next(withBearer(request, inject(SignInFlow).enrollmentToken()));
  }
  if (kind !== 'api') {
    return next(request);
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
  const path = new URL(url, pageOrigin).pathname.replace(/\/+$/, '');
  if (ENROLLMENT_PATHS.includes(path)) {
    return 'enrollment';
  }
  return `${path}/`.startsWith(SIGN_IN_PREFIX) ? 'sign-in' : 'api';
}

function withBearer(request: HttpRequest<unknown>, token: string | null): HttpRequest<unknown> {
  return token === null ? request : request.clone({ setHeaders: { Authorization: `Bearer ${token}` } });
}
