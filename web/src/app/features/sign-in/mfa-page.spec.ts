import { provideHttpClient, withInterceptors } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { ChangeDetectionStrategy, Component } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { type HarnessLoader } from '@angular/cdk/testing';
import { TestbedHarnessEnvironment } from '@angular/cdk/testing/testbed';
import { MatButtonHarness } from '@angular/material/button/testing';
import { MatInputHarness } from '@angular/material/input/testing';
import { provideRouter, Router } from '@angular/router';
import { RouterTestingHarness } from '@angular/router/testing';
import { completeMfa, getMe } from '@mtp/api-client';

import { flushProblem } from '../../../testing/problem-responses';
import { aMe, aSession } from '../../../testing/session-fixtures';
import { authInterceptor } from '../../core/auth/auth.interceptor';
import { SignInFlow } from '../../core/auth/sign-in-flow';
import { apiProblemInterceptor } from '../../core/http/api-problem.interceptor';
import { MfaPage } from './mfa-page';

@Component({ template: '<p>Elsewhere</p>', changeDetection: ChangeDetectionStrategy.OnPush })
class Elsewhere {}

const MFA_INVALID = { title: 'Unauthorized', status: 401, code: 'auth.mfa_invalid', correlationId: 'req-1' };

describe('MfaPage', () => {
  let harness: RouterTestingHarness;
  let loader: HarnessLoader;
  let httpMock: HttpTestingController;

  beforeEach(async () => {
    localStorage.clear();
    TestBed.configureTestingModule({
      providers: [
        provideRouter([
          { path: 'sign-in/verify', component: MfaPage },
          { path: '**', component: Elsewhere },
        ]),
        provideHttpClient(withInterceptors([authInterceptor, apiProblemInterceptor])),
        provideHttpClientTesting(),
      ],
    });
    httpMock = TestBed.inject(HttpTestingController);
    TestBed.inject(SignInFlow).begin({ step: 'mfa', email: 'ada@partner.example', challengeToken: 'challenge-1' });
    harness = await RouterTestingHarness.create('/sign-in/verify');
    loader = TestbedHarnessEnvironment.loader(harness.fixture);
  });

  afterEach(() => httpMock.verify());

  const page = () => harness.routeNativeElement as HTMLElement;
  const banner = () => page().querySelector('[role="alert"]')?.textContent?.trim() ?? null;
  const codeInput = () => loader.getHarness(MatInputHarness);
  const button = (text: string) => loader.getHarness(MatButtonHarness.with({ text }));

  async function enter(value: string): Promise<void> {
    await (await codeInput()).setValue(value);
    await (await button('Verify')).click();
  }

  it('asks for the 6-digit code the way phones fill it in', async () => {
    const input = page().querySelector('input')!;

    expect(input.getAttribute('autocomplete')).toBe('one-time-code');
    expect(input.getAttribute('inputmode')).toBe('numeric');
    expect(page().textContent).toContain('Signing in as ada@partner.example');
  });

  it('refuses something that is not 6 digits without calling the API', async () => {
    await enter('12345');

    expect(page().textContent).toContain('The code is 6 digits.');
    httpMock.expectNone(completeMfa.PATH);
  });

  it('says a wrong code in words and keeps it typed', async () => {
    await enter('123 456');

    const request = httpMock.expectOne(completeMfa.PATH);
    expect(request.request.body).toEqual({ challengeToken: 'challenge-1', code: '123456' });
    flushProblem(request, { ...MFA_INVALID, detail: 'That code is not valid' });
    await harness.fixture.whenStable();

    expect(banner()).toContain('That code is not right. Enter the code your authenticator app shows now.');
    expect(await (await codeInput()).getValue()).toBe('123 456');
    expect(TestBed.inject(Router).url).toBe('/sign-in/verify');
  });

  it('takes a recovery code instead, and says when it is not valid', async () => {
    await (await button('Use a recovery code')).click();
    const input = await codeInput();
    expect(await input.getValue()).toBe('');
    await input.setValue(' abcde-fghjk ');
    await (await button('Verify')).click();

    const request = httpMock.expectOne(completeMfa.PATH);
    expect(request.request.body).toEqual({ challengeToken: 'challenge-1', recoveryCode: 'abcde-fghjk' });
    flushProblem(request, MFA_INVALID);
    await harness.fixture.whenStable();

    expect(banner()).toContain('That recovery code is not valid, or it was already used.');
  });

  it('sends the person back to the password step when the sign-in has expired', async () => {
    await enter('123456');

    flushProblem(httpMock.expectOne(completeMfa.PATH), { title: 'Unauthorized', status: 401, code: 'auth.challenge_invalid' });
    await harness.fixture.whenStable();

    const flow = TestBed.inject(SignInFlow);
    expect(TestBed.inject(Router).url).toBe('/sign-in');
    expect(flow.pending()).toBeNull();
    expect(flow.notice()?.text).toBe('Your sign-in took too long. Enter your email and password again.');
  });

  it.each([
    [aMe(), '/no-access'],
    [aMe({ partnerMemberships: [{ partnerId: 'p1', partnerName: 'Northwind', role: 'administrator' }] }), '/'],
    [aMe({ orgMemberships: [{ orgId: '5f0c1e2d3c4b5a6978877665', orgName: 'Acme' }] }), '/orgs/5f0c1e2d3c4b5a6978877665'],
  ])('signs in and goes where the memberships lead (%#)', async (me, url) => {
    await enter('123456');

    httpMock.expectOne(completeMfa.PATH).flush(aSession());
    httpMock.expectOne(getMe.PATH).flush(me);
    await harness.fixture.whenStable();

    expect(TestBed.inject(Router).url).toBe(url);
  });
});
