import { HttpClient, provideHttpClient, withInterceptors } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';

import { apiDefaultsInterceptor } from './api-defaults.interceptor';

describe('apiDefaultsInterceptor', () => {
  let http: HttpClient;
  let httpMock: HttpTestingController;

  beforeEach(() => {
    TestBed.configureTestingModule({
      providers: [
        provideHttpClient(withInterceptors([apiDefaultsInterceptor])),
        provideHttpClientTesting(),
      ],
    });
    http = TestBed.inject(HttpClient);
    httpMock = TestBed.inject(HttpTestingController);
  });

  afterEach(() => httpMock.verify());

  it('asks the portal API for JSON and sends the session cookie', () => {
    http.get('/api/health/ready').subscribe();

    const request = httpMock.expectOne('/api/health/ready').request;
    expect(request.headers.get('Accept')).toBe('application/json');
    expect(request.withCredentials).toBe(true);
  });

  it('treats an absolute URL on the same origin as the portal API', () => {
    http.get(`${window.location.origin}/api/v1/me`).subscribe();

    expect(httpMock.expectOne(`${window.location.origin}/api/v1/me`).request.withCredentials).toBe(true);
  });

  it('keeps an Accept header the caller chose', () => {
    http.get('/api/openapi.json', { headers: { Accept: 'text/plain' } }).subscribe();

    expect(httpMock.expectOne('/api/openapi.json').request.headers.get('Accept')).toBe('text/plain');
  });

  it('never sends the session cookie to another host', () => {
    http.get('https://elsewhere.example/api/v1/me').subscribe();

    const request = httpMock.expectOne('https://elsewhere.example/api/v1/me').request;
    expect(request.withCredentials).toBe(false);
    expect(request.headers.has('Accept')).toBe(false);
  });

  it('leaves paths outside /api alone', () => {
    http.get('/apiary/list').subscribe();

    expect(httpMock.expectOne('/apiary/list').request.withCredentials).toBe(false);
  });
});
