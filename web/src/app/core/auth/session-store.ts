import { Injectable, computed, signal } from '@angular/core';
import { type AdministratorSummaryDto, type MeDto, type SessionDto } from '@mtp/api-client';

interface AccessToken {
  readonly value: string;
  /** Epoch milliseconds. */
  readonly expiresAt: number;
}

/**
 * The signed-in session as the browser holds it. The access token lives in memory only: nothing
 * a script injected later could read from storage, and a reload gets a new one from the
 * HttpOnly refresh cookie.
 */
@Injectable({ providedIn: 'root' })
export class SessionStore {
  private readonly token = signal<AccessToken | null>(null);
  private readonly administratorState = signal<AdministratorSummaryDto | null>(null);
  private readonly meState = signal<MeDto | null>(null);

  readonly accessToken = computed(() => this.token()?.value ?? null);
  readonly isSignedIn = computed(() => this.token() !== null);
  /** Who is signed in, from the sign-in answer, before `me` has loaded. */
  readonly administrator = this.administratorState.asReadonly();
  /** The account and its memberships, from `GET /api/v1/me`. */
  readonly me = this.meState.asReadonly();
  readonly displayName = computed(() => this.meState()?.name ?? this.administratorState()?.name ?? null);

  /** Holds a session from sign-in or refresh; `now` in epoch milliseconds. */
  start(session: SessionDto, now: number): void {
    this.token.set({ value: session.accessToken, expiresAt: now + session.expiresIn * 1000 });
    this.administratorState.set(session.administrator);
    const me = this.meState();
    if (me && me.id !== session.administrator.id) {
      this.meState.set(null);
    }
  }

  setMe(me: MeDto): void {
    this.meState.set(me);
  }

  clear(): void {
    this.token.set(null);
    this.administratorState.set(null);
    this.meState.set(null);
  }
}
