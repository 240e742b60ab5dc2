import { inject } from '@angular/core';
import { type CanActivateFn, Router } from '@angular/router';

import { SessionStore } from './session-store';
import { type PendingSignIn, SignInFlow, isOrgOnlyAdmin, landingUrl } from './sign-in-flow';

/** Pages for signed-in admins: anyone else is sent to sign in, and brought back afterwards. */
export const signedInGuard: CanActivateFn = (_route, state) => {
  if (inject(SessionStore).isSignedIn()) {
    return true;
  }
  return inject(Router).createUrlTree(['/sign-in'], { queryParams: { returnUrl: state.url } });
};

/** Keeps the sign-in pages away from someone already signed in: they go where they belong. */
export const signedOutGuard: CanActivateFn = () => {
  const store = inject(SessionStore);
  return store.isSignedIn() ? inject(Router).parseUrl(landingUrl(store.me())) : true;
};

/**
 * The code and enrollment pages need the token from the password step, held in memory only:
 * after a reload, or when reached directly, sign-in starts over at the password.
 */
export function signInStepGuard(step: PendingSignIn['step']): CanActivateFn {
  return () => (inject(SignInFlow).pending()?.step === step ? true : inject(Router).parseUrl('/sign-in'));
}

/** The home page speaks of partners' customers: an admin of orgs only is taken to their console. */
export const partnerHomeGuard: CanActivateFn = () => {
  const me = inject(SessionStore).me();
  return isOrgOnlyAdmin(me) ? inject(Router).parseUrl(landingUrl(me)) : true;
};
