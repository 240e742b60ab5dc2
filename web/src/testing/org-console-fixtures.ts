import { provideHttpClient, withInterceptors } from '@angular/common/http';
import { HttpTestingController, type TestRequest, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { MATERIAL_ANIMATIONS } from '@angular/material/core';
import { provideRouter, withComponentInputBinding } from '@angular/router';
import { RouterTestingHarness } from '@angular/router/testing';
import { type DirectoryUserDto, type OrgOverviewDto } from '@mtp/api-client';

import { aMe, signInAsAda } from './session-fixtures';
import { routes } from '../app/app.routes';
import { authInterceptor } from '../app/core/auth/auth.interceptor';
import { apiProblemInterceptor } from '../app/core/http/api-problem.interceptor';
import { provideAppIcons } from '../app/core/icons/app-icons';
import { SEARCH_DEBOUNCE_MS } from '../app/shared/forms/search-debounce';

export const ACME = { orgId: '5f0c1e2d3c4b5a6978877665', orgName: 'Acme Manufacturing' };
export const GLOBEX = { orgId: '6a1d2e3f4a5b6c7d8e9f0a1b', orgName: 'Globex Retail' };

export function anOverview(org = ACME, stats: Partial<OrgOverviewDto['stats']> = {}): OrgOverviewDto {
  return {
    orgId: org.orgId,
    name: org.orgName,
    status: 'active',
    createdAt: '2026-01-05T10:00:00.000Z',
    settings: { userCap: null, passwordExpiryDays: 90 },
    stats: {
      usersTotal: 48, usersActive: 40, usersSuspended: 5, usersStaged: 3, usersWithMfa: 30, usersLockedOut: 2,
      systemsTotal: 36, systemsActive: 30, admins: 2, mfaCoveragePercent: 62.5, passwordsExpiringIn14Days: 4,
      newUsersLast7Days: 6, lastActivityAt: '2026-11-20T09:30:00.000Z', ...stats,
    },
  };
}

export function aUser(overrides: Partial<DirectoryUserDto> = {}): DirectoryUserDto {
  return {
    id: 'u1', username: 'jdoe', email: 'jdoe@acme.example', firstName: 'Jane', lastName: 'Doe', state: 'active',
    mfaEnrolled: false, lockedOut: false, passwordExpiresAt: null, createdAt: '2026-02-01T08:00:00.000Z', lastLoginAt: null,
    ...overrides,
  };
}

/** The app's own routes and interceptors, signed in as an admin of Acme and Globex only. */
export function setUpConsole(): HttpTestingController {
  localStorage.clear();
  TestBed.configureTestingModule({
    providers: [
      provideRouter(routes, withComponentInputBinding()),
      provideHttpClient(withInterceptors([authInterceptor, apiProblemInterceptor])),
      provideHttpClientTesting(),
      provideAppIcons(),
      { provide: SEARCH_DEBOUNCE_MS, useValue: 0 },
      // Dialogs and menus close at once, as a test has no time for their animations.
      { provide: MATERIAL_ANIMATIONS, useValue: { animationsDisabled: true } },
    ],
  });
  signInAsAda(aMe({ orgMemberships: [ACME, GLOBEX] }));
  return TestBed.inject(HttpTestingController);
}

export function orgPath(orgId: string, rest = ''): string {
  return `/api/v1/orgs/${orgId}${rest}`;
}

/** The one pending request to this path (and method), whatever its query. */
export function expectCall(http: HttpTestingController, path: string, method = 'GET'): TestRequest {
  return http.expectOne((request) => request.url === path && request.method === method, `${method} ${path}`);
}

/** Opens a console page and answers the org's overview. */
export async function openConsole(http: HttpTestingController, url: string, org = ACME): Promise<RouterTestingHarness> {
  const harness = await RouterTestingHarness.create(url);
  expectCall(http, orgPath(org.orgId)).flush(anOverview(org));
  await harness.fixture.whenStable();
  return harness;
}

/** Lets the page react (lazy tabs, debounces, re-renders) before the next expectation. */
export async function settle(harness: RouterTestingHarness): Promise<void> {
  for (let round = 0; round < 3; round++) {
    await new Promise((resolve) => setTimeout(resolve, 0));
    await harness.fixture.whenStable();
  }
}

export function text(element: Element | null): string {
  return element?.textContent?.replace(/\s+/g, ' ').trim() ?? '';
}

export function buttonIn(root: Element | null, label: string): HTMLButtonElement {
  const button = Array.from(root?.querySelectorAll('button') ?? []).find((candidate) => text(candidate) === label);
  if (!button) throw new Error(`No button "${label}"`);
  return button;
}

/** The dialog opened last (one closed just before may still be leaving the page). */
export function openDialog(): Element | null {
  const dialogs = document.querySelectorAll('mat-dialog-container');
  return dialogs.item(dialogs.length - 1);
}
