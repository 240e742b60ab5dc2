import { HttpClient, provideHttpClient, withInterceptors } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { ChangeDetectionStrategy, Component } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { Router, provideRouter } from '@angular/router';
import { getMe, login, refreshSession, startMfaEnrollment } from '@mtp/api-client';

import { failNetwork, flushProblem } from '../../../testing/problem-responses';
import { aSession, signInAsAda } from '../../../testing/session-fixtures';
import { apiDefaultsInterceptor } from '../http/api-defaults.interceptor';
import { apiProblemInterceptor } from '../http/api-problem.interceptor';
import { authInterceptor } from './auth.interceptor';
import { REFRESH_RACE_RETRY_MS, SESSION_ENDED } from './session.service';
import { SessionStore } from './session-store';
import { SignInFlow } from './sign-in-flow';

@Component({ template: '', changeDetection: ChangeDetectionStrategy.OnPush })
class Blank {}

const SESSION_ENDED_PROBLEM = { title: 'Unauthorized', status: 401, code: 'auth.session_ended' };
const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('authInterceptor', () => {
  let http: HttpClient;
  let httpMock: HttpTestingController;
  let store: SessionStore;

  beforeEach(() => {
    localStorage.clear();
    TestBed.configureTestingModule({
      providers: [
        provideRouter([{ path: '**', component: Blank }]),
        provideHttpClient(withInterceptors([apiDefaultsInterceptor, authInterceptor, apiProblemInterceptor])),
        provideHttpClientTesting(),
        { provide: REFRESH_RACE_RETRY_MS, useValue: 0 },
      ],
    });
    http = TestBed.inject(HttpClient);
    httpMock = TestBed.inject(HttpTestingController);
    store = TestBed.inject(SessionStore);
  });

  afterEach(() => httpMock.verify());

  function callMe(): { body: unknown; error: unknown } {
    const outcome: { body: unknown; error: unknown } = { body: undefined, error: undefined };
    http.get(getMe.PATH).subscribe({ next: (body) => (outcome.body = body), error: (error: unknown) => (outcome.error = error) });
    return outcome;
  }

  const bearerOf = (url: string) => httpMock.expectOne(url).request.headers.get('Authorization');

  it('sends the access token to the API', () => {
    signInAsAda();
    http.get('/api/v1/partner/orgs').subscribe();

    expect(bearerOf('/api/v1/partner/orgs')).toBe('Bearer access-1');
  });

  it('sends no token to the sign-in routes, to other hosts, or when signed out', () => {
    signInAsAda();
    http.post(login.PATH, {}).subscribe();
    http.post(refreshSession.PATH, {}).subscribe();
    http.get('https://elsewhere.example/api/v1/me').subscribe();

    expect(bearerOf(login.PATH)).toBeNull();
    expect(bearerOf(refreshSession.PATH)).toBeNull();
    expect(bearerOf('https://elsewhere.example/api/v1/me')).toBeNull();

    store.clear();
    http.get(getMe.PATH).subscribe({ error: () => undefined });
    const anonymous = httpMock.expectOne(getMe.PATH);
    expect(anonymous.request.headers.has('Authorization')).toBe(false);
    flushProblem(anonymous, { title: 'Unauthorized', status: 401, code: 'auth.unauthenticated' });
    httpMock.expectNone(refreshSession.PATH);
  });

  it('sends the enrollment token, not the access token, to the MFA enrollment routes', () => {
    TestBed.inject(SignInFlow).begin({ step: 'enrollment', email: 'ada@partner.example', enrollmentToken: 'enroll-1' });
    http.post(startMfaEnrollment.PATH, null).subscribe();

    expect(bearerOf(startMfaEnrollment.PATH)).toBe('Bearer enroll-1');
  });

  it('refreshes once on a 401 and replays the call with the new token', () => {
    signInAsAda();
    const outcome = callMe();

    flushProblem(httpMock.expectOne(getMe.PATH), SESSION_ENDED_PROBLEM);
    httpMock.expectOne(refreshSession.PATH).flush(aSession('access-2'));
    const replay = httpMock.expectOne(getMe.PATH);
    expect(replay.request.headers.get('Authorization')).toBe('Bearer access-2');
    replay.flush({ id: 'a1b2c3' });

    expect(outcome.body).toEqual({ id: 'a1b2c3' });
    expect(store.accessToken()).toBe('access-2');
  });

  it('signs out and goes to sign-in saying the session ended when the replay is refused too', async () => {
    signInAsAda();
    const outcome = callMe();

    flushProblem(httpMock.expectOne(getMe.PATH), SESSION_ENDED_PROBLEM);
    httpMock.expectOne(refreshSession.PATH).flush(aSession('access-2'));
    flushProblem(httpMock.expectOne(getMe.PATH), SESSION_ENDED_PROBLEM);
    await settle();

    expect(outcome.error).toMatchObject({ status: 401 });
    expect(store.isSignedIn()).toBe(false);
    expect(TestBed.inject(Router).url).toBe('/sign-in');
    expect(TestBed.inject(SignInFlow).notice()).toBe(SESSION_ENDED);
    httpMock.expectNone(refreshSession.PATH);
  });

  it('signs out without replaying when the refresh itself is refused', async () => {
    signInAsAda();
    const outcome = callMe();

    flushProblem(httpMock.expectOne(getMe.PATH), SESSION_ENDED_PROBLEM);
    flushProblem(httpMock.expectOne(refreshSession.PATH), SESSION_ENDED_PROBLEM);
    await settle();

    httpMock.expectNone(getMe.PATH);
    expect(outcome.error).toMatchObject({ code: 'auth.session_ended' });
    expect(store.isSignedIn()).toBe(false);
    expect(TestBed.inject(Router).url).toBe('/sign-in');
  });

  it('asks again after a moment when another tab refreshed at the same time (409)', async () => {
    signInAsAda();
    const outcome = callMe();

    flushProblem(httpMock.expectOne(getMe.PATH), SESSION_ENDED_PROBLEM);
    flushProblem(httpMock.expectOne(refreshSession.PATH), { title: 'Conflict', status: 409, code: 'auth.refresh_race' });
    httpMock.expectNone(refreshSession.PATH);
    await settle();
    httpMock.expectOne(refreshSession.PATH).flush(aSession('access-3'));
    httpMock.expectOne(getMe.PATH).flush({ id: 'a1b2c3' });

    expect(outcome.body).toEqual({ id: 'a1b2c3' });
    expect(store.isSignedIn()).toBe(true);
  });

  it('shares one refresh between calls refused at the same time', () => {
    signInAsAda();
    const first = callMe();
    http.get('/api/v1/partner/orgs').subscribe();

    flushProblem(httpMock.expectOne(getMe.PATH), SESSION_ENDED_PROBLEM);
    flushProblem(httpMock.expectOne('/api/v1/partner/orgs'), SESSION_ENDED_PROBLEM);
    httpMock.expectOne(refreshSession.PATH).flush(aSession('access-2'));
    httpMock.expectOne(getMe.PATH).flush({ id: 'a1b2c3' });
    expect(bearerOf('/api/v1/partner/orgs')).toBe('Bearer access-2');

    expect(first.body).toEqual({ id: 'a1b2c3' });
  });

  it('keeps the session when the refresh fails for want of a network', () => {
    signInAsAda();
    const outcome = callMe();

    flushProblem(httpMock.expectOne(getMe.PATH), SESSION_ENDED_PROBLEM);
    failNetwork(httpMock.expectOne(refreshSession.PATH));

    expect(outcome.error).toMatchObject({ status: 401 });
    expect(store.isSignedIn()).toBe(true);
  });

  it('passes other failures through without refreshing', () => {
    signInAsAda();
    const outcome = callMe();

    flushProblem(httpMock.expectOne(getMe.PATH), { title: 'Forbidden', status: 403, code: 'auth.forbidden' });

    httpMock.expectNone(refreshSession.PATH);
    expect(outcome.error).toMatchObject({ status: 403 });
  });
});
