import { HttpClient } from '@angular/common/http';
import { Injectable, computed, inject, signal } from '@angular/core';
import { type Observable, map, tap } from 'rxjs';

import { type Session, type SignInRequest } from './session';

export const SIGN_IN_URL = '/api/v1/auth/login';

/** Holds the signed-in session and performs sign-in against the API. */
@Injectable({ providedIn: 'root' })
export class AuthService {
  private readonly http = inject(HttpClient);
  private readonly current = signal<Session | null>(null);

  readonly session = this.current.asReadonly();
  readonly isSignedIn = computed(() => this.current() !== null);

  /** Fails with an ApiProblem (see core/http) when the API refuses or cannot be reached. */
  signIn(email: string, password: string): Observable<Session> {
    const body: SignInRequest = { email, password };
    return this.http.post<unknown>(SIGN_IN_URL, body).pipe(
      // The login response's shape is defined with the login endpoint; until then the
      // session knows only the address the person signed in with.
      map((): Session => ({ email, displayName: null })),
      tap((session) => this.current.set(session)),
    );
  }
}
