import { provideHttpClient, withInterceptors } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import { getMe, refreshSession } from '@mtp/api-client';

import { failNetwork, flushProblem } from '../../../testing/problem-responses';
import { aMe, aSession } from '../../../testing/session-fixtures';
import { apiProblemInterceptor } from '../http/api-problem.interceptor';
import { authInterceptor } from './auth.interceptor';
import { RENEW_AHEAD_MS, SessionService } from './session.service';
import { SessionHint } from './session-hint';
import { SessionStore } from './session-store';

const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('SessionService', () => {
  let httpMock: HttpTestingController;
  let service: SessionService;
  let store: SessionStore;

  beforeEach(() => {
    localStorage.clear();
    TestBed.configureTestingModule({
      providers: [
        provideRouter([{ path: '**', children: [] }]),
        provideHttpClient(withInterceptors([authInterceptor, apiProblemInterceptor])),
        provideHttpClientTesting(),
      ],
    });
    httpMock = TestBed.inject(HttpTestingController);
    service = TestBed.inject(SessionService);
    store = TestBed.inject(SessionStore);
  });

  afterEach(() => {
    httpMock.verify();
    jest.useRealTimers();
  });

  it('keeps the access token in memory only', () => {
    service.begin(aSession('secret-token'));

    expect(store.accessToken()).toBe('secret-token');
    expect(JSON.stringify({ ...localStorage })).not.toContain('secret-token');
    expect(JSON.stringify({ ...sessionStorage })).not.toContain('secret-token');
  });

  describe('restore, when the portal starts', () => {
    it('asks for nothing when this browser never signed in', async () => {
      await service.restore();

      httpMock.expectNone(refreshSession.PATH);
      expect(store.isSignedIn()).toBe(false);
    });

    it('gets a session from the refresh cookie, then who is signed in', async () => {
      TestBed.inject(SessionHint).set();
      const restored = service.restore();

      const refresh = httpMock.expectOne(refreshSession.PATH);
      expect(refresh.request.body).toBeNull();
      refresh.flush(aSession('access-9'));
      await settle();
      const me = httpMock.expectOne(getMe.PATH);
      expect(me.request.headers.get('Authorization')).toBe('Bearer access-9');
      me.flush(aMe());
      await restored;

      expect(store.isSignedIn()).toBe(true);
      expect(store.displayName()).toBe('Ada Lovelace');
    });

    it('starts signed out, and forgets the hint, when the session has ended', async () => {
      const hint = TestBed.inject(SessionHint);
      hint.set();
      const restored = service.restore();

      flushProblem(httpMock.expectOne(refreshSession.PATH), { title: 'Unauthorized', status: 401, code: 'auth.session_ended' });
      await restored;

      expect(store.isSignedIn()).toBe(false);
      expect(hint.present()).toBe(false);
    });

    it('starts signed out but keeps the hint when the server cannot be reached', async () => {
      const hint = TestBed.inject(SessionHint);
      hint.set();
      const restored = service.restore();

      failNetwork(httpMock.expectOne(refreshSession.PATH));
      await restored;

      expect(store.isSignedIn()).toBe(false);
      expect(hint.present()).toBe(true);
    });
  });

  it('renews the access token a minute before it expires', () => {
    jest.useFakeTimers();
    service.begin(aSession('access-1', 900));

    jest.advanceTimersByTime(900_000 - RENEW_AHEAD_MS - 1);
    httpMock.expectNone(refreshSession.PATH);
    jest.advanceTimersByTime(1);
    httpMock.expectOne(refreshSession.PATH).flush(aSession('access-2', 900));

    expect(store.accessToken()).toBe('access-2');
  });

  it('ends the session when the renewal is refused', () => {
    jest.useFakeTimers();
    service.begin(aSession('access-1', 120));

    jest.advanceTimersByTime(60_000);
    flushProblem(httpMock.expectOne(refreshSession.PATH), { title: 'Unauthorized', status: 401, code: 'auth.session_ended' });

    expect(store.isSignedIn()).toBe(false);
  });
});
