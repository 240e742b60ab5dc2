import { HttpClient } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import {
  ApiConfiguration,
  type EnrollmentSecretDto,
  type LoginStepDto,
  completeMfa,
  confirmMfaEnrollment,
  login,
  logout,
  signOutEverywhere,
  startMfaEnrollment,
} from '@mtp/api-client';
import { type Observable, catchError, finalize, map, of, switchMap, tap, throwError } from 'rxjs';

import { SessionService } from './session.service';
import { SessionStore } from './session-store';
import { SignInFlow, landingUrl } from './sign-in-flow';

/** Proof for the second sign-in step: a code from the authenticator app, or a recovery code. */
export type MfaProof = { readonly code: string } | { readonly recoveryCode: string };

/** The sign-in steps and sign-out, each through the generated API client. */
@Injectable({ providedIn: 'root' })
export class AuthService {
  private readonly http = inject(HttpClient);
  private readonly api = inject(ApiConfiguration);
  private readonly session = inject(SessionService);
  private readonly store = inject(SessionStore);
  private readonly flow = inject(SignInFlow);

  /** The password step; the answer says which second step comes next. */
  signIn(email: string, password: string): Observable<LoginStepDto> {
    return login(this.http, this.api.rootUrl, { body: { email, password } }).pipe(
      map((response) => response.body),
      tap((step) => {
        if (step.status === 'mfa_required' && step.challengeToken) {
          this.flow.begin({ step: 'mfa', email, challengeToken: step.challengeToken });
        } else if (step.status === 'mfa_enrollment_required' && step.enrollmentToken) {
          this.flow.begin({ step: 'enrollment', email, enrollmentToken: step.enrollmentToken });
        }
      }),
    );
  }

  /** The second step; completes with the address to go to. */
  verify(proof: MfaProof): Observable<string> {
    const pending = this.flow.pending();
    if (pending?.step !== 'mfa') {
      return throwError(() => new Error('No sign-in is waiting for a code'));
    }
    return completeMfa(this.http, this.api.rootUrl, { body: { challengeToken: pending.challengeToken, ...proof } }).pipe(
      tap((response) => {
        this.session.begin(response.body);
        this.flow.reset();
      }),
      switchMap(() => this.loadMeQuietly()),
      map(() => this.destination()),
    );
  }

  /** A new secret for the authenticator app (the enrollment token goes with it, see the interceptor). */
  startEnrollment(): Observable<EnrollmentSecretDto> {
    return startMfaEnrollment(this.http, this.api.rootUrl).pipe(map((response) => response.body));
  }

  /** The first code confirms the app; the session starts and the recovery codes come back, once. */
  confirmEnrollment(code: string): Observable<readonly string[]> {
    return confirmMfaEnrollment(this.http, this.api.rootUrl, { body: { code } }).pipe(
      tap((response) => {
        this.session.begin(response.body);
        this.flow.reset();
      }),
      switchMap((response) => this.loadMeQuietly().pipe(map(() => response.body.recoveryCodes))),
    );
  }

  /** Where to go once signed in: back where the person was sent from, else by their memberships. */
  destination(): string {
    const target = this.flow.returnUrl() ?? landingUrl(this.store.me());
    this.flow.rememberReturnUrl(null);
    return target;
  }

  /** Ends this browser's session; locally even when the API cannot be reached. */
  signOut(): Observable<void> {
    return logout(this.http, this.api.rootUrl).pipe(
      map(() => undefined),
      catchError(() => of(undefined)),
      finalize(() => this.session.endSession({ text: 'You have signed out.', tone: 'info' })),
    );
  }

  /** Revokes every session of the account, this one included. */
  signOutEverywhere(): Observable<number> {
    return signOutEverywhere(this.http, this.api.rootUrl).pipe(
      map((response) => response.body.sessionsRevoked),
      tap((count) =>
        this.session.endSession({
          text: `You were signed out of every browser (${count} session${count === 1 ? '' : 's'} ended).`,
          tone: 'info',
        }),
      ),
    );
  }

  private loadMeQuietly(): Observable<unknown> {
    return this.session.loadMe().pipe(catchError(() => of(null)));
  }
}
