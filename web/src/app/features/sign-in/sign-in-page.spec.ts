import { provideHttpClient, withInterceptors } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { ChangeDetectionStrategy, Component } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { type HarnessLoader } from '@angular/cdk/testing';
import { TestbedHarnessEnvironment } from '@angular/cdk/testing/testbed';
import { MatButtonHarness } from '@angular/material/button/testing';
import { MatFormFieldHarness } from '@angular/material/form-field/testing';
import { MatInputHarness } from '@angular/material/input/testing';
import { provideRouter, Router, withComponentInputBinding } from '@angular/router';
import { RouterTestingHarness } from '@angular/router/testing';
import { login } from '@mtp/api-client';

import { failNetwork, flushProblem } from '../../../testing/problem-responses';
import { SignInFlow } from '../../core/auth/sign-in-flow';
import { apiDefaultsInterceptor } from '../../core/http/api-defaults.interceptor';
import { apiProblemInterceptor } from '../../core/http/api-problem.interceptor';
import { SignInPage } from './sign-in-page';

@Component({ template: '<p>Next step</p>', changeDetection: ChangeDetectionStrategy.OnPush })
class NextStep {}

describe('SignInPage', () => {
  let harness: RouterTestingHarness;
  let loader: HarnessLoader;
  let httpMock: HttpTestingController;

  async function open(url = '/sign-in'): Promise<void> {
    harness = await RouterTestingHarness.create(url);
    loader = TestbedHarnessEnvironment.loader(harness.fixture);
  }

  beforeEach(() => {
    TestBed.configureTestingModule({
      providers: [
        provideRouter(
          [
            { path: 'sign-in', component: SignInPage },
            { path: '**', component: NextStep },
          ],
          withComponentInputBinding(),
        ),
        provideHttpClient(withInterceptors([apiDefaultsInterceptor, apiProblemInterceptor])),
        provideHttpClientTesting(),
      ],
    });
    httpMock = TestBed.inject(HttpTestingController);
  });

  afterEach(() => httpMock.verify());

  const page = () => harness.routeNativeElement as HTMLElement;
  const input = (control: 'email' | 'password') =>
    loader.getHarness(MatInputHarness.with({ selector: `[formControlName="${control}"]` }));
  const submitButton = () => loader.getHarness(MatButtonHarness.with({ selector: '[type="submit"]' }));
  const banner = () => page().querySelector('[role="alert"]')?.textContent?.trim() ?? null;
  const settle = () => harness.fixture.whenStable();

  async function fillAndSubmit(email: string, password: string): Promise<void> {
    await (await input('email')).setValue(email);
    await (await input('password')).setValue(password);
    await (await submitButton()).click();
  }

  it('refuses an empty form and says what is missing, without calling the API', async () => {
    await open();
    await (await submitButton()).click();

    const errors = await Promise.all((await loader.getAllHarnesses(MatFormFieldHarness)).map((field) => field.getTextErrors()));
    expect(errors).toEqual([['Enter your email address.'], ['Enter your password.']]);
    httpMock.expectNone(login.PATH);
  });

  it('explains a malformed email address', async () => {
    await open();
    await fillAndSubmit('not-an-email', 'secret');

    const emailField = await loader.getHarness(MatFormFieldHarness.with({ floatingLabelText: 'Email' }));
    expect(await emailField.getTextErrors()).toEqual(['Enter an email address like name@example.com.']);
    httpMock.expectNone(login.PATH);
  });

  it('sends what was typed and shows progress while waiting', async () => {
    await open();
    await fillAndSubmit(' ada@partner.example ', 'correct horse');

    const request = httpMock.expectOne(login.PATH);
    expect(request.request.body).toEqual({ email: 'ada@partner.example', password: 'correct horse' });
    const button = await submitButton();
    expect(await button.getText()).toBe('Signing in…');
    expect(await button.isDisabled()).toBe(true);
    expect(page().querySelector('mat-progress-bar')).not.toBeNull();
    request.flush({ status: 'mfa_required', challengeToken: 'c1', expiresIn: 600 });
  });

  it('says a wrong password in words and keeps both values typed', async () => {
    await open();
    await fillAndSubmit('ada@partner.example', 'wrong horse');

    flushProblem(httpMock.expectOne(login.PATH), {
      title: 'Unauthorized',
      status: 401,
      detail: 'Email or password is incorrect',
      code: 'auth.invalid_credentials',
      correlationId: 'req-7f3a',
    });
    await settle();

    expect(banner()).toContain('Email or password is incorrect.');
    expect(banner()).toContain('Reference: req-7f3a');
    expect(await (await input('email')).getValue()).toBe('ada@partner.example');
    expect(await (await input('password')).getValue()).toBe('wrong horse');
    expect(await (await submitButton()).isDisabled()).toBe(false);
    expect(page().querySelector('mat-progress-bar')).toBeNull();
    expect(TestBed.inject(Router).url).toBe('/sign-in');
  });

  it('says how long to wait after too many attempts', async () => {
    await open();
    await fillAndSubmit('ada@partner.example', 'wrong');

    httpMock.expectOne(login.PATH).flush(
      { title: 'Too Many Requests', status: 429, code: 'auth.too_many_attempts', detail: 'Too many attempts; try again in 15 minute(s)' },
      { status: 429, statusText: 'Too Many Requests', headers: { 'Content-Type': 'application/problem+json', 'Retry-After': '900' } },
    );
    await settle();

    expect(banner()).toBe('Too many attempts. Wait 15 minutes, then try again.');
  });

  it('says the server cannot be reached when the network fails', async () => {
    await open();
    await fillAndSubmit('ada@partner.example', 'correct horse');

    failNetwork(httpMock.expectOne(login.PATH));
    await settle();

    expect(banner()).toBe('The portal cannot reach the server. Check your connection and try again.');
  });

  it('clears the old error when trying again', async () => {
    await open();
    await fillAndSubmit('ada@partner.example', 'wrong');
    flushProblem(httpMock.expectOne(login.PATH), { title: 'Unauthorized', status: 401, code: 'auth.invalid_credentials' });
    await settle();
    expect(banner()).not.toBeNull();

    await (await submitButton()).click();

    expect(banner()).toBeNull();
    flushProblem(httpMock.expectOne(login.PATH), { title: 'Unauthorized', status: 401, code: 'auth.invalid_credentials' });
  });

  it.each([
    [{ status: 'mfa_required', challengeToken: 'c1', expiresIn: 600 }, '/sign-in/verify'],
    [{ status: 'mfa_enrollment_required', enrollmentToken: 'e1', expiresIn: 600 }, '/sign-in/set-up-mfa'],
  ])('goes on to the second step the API asks for (%o)', async (answer, url) => {
    await open();
    await fillAndSubmit('ada@partner.example', 'correct horse');

    httpMock.expectOne(login.PATH).flush(answer);
    await settle();

    expect(TestBed.inject(Router).url).toBe(url);
    expect(page().textContent).toContain('Next step');
  });

  it('remembers where the person was going', async () => {
    await open('/sign-in?returnUrl=%2Faccount');
    await fillAndSubmit('ada@partner.example', 'correct horse');
    httpMock.expectOne(login.PATH).flush({ status: 'mfa_required', challengeToken: 'c1', expiresIn: 600 });

    expect(TestBed.inject(SignInFlow).returnUrl()).toBe('/account');
  });

  it('says why the person is back, and fills in the address typed before', async () => {
    const flow = TestBed.inject(SignInFlow);
    flow.begin({ step: 'mfa', email: 'ada@partner.example', challengeToken: 'c1' });
    flow.reset({ text: 'Your session has ended. Sign in again.', tone: 'warning' });
    await open();

    expect(page().querySelector('[role="status"]')?.textContent?.trim()).toBe('Your session has ended. Sign in again.');
    expect(await (await input('email')).getValue()).toBe('ada@partner.example');
  });

  it('links to the forgotten-password page', async () => {
    await open();

    const link = page().querySelector<HTMLAnchorElement>('a[href="/forgot-password"]');
    expect(link?.textContent?.trim()).toBe('Forgot password?');
  });
});
