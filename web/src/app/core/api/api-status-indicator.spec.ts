import { provideHttpClient, withInterceptors } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { type ComponentFixture, TestBed } from '@angular/core/testing';

import { failNetwork, flushProblem } from '../../../testing/problem-responses';
import { apiProblemInterceptor } from '../http/api-problem.interceptor';
import { ApiStatusIndicator } from './api-status-indicator';
import { API_READY_URL } from './api-status.service';

describe('ApiStatusIndicator', () => {
  let fixture: ComponentFixture<ApiStatusIndicator>;
  let httpMock: HttpTestingController;

  beforeEach(async () => {
    TestBed.configureTestingModule({
      providers: [
        provideHttpClient(withInterceptors([apiProblemInterceptor])),
        provideHttpClientTesting(),
      ],
    });
    httpMock = TestBed.inject(HttpTestingController);
    fixture = TestBed.createComponent(ApiStatusIndicator);
    await fixture.whenStable();
  });

  afterEach(() => httpMock.verify());

  const shownText = () => (fixture.nativeElement as HTMLElement).textContent?.trim();

  it('says it is checking until the API answers', () => {
    expect(shownText()).toBe('Checking API…');
    httpMock.expectOne(API_READY_URL).flush({ status: 'ok' });
  });

  it('shows the API as online when the readiness check answers', async () => {
    httpMock.expectOne(API_READY_URL).flush({ status: 'ok' });
    await fixture.whenStable();

    expect(shownText()).toBe('API online');
  });

  it('shows the API as unavailable when it is not ready', async () => {
    flushProblem(httpMock.expectOne(API_READY_URL), {
      title: 'Service Unavailable',
      status: 503,
      detail: 'The database is not reachable.',
    });
    await fixture.whenStable();

    expect(shownText()).toBe('API unavailable');
  });

  it('shows the API as unavailable when the server cannot be reached', async () => {
    failNetwork(httpMock.expectOne(API_READY_URL));
    await fixture.whenStable();

    expect(shownText()).toBe('API unavailable');
  });

  it('checks again when clicked', async () => {
    failNetwork(httpMock.expectOne(API_READY_URL));
    await fixture.whenStable();

    (fixture.nativeElement as HTMLElement).querySelector('button')?.click();
    httpMock.expectOne(API_READY_URL).flush({ status: 'ok' });
    await fixture.whenStable();

    expect(shownText()).toBe('API online');
  });
});
