import { HttpClient } from '@angular/common/http';
import { DestroyRef, type EnvironmentProviders, Injectable, InjectionToken, inject, provideAppInitializer } from '@angular/core';
import { Router } from '@angular/router';
import { ApiConfiguration, getMe, refreshSession, type MeDto, type SessionDto } from '@mtp/api-client';
import {
  type Observable,
  catchError,
  finalize,
  firstValueFrom,
  map,
  shareReplay,
  switchMap,
  tap,
  throwError,
  timer,
} from 'rxjs';

import { ApiProblem } from '../http/api-problem';
import { isUnauthorized } from '../http/problem-message';
import { LaunchStore } from '../launch/launch-store';
import { SessionHint } from './session-hint';
import { SessionStore } from './session-store';
import { SignInFlow, type SignInNotice } from './sign-in-flow';

/** How long to wait before asking again when another tab refreshed the same session at once. */
export const REFRESH_RACE_RETRY_MS = new InjectionToken<number>('REFRESH_RACE_RETRY_MS', {
  providedIn: 'root',
  factory: () => 300,
});

/** The access token is renewed this long before it expires, so no call meets an expired one. */
export const RENEW_AHEAD_MS = 60_000;
const MIN_RENEW_DELAY_MS = 5_000;
const RENEW_RETRY_MS = 15_000;

export const SESSION_ENDED: SignInNotice = { text: 'Your session has ended. Sign in again.', tone: 'warning' };

/** Starts, renews, restores and ends the session; the state itself is in SessionStore. */
@Injectable({ providedIn: 'root' })
export class SessionService {
  private readonly http = inject(HttpClient);
  private readonly api = inject(ApiConfiguration);
  private readonly store = inject(SessionStore);
  private readonly flow = inject(SignInFlow);
  private readonly hint = inject(SessionHint);
  private readonly router = inject(Router);
  private readonly launches = inject(LaunchStore);
  private readonly raceRetryMs = inject(REFRESH_RACE_RETRY_MS);
  private refreshing: Observable<string> | null = null;
  private renewTimer: ReturnType<typeof setTimeout> | undefined;

  constructor() {
    inject(DestroyRef).onDestroy(() => clearTimeout(this.renewTimer));
  }

  begin(session: SessionDto): void {
    this.store.start(session, Date.now());
    this.hint.set();
    this.scheduleRenewal(session.expiresIn * 1000);
  }

  /**
   * A new access token from the refresh cookie. Callers arriving while one refresh is in flight
   * share it: the cookie rotates, so a second request with the old one would be refused.
   */
  refresh(): Observable<string> {
    this.refreshing ??= this.requestRefresh().pipe(
      catchError((error: unknown) =>
        isRefreshRace(error)
          ? timer(this.raceRetryMs).pipe(switchMap(() => this.requestRefresh()))
          : throwError(() => error),
      ),
      map((session) => {
        this.begin(session);
        return session.accessToken;
      }),
      finalize(() => (this.refreshing = null)),
      shareReplay({ bufferSize: 1, refCount: false }),
    );
    return this.refreshing;
  }

  loadMe(): Observable<MeDto> {
    return getMe(this.http, this.api.rootUrl).pipe(
      map((response) => response.body),
      tap((me) => this.store.setMe(me)),
    );
  }

  /** At start-up: a reload keeps the person signed in when the refresh cookie is still good. */
  async restore(): Promise<void> {
    if (!this.hint.present()) {
      return;
    }
    try {
      await firstValueFrom(this.refresh());
    } catch (error) {
      this.store.clear();
      if (isUnauthorized(error)) {
        this.hint.clear();
      }
      return;
    }
    // Without `me` the session still works; pages that need it load it themselves.
    await firstValueFrom(this.loadMe()).catch(() => undefined);
  }

  /** Forgets the session in this browser, without asking the API; its launch sessions go with it. */
  endLocally(): void {
    clearTimeout(this.renewTimer);
    this.store.clear();
    this.launches.clear();
    this.hint.clear();
  }

  /** The session is over (revoked, expired, signed out): back to sign-in, saying why. */
  endSession(notice: SignInNotice = SESSION_ENDED): void {
    if (!this.store.isSignedIn()) {
      return;
    }
    const returnUrl = this.router.url;
    this.endLocally();
    this.flow.reset(notice);
    const keepPlace = notice === SESSION_ENDED && returnUrl !== '/';
    void this.router.navigate(['/sign-in'], { queryParams: keepPlace ? { returnUrl } : {} });
  }

  private requestRefresh(): Observable<SessionDto> {
    return refreshSession(this.http, this.api.rootUrl).pipe(map((response) => response.body));
  }

  private scheduleRenewal(validForMs: number): void {
    clearTimeout(this.renewTimer);
    const delay = Math.max(validForMs - RENEW_AHEAD_MS, MIN_RENEW_DELAY_MS);
    this.renewTimer = setTimeout(() => this.renew(), delay);
  }

  private renew(): void {
    this.refresh().subscribe({
      error: (error: unknown) => {
        if (isUnauthorized(error)) {
          this.endSession();
        } else {
          // Offline or a server hiccup: the refresh cookie lasts days, so try again soon.
          clearTimeout(this.renewTimer);
          this.renewTimer = setTimeout(() => this.renew(), RENEW_RETRY_MS);
        }
      },
    });
  }
}

function isRefreshRace(error: unknown): boolean {
  return error instanceof ApiProblem && error.status === 409 && error.code === 'auth.refresh_race';
}

/**
 * Before the first page is chosen, asks for a session from the refresh cookie, so that a reload
 * keeps the admin signed in and the guards already know it. Never fails the start: at worst the
 * portal opens signed out.
 */
export function provideSessionRestore(): EnvironmentProviders {
  return provideAppInitializer(() => inject(SessionService).restore());
}
