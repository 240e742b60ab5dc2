import { HttpClient, provideHttpClient, withInterceptors } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { ChangeDetectionStrategy, Component } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { Router, provideRouter } from '@angular/router';
import { getMe, refreshSession } from '@mtp/api-client';

import { aLaunch } from '../../../testing/launch-fixtures';
import { ACME, GLOBEX } from '../../../testing/org-console-fixtures';
import { flushProblem } from '../../../testing/problem-responses';
import { signInAsAda } from '../../../testing/session-fixtures';
import { authInterceptor } from '../auth/auth.interceptor';
import { SessionService } from '../auth/session.service';
import { SessionStore } from '../auth/session-store';
import { apiDefaultsInterceptor } from '../http/api-defaults.interceptor';
import { apiProblemInterceptor } from '../http/api-problem.interceptor';
import { LaunchStore } from './launch-store';

@Component({ template: '', changeDetection: ChangeDetectionStrategy.OnPush })
class Blank {}

const ENDED = {
  title: 'Unauthorized',
  status: 401,
  code: 'sessions.ended',
  detail: 'This launch session has ended (ended by partner admin); return to the portal to launch again',
};

/** Which credential goes where once a tab holds launch sessions (the auth interceptor). */
describe('the launch token on the wire', () => {
  let http: HttpClient;
  let httpMock: HttpTestingController;
  let launches: LaunchStore;

  beforeEach(async () => {
    localStorage.clear();
    TestBed.configureTestingModule({
      providers: [
        provideRouter([{ path: '**', component: Blank }]),
        provideHttpClient(withInterceptors([apiDefaultsInterceptor, authInterceptor, apiProblemInterceptor])),
        provideHttpClientTesting(),
      ],
    });
    http = TestBed.inject(HttpClient);
    httpMock = TestBed.inject(HttpTestingController);
    launches = TestBed.inject(LaunchStore);
    signInAsAda();
    await TestBed.inject(Router).navigateByUrl(`/orgs/${ACME.orgId}/users`);
  });

  afterEach(() => httpMock.verify());

  const bearerOf = (url: string) => httpMock.expectOne(url).request.headers.get('Authorization');

  it('sends the launch token to that org’s console routes, and the portal token everywhere else', () => {
    launches.hold(aLaunch(ACME, 'launch-acme'));
    const urls = [
      `/api/v1/orgs/${ACME.orgId}`,
      `/api/v1/orgs/${ACME.orgId}/users?limit=25`,
      `${window.location.origin}/api/v1/orgs/${ACME.orgId}/activity`,
      `/api/v1/orgs/${GLOBEX.orgId}/users`,
      `/api/v1/partner/orgs/${ACME.orgId}`,
      `/api/v1/partner/sessions`,
      '/api/v1/org/users',
      getMe.PATH,
    ];
    for (const url of urls) http.get(url).subscribe();

    expect(urls.map((url) => [url, bearerOf(url)])).toEqual([
      [urls[0], 'Bearer launch-acme'],
      [urls[1], 'Bearer launch-acme'],
      [urls[2], 'Bearer launch-acme'],
      [urls[3], 'Bearer access-1'],
      [urls[4], 'Bearer access-1'],
      [urls[5], 'Bearer access-1'],
      [urls[6], 'Bearer access-1'],
      [urls[7], 'Bearer access-1'],
    ]);
  });

  it('never sends a launch token to another host, even on an org path', () => {
    launches.hold(aLaunch(ACME, 'launch-acme'));
    http.get(`https://elsewhere.example/api/v1/orgs/${ACME.orgId}`).subscribe();

    expect(bearerOf(`https://elsewhere.example/api/v1/orgs/${ACME.orgId}`)).toBeNull();
  });

  it('sends each org its own token when the tab holds two', () => {
    launches.hold(aLaunch(ACME, 'launch-acme'));
    launches.hold(aLaunch(GLOBEX, 'launch-globex'));
    http.get(`/api/v1/orgs/${GLOBEX.orgId}/users`).subscribe();
    http.get(`/api/v1/orgs/${ACME.orgId}/users`).subscribe();

    expect(bearerOf(`/api/v1/orgs/${GLOBEX.orgId}/users`)).toBe('Bearer launch-globex');
    expect(bearerOf(`/api/v1/orgs/${ACME.orgId}/users`)).toBe('Bearer launch-acme');
  });

  it('ends the launch on a 401 sessions.ended, with the API’s words, without refreshing or signing out', () => {
    launches.hold(aLaunch(ACME, 'launch-acme'));
    launches.hold(aLaunch(GLOBEX, 'launch-globex'));
    let failure: unknown;
    http.get(`/api/v1/orgs/${ACME.orgId}/users`).subscribe({ error: (error: unknown) => (failure = error) });

    flushProblem(httpMock.expectOne(`/api/v1/orgs/${ACME.orgId}/users`), ENDED);

    httpMock.expectNone(refreshSession.PATH);
    expect(failure).toMatchObject({ status: 401, code: 'sessions.ended' });
    expect(launches.tokenFor(ACME.orgId)).toBeNull();
    expect(launches.endedOf(ACME.orgId)?.detail).toBe(ENDED.detail);
    expect(launches.tokenFor(GLOBEX.orgId)).toBe('launch-globex');
    expect(TestBed.inject(SessionStore).isSignedIn()).toBe(true);
    expect(TestBed.inject(Router).url).toBe(`/orgs/${ACME.orgId}/users`);
  });

  it('ends the launch on any other 401 of its org too (an expired token), in words of its own', () => {
    launches.hold(aLaunch(ACME, 'launch-acme'));
    http.get(`/api/v1/orgs/${ACME.orgId}`).subscribe({ error: () => undefined });

    flushProblem(httpMock.expectOne(`/api/v1/orgs/${ACME.orgId}`), { title: 'Unauthorized', status: 401, code: 'auth.unauthenticated' });

    httpMock.expectNone(refreshSession.PATH);
    expect(launches.endedOf(ACME.orgId)?.detail).toMatch(/^This launch session has ended/);
    expect(TestBed.inject(SessionStore).isSignedIn()).toBe(true);
  });

  it('leaves a newer launch alone when an answer for the older one comes late', () => {
    launches.hold(aLaunch(ACME, 'launch-old'));
    http.get(`/api/v1/orgs/${ACME.orgId}/users`).subscribe({ error: () => undefined });
    const late = httpMock.expectOne(`/api/v1/orgs/${ACME.orgId}/users`);
    launches.hold(aLaunch(ACME, 'launch-new'));

    flushProblem(late, ENDED);

    expect(launches.tokenFor(ACME.orgId)).toBe('launch-new');
  });

  it('passes a 403 sessions.forbidden through, and the session goes on', () => {
    launches.hold(aLaunch(ACME, 'launch-acme'));
    let failure: unknown;
    http.delete(`/api/v1/orgs/${ACME.orgId}/users/u1`).subscribe({ error: (error: unknown) => (failure = error) });

    flushProblem(httpMock.expectOne(`/api/v1/orgs/${ACME.orgId}/users/u1`), { title: 'Forbidden', status: 403, code: 'sessions.forbidden' });

    expect(failure).toMatchObject({ status: 403, code: 'sessions.forbidden' });
    expect(launches.tokenFor(ACME.orgId)).toBe('launch-acme');
  });

  it('still refreshes the portal token on a 401 of an org the tab holds no launch into', () => {
    launches.hold(aLaunch(ACME, 'launch-acme'));
    http.get(`/api/v1/orgs/${GLOBEX.orgId}`).subscribe({ error: () => undefined });

    flushProblem(httpMock.expectOne(`/api/v1/orgs/${GLOBEX.orgId}`), { title: 'Unauthorized', status: 401, code: 'auth.session_ended' });

    httpMock.expectOne(refreshSession.PATH);
    expect(launches.tokenFor(ACME.orgId)).toBe('launch-acme');
  });

  it('forgets the launches when the portal session ends in this browser', () => {
    launches.hold(aLaunch(ACME, 'launch-acme'));
    TestBed.inject(SessionService).endLocally();
    http.get(`/api/v1/orgs/${ACME.orgId}`).subscribe();

    expect(launches.tokenFor(ACME.orgId)).toBeNull();
    expect(httpMock.expectOne(`/api/v1/orgs/${ACME.orgId}`).request.headers.has('Authorization')).toBe(false);
  });
});
