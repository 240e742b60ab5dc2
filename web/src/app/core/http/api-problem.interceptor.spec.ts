import { HttpClient, provideHttpClient, withInterceptors } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';

import { failNetwork, flushProblem } from '../../../testing/problem-responses';
import { ApiProblem } from './api-problem';
import { apiProblemInterceptor } from './api-problem.interceptor';

describe('apiProblemInterceptor', () => {
  let http: HttpClient;
  let httpMock: HttpTestingController;

  beforeEach(() => {
    TestBed.configureTestingModule({
      providers: [
        provideHttpClient(withInterceptors([apiProblemInterceptor])),
        provideHttpClientTesting(),
      ],
    });
    http = TestBed.inject(HttpClient);
    httpMock = TestBed.inject(HttpTestingController);
  });

  afterEach(() => httpMock.verify());

  function failureOf(url: string): { error: unknown } {
    const outcome: { error: unknown } = { error: undefined };
    http.get(url).subscribe({ error: (error: unknown) => (outcome.error = error) });
    return outcome;
  }

  it('turns a problem+json answer into an ApiProblem with every field', () => {
    const outcome = failureOf('/api/v1/partner/orgs');

    flushProblem(httpMock.expectOne('/api/v1/partner/orgs'), {
      type: 'https://mtp.example/problems/forbidden',
      title: 'Forbidden',
      status: 403,
      detail: 'Your role cannot see organizations.',
      code: 'auth.forbidden',
      correlationId: 'c0ffee',
    });

    expect(outcome.error).toBeInstanceOf(ApiProblem);
    expect(outcome.error).toMatchObject({
      type: 'https://mtp.example/problems/forbidden',
      title: 'Forbidden',
      status: 403,
      detail: 'Your role cannot see organizations.',
      code: 'auth.forbidden',
      correlationId: 'c0ffee',
    });
  });

  it('keeps the per-field messages of a validation problem', () => {
    const outcome = failureOf('/api/v1/partner/invitations');

    flushProblem(httpMock.expectOne('/api/v1/partner/invitations'), {
      title: 'Bad Request',
      status: 400,
      detail: 'Some fields are not valid.',
      code: 'request.validation_failed',
      errors: [{ field: 'email', messages: ['must be an email address'] }],
    });

    expect((outcome.error as ApiProblem).errors).toEqual([
      { field: 'email', messages: ['must be an email address'] },
    ]);
  });

  it('keeps how long to wait from a 429 answer', () => {
    const outcome = failureOf('/api/v1/auth/login');

    httpMock.expectOne('/api/v1/auth/login').flush(
      { title: 'Too Many Requests', status: 429, code: 'auth.too_many_attempts' },
      { status: 429, statusText: 'Too Many Requests', headers: { 'Content-Type': 'application/problem+json', 'Retry-After': '840' } },
    );

    expect(outcome.error).toMatchObject({ status: 429, retryAfterSeconds: 840 });
  });

  it('reads a problem document that arrived as text', () => {
    const outcome = failureOf('/api/v1/me');

    httpMock.expectOne('/api/v1/me').flush(
      JSON.stringify({ title: 'Unauthorized', status: 401, detail: 'Sign in first.' }),
      { status: 401, statusText: 'Unauthorized', headers: { 'Content-Type': 'application/problem+json' } },
    );

    expect(outcome.error).toMatchObject({ status: 401, detail: 'Sign in first.' });
  });

  it('gives a problem without detail when the answer is not a problem document', () => {
    const outcome = failureOf('/api/v1/me');

    httpMock
      .expectOne('/api/v1/me')
      .flush('<html>Bad gateway</html>', { status: 502, statusText: 'Bad Gateway' });

    expect(outcome.error).toBeInstanceOf(ApiProblem);
    expect(outcome.error).toMatchObject({ status: 502, title: 'Bad Gateway', detail: null, code: null });
  });

  it('gives a status 0 problem when the server cannot be reached', () => {
    const outcome = failureOf('/api/v1/me');

    failNetwork(httpMock.expectOne('/api/v1/me'));

    expect(outcome.error).toMatchObject({ status: 0, detail: null });
  });

  it('passes failures from other hosts through untouched', () => {
    const outcome = failureOf('https://elsewhere.example/data');

    httpMock.expectOne('https://elsewhere.example/data').flush('nope', { status: 500, statusText: 'Oops' });

    expect(outcome.error).not.toBeInstanceOf(ApiProblem);
  });
});
