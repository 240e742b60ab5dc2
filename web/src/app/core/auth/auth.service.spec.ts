import { provideHttpClient, withInterceptors } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { Router, provideRouter } from '@angular/router';
import { completeMfa, getMe, login, logout, signOutEverywhere } from '@mtp/api-client';

import { failNetwork, flushProblem } from '../../../testing/problem-responses';
import { aMe, aSession, signInAsAda } from '../../../testing/session-fixtures';
import { ApiProblem } from '../http/api-problem';
import { apiProblemInterceptor } from '../http/api-problem.interceptor';
import { authInterceptor } from './auth.interceptor';
import { AuthService } from './auth.service';
import { SessionHint } from './session-hint';
import { SessionStore } from './session-store';
import { SignInFlow } from './sign-in-flow';

const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('AuthService', () => {
  let auth: AuthService;
  let httpMock: HttpTestingController;
  let store: SessionStore;
  let flow: SignInFlow;

  beforeEach(() => {
    localStorage.clear();
    TestBed.configureTestingModule({
      providers: [
        provideRouter([{ path: '**', children: [] }]),
        provideHttpClient(withInterceptors([authInterceptor, apiProblemInterceptor])),
        provideHttpClientTesting(),
      ],
    });
    auth = TestBed.inject(AuthService);
    httpMock = TestBed.inject(HttpTestingController);
    store = TestBed.inject(SessionStore);
    flow = TestBed.inject(SignInFlow);
  });

  afterEach(() => httpMock.verify());

  it('sends the password step and keeps the challenge for the code step, not signed in yet', () => {
    auth.signIn('ada@partner.example', 'correct horse').subscribe();

    const request = httpMock.expectOne(login.PATH);
    expect(request.request.body).toEqual({ email: 'ada@partner.example', password: 'correct horse' });
    request.flush({ status: 'mfa_required', challengeToken: 'challenge-1', expiresIn: 600 });

    expect(flow.pending()).toEqual({ step: 'mfa', email: 'ada@partner.example', challengeToken: 'challenge-1' });
    expect(store.isSignedIn()).toBe(false);
  });

  it('reports a refused password as an ApiProblem and stays signed out', () => {
    let failure: unknown;
    auth.signIn('ada@partner.example', 'wrong').subscribe({ error: (error: unknown) => (failure = error) });

    flushProblem(httpMock.expectOne(login.PATH), { title: 'Unauthorized', status: 401, code: 'auth.invalid_credentials' });

    expect(failure).toBeInstanceOf(ApiProblem);
    expect(flow.pending()).toBeNull();
    expect(store.isSignedIn()).toBe(false);
  });

  it('completes sign-in with the code, then loads who is signed in and says where to go', () => {
    flow.begin({ step: 'mfa', email: 'ada@partner.example', challengeToken: 'challenge-1' });
    let destination: string | undefined;
    auth.verify({ code: '123456' }).subscribe((url) => (destination = url));

    const request = httpMock.expectOne(completeMfa.PATH);
    expect(request.request.body).toEqual({ challengeToken: 'challenge-1', code: '123456' });
    request.flush(aSession('access-1'));
    httpMock.expectOne(getMe.PATH).flush(aMe());

    expect(store.accessToken()).toBe('access-1');
    expect(TestBed.inject(SessionHint).present()).toBe(true);
    expect(flow.pending()).toBeNull();
    expect(destination).toBe('/no-access');
  });

  it('goes back where the person was sent from rather than by memberships', () => {
    flow.rememberReturnUrl('/account');
    flow.begin({ step: 'mfa', email: 'ada@partner.example', challengeToken: 'challenge-1' });
    let destination: string | undefined;
    auth.verify({ recoveryCode: 'ABCDE-FGHJK' }).subscribe((url) => (destination = url));

    const request = httpMock.expectOne(completeMfa.PATH);
    expect(request.request.body).toEqual({ challengeToken: 'challenge-1', recoveryCode: 'ABCDE-FGHJK' });
    request.flush(aSession());
    httpMock.expectOne(getMe.PATH).flush(aMe());

    expect(destination).toBe('/account');
  });

  it('signs out through the API and forgets the session, even offline', async () => {
    signInAsAda();
    auth.signOut().subscribe();

    failNetwork(httpMock.expectOne(logout.PATH));
    await settle();

    expect(store.isSignedIn()).toBe(false);
    expect(TestBed.inject(SessionHint).present()).toBe(false);
    expect(TestBed.inject(Router).url).toBe('/sign-in');
    expect(flow.notice()).toEqual({ text: 'You have signed out.', tone: 'info' });
  });

  it('signs out everywhere and says how many sessions ended', async () => {
    signInAsAda();
    auth.signOutEverywhere().subscribe();

    const request = httpMock.expectOne(signOutEverywhere.PATH);
    expect(request.request.headers.get('Authorization')).toBe('Bearer access-1');
    request.flush({ sessionsRevoked: 3 });
    await settle();

    expect(store.isSignedIn()).toBe(false);
    expect(flow.notice()?.text).toBe('You were signed out of every browser (3 sessions ended).');
  });
});
