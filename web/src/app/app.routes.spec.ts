import { provideHttpClient } from '@angular/common/http';
import { provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { provideRouter, Router, type Route, withComponentInputBinding } from '@angular/router';
import { RouterTestingHarness } from '@angular/router/testing';

import { routes } from './app.routes';
import { provideAppIcons } from './core/icons/app-icons';

describe('app routes', () => {
  beforeEach(() => {
    TestBed.configureTestingModule({
      providers: [provideRouter(routes, withComponentInputBinding()), provideHttpClient(), provideHttpClientTesting(), provideAppIcons()],
    });
  });

  it('loads every page lazily', () => {
    const eager = routes.filter((route: Route) => route.component !== undefined);
    expect(eager).toEqual([]);
    // A page is a lazy component, or a lazy set of child routes (the partner pages).
    expect(routes.every((route) => typeof route.loadComponent === 'function' || typeof route.loadChildren === 'function')).toBe(true);
  });

  it.each([
    ['/', 'MTP · Multi-Tenant Portal', 'MTP — Multi-Tenant Portal'],
    ['/sign-in', 'Sign in', 'Sign in · MTP'],
    ['/forgot-password', 'Forgot your password?', 'Forgot password · MTP'],
    ['/reset-password?token=t', 'Choose a new password', 'Choose a new password · MTP'],
    ['/dev/mailbox', 'Dev mailbox', 'Dev mailbox · MTP'],
    ['/apply', 'Become a partner', 'Become a partner · MTP'],
    ['/apply/evaluation', 'Request an evaluation', 'Request an evaluation · MTP'],
    ['/accept-invitation', 'Accept your invitation', 'Accept your invitation · MTP'],
    ['/no/such/page', 'Page not found', 'Page not found · MTP'],
  ])('%s shows its page and titles the browser tab', async (url, heading, title) => {
    const harness = await RouterTestingHarness.create(url);

    expect((harness.routeNativeElement as HTMLElement).querySelector('h1')?.textContent?.trim()).toBe(heading);
    expect(document.title).toBe(title);
  });

  it.each(['/account', '/choose', '/no-access', '/orgs/5f0c1e2d3c4b5a6978877665'])(
    'sends a visitor from %s to sign in, with the way back',
    async (url) => {
      const harness = await RouterTestingHarness.create(url);

      expect(TestBed.inject(Router).url).toBe(`/sign-in?returnUrl=${encodeURIComponent(url)}`);
      expect((harness.routeNativeElement as HTMLElement).querySelector('h1')?.textContent?.trim()).toBe('Sign in');
    },
  );

  it.each(['/sign-in/verify', '/sign-in/set-up-mfa'])('starts sign-in over when %s is opened directly', async (url) => {
    await RouterTestingHarness.create(url);

    expect(TestBed.inject(Router).url).toBe('/sign-in');
  });
});
