import { provideHttpClient, withInterceptors } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { type ActivatedRouteSnapshot, type CanActivateFn, Router, type RouterStateSnapshot, UrlTree, provideRouter } from '@angular/router';
import { RouterTestingHarness } from '@angular/router/testing';
import { getMe } from '@mtp/api-client';
import { type Observable, firstValueFrom, isObservable } from 'rxjs';

import { flushProblem } from '../../../testing/problem-responses';
import { aMe, signInAsAda } from '../../../testing/session-fixtures';
import { routes } from '../../app.routes';
import { apiProblemInterceptor } from '../../core/http/api-problem.interceptor';
import { provideAppIcons } from '../../core/icons/app-icons';
import { PARTNER_ROUTES } from './partner.routes';
import { ADMINS_VIEWERS } from './partner-role';
import { partnerRoleGuard } from './partner-role.guard';
import { NORTHWIND } from './testing/partner-fixtures';

describe('partnerRoleGuard', () => {
  let http: HttpTestingController;

  beforeEach(() => {
    localStorage.clear();
    TestBed.configureTestingModule({
      providers: [provideRouter(routes), provideHttpClient(withInterceptors([apiProblemInterceptor])), provideHttpClientTesting(), provideAppIcons()],
    });
    http = TestBed.inject(HttpTestingController);
  });
  afterEach(() => http.verify());

  const member = (role: string) => aMe({ partnerMemberships: [{ ...NORTHWIND, role }] });
  const run = () =>
    TestBed.runInInjectionContext(() => partnerRoleGuard(ADMINS_VIEWERS)({} as ActivatedRouteSnapshot, { url: '/partner/admins' } as RouterStateSnapshot));
  const serialized = (result: unknown) => (result instanceof UrlTree ? TestBed.inject(Router).serializeUrl(result) : result);

  it('lets in a member whose role may open the page', () => {
    signInAsAda(member('admin'));
    expect(run()).toBe(true);
  });

  it.each([
    ['an admin of no partner', aMe()],
    ['a member whose role may not open the page', member('helpdesk')],
  ])('sends %s home', (_who, me) => {
    signInAsAda(me);
    expect(serialized(run())).toBe('/');
  });

  it('asks who is signed in first when that is not known yet (right after a reload)', async () => {
    signInAsAda(null);
    const decision = firstValueFrom(run() as Observable<unknown>);
    http.expectOne(getMe.PATH).flush(member('owner'));
    expect(await decision).toBe(true);
  });

  it('sends home when who is signed in cannot be loaded', async () => {
    signInAsAda(null);
    const result = run();
    expect(isObservable(result)).toBe(true);
    const decision = firstValueFrom(result as Observable<unknown>);
    flushProblem(http.expectOne(getMe.PATH), { title: 'Service Unavailable', status: 503 });
    expect(serialized(await decision)).toBe('/');
  });

  it('keeps a non-member off the partner pages in the app', async () => {
    signInAsAda(aMe());
    await RouterTestingHarness.create('/partner/settings');
    expect(TestBed.inject(Router).url).toBe('/');
  });

  it.each(['owner', 'admin', 'manager', 'helpdesk', 'readonly'])('opens the Organizations page to a %s, and to no one of no partner', (role) => {
    const orgs = PARTNER_ROUTES.find((route) => route.path === 'orgs')!;
    const decide = () =>
      TestBed.runInInjectionContext(() =>
        (orgs.canActivate![0] as CanActivateFn)({} as ActivatedRouteSnapshot, { url: '/partner/orgs' } as RouterStateSnapshot),
      );

    signInAsAda(member(role));
    expect(decide()).toBe(true);
    signInAsAda(aMe());
    expect(serialized(decide())).toBe('/');
  });
});
