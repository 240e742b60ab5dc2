import { provideHttpClient, withInterceptors } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { provideRouter, withComponentInputBinding } from '@angular/router';
import { RouterTestingHarness } from '@angular/router/testing';
import { getMe } from '@mtp/api-client';

import { aMe, signInAsAda } from '../../../testing/session-fixtures';
import { authInterceptor } from '../../core/auth/auth.interceptor';
import { apiProblemInterceptor } from '../../core/http/api-problem.interceptor';
import { ChoosePage } from './choose-page';
import { NoAccessPage } from './no-access-page';

const PARTNER = { partnerId: 'p1', partnerName: 'Northwind MSP', role: 'administrator' };
const ACME = { orgId: '5f0c1e2d3c4b5a6978877665', orgName: 'Acme Corp' };

describe('pages after sign-in', () => {
  let harness: RouterTestingHarness;
  let httpMock: HttpTestingController;

  beforeEach(() => {
    localStorage.clear();
    TestBed.configureTestingModule({
      providers: [
        provideRouter(
          [
            { path: 'choose', component: ChoosePage },
            { path: 'no-access', component: NoAccessPage },
            { path: '**', children: [] },
          ],
          withComponentInputBinding(),
        ),
        provideHttpClient(withInterceptors([authInterceptor, apiProblemInterceptor])),
        provideHttpClientTesting(),
      ],
    });
    httpMock = TestBed.inject(HttpTestingController);
  });

  afterEach(() => httpMock.verify());

  const text = () => (harness.routeNativeElement as HTMLElement).textContent?.replace(/\s+/g, ' ') ?? '';
  const links = () =>
    Array.from((harness.routeNativeElement as HTMLElement).querySelectorAll('a'), (link) => link.getAttribute('href'));

  it('offers the partner portal and each own organization to an admin of both', async () => {
    signInAsAda(aMe({ partnerMemberships: [PARTNER], orgMemberships: [ACME] }));
    harness = await RouterTestingHarness.create('/choose');

    expect(text()).toContain('Northwind MSP');
    expect(text()).toContain('Your role: administrator');
    expect(text()).toContain('Acme Corp');
    expect(links()).toEqual(['/', `/orgs/${ACME.orgId}`]);
  });

  it('tells an admin without memberships that there is no access yet, and what to do', async () => {
    signInAsAda(aMe());
    harness = await RouterTestingHarness.create('/no-access');

    expect(text()).toContain('You are signed in as Ada Lovelace');
    expect(text()).toContain('Access is by invitation');
  });

  it('loads who is signed in when it is not known yet', async () => {
    signInAsAda(null);
    harness = await RouterTestingHarness.create('/no-access');
    expect(text()).toContain('Checking your access…');

    httpMock.expectOne(getMe.PATH).flush(aMe());
    await harness.fixture.whenStable();

    expect(text()).toContain('Access is by invitation');
  });
});
