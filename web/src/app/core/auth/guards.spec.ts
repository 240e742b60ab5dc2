import { provideHttpClient } from '@angular/common/http';
import { provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { type ActivatedRouteSnapshot, Router, type RouterStateSnapshot, UrlTree, provideRouter } from '@angular/router';

import { aMe, signInAsAda } from '../../../testing/session-fixtures';
import { signInStepGuard, signedInGuard, signedOutGuard } from './guards';
import { SignInFlow } from './sign-in-flow';

describe('guards', () => {
  beforeEach(() => {
    localStorage.clear();
    TestBed.configureTestingModule({ providers: [provideRouter([]), provideHttpClient(), provideHttpClientTesting()] });
  });

  const route = {} as ActivatedRouteSnapshot;
  const state = (url: string) => ({ url }) as RouterStateSnapshot;
  const serialized = (result: unknown) =>
    result instanceof UrlTree ? TestBed.inject(Router).serializeUrl(result) : result;

  describe('signedInGuard', () => {
    it('sends a visitor to sign in, with the way back', () => {
      const result = TestBed.runInInjectionContext(() => signedInGuard(route, state('/account?tab=2')));

      expect(serialized(result)).toBe('/sign-in?returnUrl=%2Faccount%3Ftab%3D2');
    });

    it('lets a signed-in admin through', () => {
      signInAsAda();

      expect(TestBed.runInInjectionContext(() => signedInGuard(route, state('/account')))).toBe(true);
    });
  });

  describe('signedOutGuard', () => {
    it('lets a visitor reach the sign-in pages', () => {
      expect(TestBed.runInInjectionContext(() => signedOutGuard(route, state('/sign-in')))).toBe(true);
    });

    it('sends a signed-in admin where their memberships lead', () => {
      signInAsAda(aMe({ orgMemberships: [{ orgId: '5f0c1e2d3c4b5a6978877665', orgName: 'Acme' }] }));

      const result = TestBed.runInInjectionContext(() => signedOutGuard(route, state('/sign-in')));

      expect(serialized(result)).toBe('/orgs/5f0c1e2d3c4b5a6978877665');
    });
  });

  describe('signInStepGuard', () => {
    it('starts sign-in over when no password step is pending (a reload, a direct link)', () => {
      const result = TestBed.runInInjectionContext(() => signInStepGuard('mfa')(route, state('/sign-in/verify')));

      expect(serialized(result)).toBe('/sign-in');
    });

    it('opens the step the password step asked for, and only that one', () => {
      TestBed.inject(SignInFlow).begin({ step: 'mfa', email: 'ada@partner.example', challengeToken: 'c1' });

      expect(TestBed.runInInjectionContext(() => signInStepGuard('mfa')(route, state('/sign-in/verify')))).toBe(true);
      expect(
        serialized(TestBed.runInInjectionContext(() => signInStepGuard('enrollment')(route, state('/sign-in/set-up-mfa')))),
      ).toBe('/sign-in');
    });
  });
});
