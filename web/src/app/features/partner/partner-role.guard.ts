import { inject } from '@angular/core';
import { type CanActivateFn, Router, type UrlTree } from '@angular/router';
import { type MeDto } from '@mtp/api-client';
import { catchError, map, of } from 'rxjs';

import { SessionService } from '../../core/auth/session.service';
import { SessionStore } from '../../core/auth/session-store';
import { type PartnerRole, partnerRoleOf } from './partner-role';

/**
 * Opens a partner page to the given roles only; anyone else goes home. Right after a reload, or
 * when loading `me` at start-up failed, the role is not known yet: it is asked for first, so a
 * member is never turned away for want of it.
 */
export function partnerRoleGuard(allowed: readonly PartnerRole[]): CanActivateFn {
  return () => {
    const router = inject(Router);
    const decide = (me: MeDto | null): true | UrlTree => {
      const role = partnerRoleOf(me);
      return role && allowed.includes(role) ? true : router.parseUrl('/');
    };
    const me = inject(SessionStore).me();
    if (me) {
      return decide(me);
    }
    // Home says what went wrong and offers to try again; a partner page could show nothing useful.
    return inject(SessionService)
      .loadMe()
      .pipe(
        map(decide),
        catchError(() => of(router.parseUrl('/'))),
      );
  };
}
