import { provideHttpClient, withInterceptors } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { provideRouter, Router, UrlTree } from '@angular/router';

import { flushProblem } from '../../../testing/problem-responses';
import { apiProblemInterceptor } from '../http/api-problem.interceptor';
import { ApiProblem } from '../http/api-problem';
import { AuthService, SIGN_IN_URL } from './auth.service';
import { signedOutGuard } from './signed-out.guard';

describe('AuthService', () => {
  let auth: AuthService;
  let httpMock: HttpTestingController;

  beforeEach(() => {
    TestBed.configureTestingModule({
      providers: [
        provideRouter([]),
        provideHttpClient(withInterceptors([apiProblemInterceptor])),
        provideHttpClientTesting(),
      ],
    });
    auth = TestBed.inject(AuthService);
    httpMock = TestBed.inject(HttpTestingController);
  });

  afterEach(() => httpMock.verify());

  it('starts signed out', () => {
    expect(auth.session()).toBeNull();
    expect(auth.isSignedIn()).toBe(false);
  });

  it('posts the email and password as JSON to the login endpoint', () => {
    auth.signIn('ada@partner.example', 'correct horse').subscribe();

    const request = httpMock.expectOne(SIGN_IN_URL);
    expect(request.request.url).toBe('/api/v1/auth/login');
    expect(request.request.method).toBe('POST');
    expect(request.request.body).toEqual({ email: 'ada@partner.example', password: 'correct horse' });
    request.flush({});
  });

  it('holds the session once the API accepts the sign-in', () => {
    auth.signIn('ada@partner.example', 'correct horse').subscribe();
    httpMock.expectOne(SIGN_IN_URL).flush({});

    expect(auth.session()).toEqual({ email: 'ada@partner.example', displayName: null });
    expect(auth.isSignedIn()).toBe(true);
  });

  it('stays signed out and reports the problem when the API refuses', () => {
    let failure: unknown;
    auth.signIn('ada@partner.example', 'wrong').subscribe({ error: (error: unknown) => (failure = error) });

    flushProblem(httpMock.expectOne(SIGN_IN_URL), {
      title: 'Unauthorized',
      status: 401,
      detail: 'Email or password is incorrect.',
      code: 'auth.invalid_credentials',
    });

    expect(failure).toBeInstanceOf(ApiProblem);
    expect((failure as ApiProblem).code).toBe('auth.invalid_credentials');
    expect(auth.isSignedIn()).toBe(false);
  });

  describe('signedOutGuard', () => {
    const runGuard = () =>
      TestBed.runInInjectionContext(() => signedOutGuard({} as never, {} as never));

    it('lets a signed-out visitor reach the sign-in page', () => {
      expect(runGuard()).toBe(true);
    });

    it('sends someone already signed in to the home page', () => {
      auth.signIn('ada@partner.example', 'correct horse').subscribe();
      httpMock.expectOne(SIGN_IN_URL).flush({});

      const result = runGuard();

      expect(result).toBeInstanceOf(UrlTree);
      expect(TestBed.inject(Router).serializeUrl(result as UrlTree)).toBe('/');
    });
  });
});
