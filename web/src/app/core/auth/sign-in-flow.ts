import { Injectable, signal } from '@angular/core';
import { type MeDto } from '@mtp/api-client';

/** The step between the password and a session: which token the next step needs. */
export type PendingSignIn =
  | { readonly step: 'mfa'; readonly email: string; readonly challengeToken: string }
  | { readonly step: 'enrollment'; readonly email: string; readonly enrollmentToken: string };

/** A message for the sign-in page, about why the person is there. */
export interface SignInNotice {
  readonly text: string;
  readonly tone: 'info' | 'warning';
}

/**
 * What the sign-in pages pass to each other: the pending step, the address typed, where to go
 * afterwards, and a notice. In memory only, like the session: a reload starts sign-in over.
 */
@Injectable({ providedIn: 'root' })
export class SignInFlow {
  private readonly pendingState = signal<PendingSignIn | null>(null);
  private readonly noticeState = signal<SignInNotice | null>(null);
  private readonly returnUrlState = signal<string | null>(null);
  private readonly emailState = signal('');

  readonly pending = this.pendingState.asReadonly();
  readonly notice = this.noticeState.asReadonly();
  readonly returnUrl = this.returnUrlState.asReadonly();
  /** The last address typed, to fill the form again when sign-in starts over. */
  readonly email = this.emailState.asReadonly();

  begin(pending: PendingSignIn): void {
    this.emailState.set(pending.email);
    this.pendingState.set(pending);
  }

  enrollmentToken(): string | null {
    const pending = this.pendingState();
    return pending?.step === 'enrollment' ? pending.enrollmentToken : null;
  }

  /** Sign-in must start over (finished, expired or abandoned); the address stays for the form. */
  reset(notice: SignInNotice | null = null): void {
    this.pendingState.set(null);
    this.noticeState.set(notice);
  }

  rememberReturnUrl(url: string | null): void {
    this.returnUrlState.set(url && isSafeReturnUrl(url) ? url : null);
  }

  /** Hands the notice to the page showing it, once. */
  takeNotice(): SignInNotice | null {
    const notice = this.noticeState();
    this.noticeState.set(null);
    return notice;
  }
}

/** Only a path of this portal, never another site (`//host`) nor the sign-in pages themselves. */
export function isSafeReturnUrl(url: string): boolean {
  return url.startsWith('/') && !url.startsWith('//') && !url.startsWith('/\\') && !/^\/sign-in(?:[/?#]|$)/.test(url);
}

/**
 * Where an admin lands after signing in, by what they may reach: a partner's portal, a choice
 * between it and their own orgs, their org's console (the first one when there are several: the
 * console's switcher reaches the others), or a page saying there is nothing yet.
 */
export function landingUrl(me: MeDto | null): string {
  if (!me) {
    return '/';
  }
  const orgs = me.orgMemberships;
  if (me.partnerMemberships.length > 0) {
    return orgs.length > 0 ? '/choose' : '/';
  }
  return orgs.length > 0 ? `/orgs/${encodeURIComponent(orgs[0].orgId)}` : '/no-access';
}

/** An admin of some orgs and of no partner: the partner portal is none of their business. */
export function isOrgOnlyAdmin(me: MeDto | null): boolean {
  return !!me && me.partnerMemberships.length === 0 && me.orgMemberships.length > 0;
}
