import { type HttpTestingController } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { Router } from '@angular/router';
import { RouterTestingHarness } from '@angular/router/testing';

import {
  ACME, GLOBEX, anOverview, expectCall, openConsole, orgPath, settle, setUpConsole, text,
} from '../../../testing/org-console-fixtures';
import { flushProblem } from '../../../testing/problem-responses';
import { aMe } from '../../../testing/session-fixtures';
import { SessionStore } from '../../core/auth/session-store';

describe('the org console frame', () => {
  let http: HttpTestingController;
  let harness: RouterTestingHarness;

  beforeEach(() => {
    http = setUpConsole();
  });
  afterEach(() => http.verify());

  const page = () => harness.routeNativeElement as HTMLElement;
  const url = () => TestBed.inject(Router).url;

  it('names the org, shows its OrgID and its figures on the overview', async () => {
    harness = await openConsole(http, `/orgs/${ACME.orgId}`);
    await settle(harness);
    expectCall(http, orgPath(ACME.orgId)).flush(anOverview());
    expectCall(http, orgPath(ACME.orgId, '/activity')).flush({ items: [], nextBefore: null });
    await settle(harness);

    expect(text(page().querySelector('h1'))).toBe('Acme Manufacturing');
    expect(text(page().querySelector('[data-testid="org-id"]'))).toBe(ACME.orgId);
    expect(text(page().querySelector('[data-testid="users-by-state"]'))).toBe('40 active · 3 staged · 5 suspended');
    expect(text(page())).toContain('Nothing has happened in this organization yet.');
  });

  it('says "not found" for an OrgID out of reach, and shows no tabs', async () => {
    harness = await RouterTestingHarness.create('/orgs/ffffffffffffffffffffffff/users');
    flushProblem(expectCall(http, orgPath('ffffffffffffffffffffffff')), { title: 'Not Found', status: 404, code: 'orgs.not_found' });
    await settle(harness);

    expect(text(page().querySelector('h1'))).toBe('Organization not found');
    expect(page().querySelector('nav[mat-tab-nav-bar]')).toBeNull();
  });

  it('switches to another of the admin’s orgs on the same tab', async () => {
    harness = await openConsole(http, `/orgs/${ACME.orgId}/admins`);
    await settle(harness);
    expectCall(http, orgPath(ACME.orgId, '/admins')).flush([]);
    await settle(harness);

    page().querySelector<HTMLButtonElement>('[aria-label="Switch organization"]')!.click();
    await settle(harness);
    const item = Array.from(document.querySelectorAll<HTMLButtonElement>('[mat-menu-item]')).find((button) => text(button).includes('Globex'));
    item!.click();
    await settle(harness);

    expect(url()).toBe(`/orgs/${GLOBEX.orgId}/admins`);
    expectCall(http, orgPath(GLOBEX.orgId)).flush(anOverview(GLOBEX));
    await settle(harness);
    expectCall(http, orgPath(GLOBEX.orgId, '/admins')).flush([]);
    await settle(harness);
    expect(text(page().querySelector('h1'))).toBe('Globex Retail');
  });

  it('takes an admin of orgs only from the portal home and the sign-in page to their console', async () => {
    harness = await RouterTestingHarness.create('/');
    expect(url()).toBe(`/orgs/${ACME.orgId}`);
    expectCall(http, orgPath(ACME.orgId)).flush(anOverview());
    await settle(harness);
    http.match(() => true);

    await harness.navigateByUrl('/sign-in');
    expect(url()).toBe(`/orgs/${ACME.orgId}`);
    http.match(() => true);
  });

  it('keeps the chooser for an admin of a partner and of orgs', async () => {
    TestBed.inject(SessionStore).setMe(aMe({ partnerMemberships: [{ partnerId: 'p1', partnerName: 'Northwind', role: 'administrator' }], orgMemberships: [ACME] }));
    harness = await RouterTestingHarness.create('/sign-in');
    expect(url()).toBe('/choose');
  });
});
