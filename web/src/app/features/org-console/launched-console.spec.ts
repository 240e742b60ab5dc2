import { type HttpTestingController } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { Router } from '@angular/router';
import { RouterTestingHarness } from '@angular/router/testing';
import { refreshSession } from '@mtp/api-client';

import { HandClock, aLaunch, aLaunchSession } from '../../../testing/launch-fixtures';
import { ACME, anOverview, buttonIn, expectCall, orgPath, settle, text } from '../../../testing/org-console-fixtures';
import { flushProblem } from '../../../testing/problem-responses';
import { SessionStore } from '../../core/auth/session-store';
import { LAUNCH_CLOCK } from '../../core/launch/launch-clock';
import { LaunchStore } from '../../core/launch/launch-store';
import { ENDED_HERE, TIME_UP } from '../launch/launch-banner';
import { aPartnerOrg, anOrgPage, partnerPath, queryOf, setUpPartner } from '../partner/testing/partner-fixtures';

jest.setTimeout(30_000);

const SESSIONS = partnerPath('/sessions');
const SESSION = aLaunchSession(ACME);

describe('the console of a launch session', () => {
  let http: HttpTestingController;
  let harness: RouterTestingHarness;
  let clock: HandClock;

  beforeEach(() => {
    clock = new HandClock();
    http = setUpPartner('owner', [{ provide: LAUNCH_CLOCK, useValue: clock }]);
  });
  afterEach(() => http.verify());

  const page = () => harness.routeNativeElement as HTMLElement;
  const banner = () => page().querySelector<HTMLElement>('section[aria-label="Launch session"]');
  const tabs = () => Array.from(page().querySelectorAll('nav[mat-tab-nav-bar] a'), (tab) => text(tab));
  const launches = () => TestBed.inject(LaunchStore);
  const url = () => TestBed.inject(Router).url;
  const wait = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

  /** Opens the console of Acme with the session held by this tab, answering the overview page's calls. */
  async function openLaunched(path = ''): Promise<void> {
    launches().hold(aLaunch(ACME, 'launch-acme'));
    harness = await RouterTestingHarness.create(`/orgs/${ACME.orgId}${path}`);
    const overview = expectCall(http, orgPath(ACME.orgId));
    expect(overview.request.headers.get('Authorization')).toBe('Bearer launch-acme');
    overview.flush(anOverview());
    await settle(harness);
    if (!path) {
      http.match((request) => request.url.startsWith(orgPath(ACME.orgId)));
    }
  }

  function expectEnded(detail: string): void {
    expect(text(page().querySelector('h1'))).toBe('This launch session has ended');
    expect(text(page().querySelector('[data-testid="ended-detail"]'))).toBe(detail);
    expect(page().querySelector('[role="alert"]')).not.toBeNull();
    expect(page().querySelector('nav[mat-tab-nav-bar]')).toBeNull();
    expect(page().querySelector('router-outlet')).toBeNull();
    expect(banner()).toBeNull();
    expect(page().querySelector('a[href="/"]')?.textContent?.trim()).toBe('Return to the portal');
    expect(launches().tokenFor(ACME.orgId)).toBeNull();
    // The portal session is not in question.
    expect(TestBed.inject(SessionStore).isSignedIn()).toBe(true);
  }

  it('shows a banner: the org, whose session it is, the minutes left and a way to end it', async () => {
    await openLaunched();

    expect(text(banner()!.querySelector('.org'))).toBe('Acme Manufacturing');
    expect(text(banner())).toContain('Managing as Ada Lovelace of Northwind MSP');
    const time = banner()!.querySelector('[data-testid="launch-time-left"]')!;
    expect(text(time)).toBe('30 minutes left');
    expect(time.getAttribute('aria-live')).toBe('polite');
    expect(buttonIn(banner(), 'End session')).toBeTruthy();
    expect(text(page().querySelector('h1'))).toBe('Acme Manufacturing');
    // The partner's access is the org's own admins' business.
    expect(tabs()).toEqual(['Overview', 'Users', 'Systems', 'Admins', 'Activity', 'Settings']);
  });

  it('counts down by the minute, and stops the console when the time is up', async () => {
    await openLaunched();
    const time = () => text(banner()?.querySelector('[data-testid="launch-time-left"]') ?? null);

    clock.advance(20_000);
    await wait(20);
    await settle(harness);
    expect(time()).toBe('30 minutes left');
    clock.advance(60_000);
    await wait(20);
    await settle(harness);
    expect(time()).toBe('29 minutes left');
    clock.advance(28 * 60_000);
    await wait(20);
    await settle(harness);
    expect(time()).toBe('1 minute left');

    clock.advance(60_000);
    await wait(20);
    await settle(harness);
    expectEnded(TIME_UP);
  });

  it('ends the session from the banner, with the portal’s token, and says so', async () => {
    await openLaunched();
    buttonIn(banner(), 'End session').click();
    await settle(harness);

    const end = expectCall(http, partnerPath(`/sessions/${SESSION.id}/end`), 'POST');
    expect(end.request.headers.get('Authorization')).toBe('Bearer access-1');
    end.flush(aLaunchSession(ACME, { state: 'ended', endedReason: 'ended_by_admin', endedAt: new Date(clock.now()).toISOString() }));
    await settle(harness);

    expectEnded(ENDED_HERE);
    expect(launches().endedOf(ACME.orgId)?.session?.endedReason).toBe('ended_by_admin');
  });

  it('stops, with the API’s words, when an org call says the session ended; nobody is signed out', async () => {
    await openLaunched('/users');
    const detail = 'This launch session has ended (org detached); return to the portal to launch again';
    flushProblem(expectCall(http, orgPath(ACME.orgId, '/users')), { title: 'Unauthorized', status: 401, code: 'sessions.ended', detail });
    await settle(harness);

    http.expectNone(refreshSession.PATH);
    expectEnded(detail);
    expect(url()).toBe(`/orgs/${ACME.orgId}/users`);
  });

  it('finds the admin’s own active session in a new tab (or after a reload), and asks a token of its own', async () => {
    harness = await RouterTestingHarness.create(`/orgs/${ACME.orgId}`);
    const list = expectCall(http, SESSIONS);
    expect(queryOf(list)).toEqual({ state: 'active', orgId: ACME.orgId, mine: 'true', limit: '1' });
    list.flush({ items: [SESSION], nextBefore: null });
    await settle(harness);
    expectCall(http, partnerPath(`/sessions/${SESSION.id}/token`), 'POST').flush(aLaunch(ACME, 'launch-tab-2'));
    await settle(harness);

    const overview = expectCall(http, orgPath(ACME.orgId));
    expect(overview.request.headers.get('Authorization')).toBe('Bearer launch-tab-2');
    overview.flush(anOverview());
    await settle(harness);
    http.match(() => true);
    expect(text(banner())).toContain('30 minutes left');
  });

  it('says there is no active session, offering to launch or return, when the admin has none', async () => {
    harness = await RouterTestingHarness.create(`/orgs/${ACME.orgId}`);
    expectCall(http, SESSIONS).flush({ items: [], nextBefore: null });
    await settle(harness);
    const orgs = expectCall(http, partnerPath('/orgs'));
    expect(queryOf(orgs)).toEqual({ search: ACME.orgId, limit: '1' });
    orgs.flush(anOrgPage([aPartnerOrg(ACME)]));
    await settle(harness);

    expect(text(page().querySelector('h1'))).toBe('No active session into Acme Manufacturing');
    expect(page().querySelector(`[aria-label="Launch ${ACME.orgName}"]`)).not.toBeNull();
    expect(page().querySelector('a[href="/"]')?.textContent?.trim()).toBe('Return to the portal');
    http.expectNone(orgPath(ACME.orgId));
  });

  it('says "not found" for an org the partner does not manage either', async () => {
    harness = await RouterTestingHarness.create(`/orgs/${'f'.repeat(24)}`);
    expectCall(http, SESSIONS).flush({ items: [], nextBefore: null });
    await settle(harness);
    expectCall(http, partnerPath('/orgs')).flush(anOrgPage([]));
    await settle(harness);
    const overview = expectCall(http, orgPath('f'.repeat(24)));
    expect(overview.request.headers.get('Authorization')).toBe('Bearer access-1');
    flushProblem(overview, { title: 'Not Found', status: 404, code: 'orgs.not_found' });
    await settle(harness);

    expect(text(page().querySelector('h1'))).toBe('Organization not found');
  });
});
