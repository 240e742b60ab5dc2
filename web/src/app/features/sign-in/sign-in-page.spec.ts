import { provideHttpClient, withInterceptors } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { ChangeDetectionStrategy, Component } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { type HarnessLoader } from '@angular/cdk/testing';
import { TestbedHarnessEnvironment } from '@angular/cdk/testing/testbed';
import { MatButtonHarness } from '@angular/material/button/testing';
import { MatFormFieldHarness } from '@angular/material/form-field/testing';
import { MatInputHarness } from '@angular/material/input/testing';
import { provideRouter, Router } from '@angular/router';
import { RouterTestingHarness } from '@angular/router/testing';

import { failNetwork, flushProblem } from '../../../testing/problem-responses';
import { SIGN_IN_URL } from '../../core/auth/auth.service';
import { apiDefaultsInterceptor } from '../../core/http/api-defaults.interceptor';
import { apiProblemInterceptor } from '../../core/http/api-problem.interceptor';
import { SignInPage } from './sign-in-page';

@Component({ template: '<p>Home page</p>', changeDetection: ChangeDetectionStrategy.OnPush })
class FakeHome {}

describe('SignInPage', () => {
  let harness: RouterTestingHarness;
  let loader: HarnessLoader;
  let httpMock: HttpTestingController;

  beforeEach(async () => {
    TestBed.configureTestingModule({
      providers: [
        provideRouter([
          { path: '', component: FakeHome },
          { path: 'sign-in', component: SignInPage },
        ]),
        provideHttpClient(withInterceptors([apiDefaultsInterceptor, apiProblemInterceptor])),
        provideHttpClientTesting(),
      ],
    });
    httpMock = TestBed.inject(HttpTestingController);
    harness = await RouterTestingHarness.create('/sign-in');
    loader = TestbedHarnessEnvironment.loader(harness.fixture);
  });

  afterEach(() => httpMock.verify());

  const page = () => harness.routeNativeElement as HTMLElement;
  const input = (control: 'email' | 'password') =>
    loader.getHarness(MatInputHarness.with({ selector: `[formControlName="${control}"]` }));
  const submitButton = () =>
    loader.getHarness(MatButtonHarness.with({ selector: '[type="submit"]' }));
  const banner = () => page().querySelector('[role="alert"]')?.textContent?.trim() ?? null;

  async function fillAndSubmit(email: string, password: string): Promise<void> {
    await (await input('email')).setValue(email);
    await (await input('password')).setValue(password);
    await (await submitButton()).click();
  }

  async function settle(): Promise<void> {
    await harness.fixture.whenStable();
  }

  it('refuses an empty form and says what is missing, without calling the API', async () => {
    await (await submitButton()).click();

    const errors = await Promise.all(
      (await loader.getAllHarnesses(MatFormFieldHarness)).map((field) => field.getTextErrors()),
    );
    expect(errors).toEqual([['Enter your email address.'], ['Enter your password.']]);
    httpMock.expectNone(SIGN_IN_URL);
  });

  it('explains a malformed email address', async () => {
    await fillAndSubmit('not-an-email', 'secret');

    const emailField = await loader.getHarness(MatFormFieldHarness.with({ floatingLabelText: 'Email' }));
    expect(await emailField.getTextErrors()).toEqual(['Enter an email address like name@example.com.']);
    httpMock.expectNone(SIGN_IN_URL);
  });

  it('sends what was typed and shows progress while waiting', async () => {
    await fillAndSubmit(' ada@partner.example ', 'correct horse');

    const request = httpMock.expectOne(SIGN_IN_URL);
    expect(request.request.body).toEqual({ email: 'ada@partner.example', password: 'correct horse' });
    const button = await submitButton();
    expect(await button.getText()).toBe('Signing in…');
    expect(await button.isDisabled()).toBe(true);
    expect(page().querySelector('mat-progress-bar')).not.toBeNull();
    request.flush({});
  });

  it('shows the detail of a 404 problem while sign-in is not available, and keeps the form', async () => {
    await fillAndSubmit('ada@partner.example', 'correct horse');

    flushProblem(httpMock.expectOne(SIGN_IN_URL), {
      title: 'Not Found',
      status: 404,
      detail: 'Cannot POST /api/v1/auth/login',
      code: 'http.not_found',
      correlationId: 'req-7f3a',
    });
    await settle();

    expect(banner()).toContain('Cannot POST /api/v1/auth/login');
    expect(banner()).toContain('Reference: req-7f3a');
    expect(await (await input('email')).getValue()).toBe('ada@partner.example');
    expect(await (await input('password')).getValue()).toBe('correct horse');
    expect(await (await submitButton()).isDisabled()).toBe(false);
    expect(page().querySelector('mat-progress-bar')).toBeNull();
  });

  it('shows the detail of a 401 problem and keeps the email typed', async () => {
    await fillAndSubmit('ada@partner.example', 'wrong');

    flushProblem(httpMock.expectOne(SIGN_IN_URL), {
      title: 'Unauthorized',
      status: 401,
      detail: 'Email or password is incorrect.',
    });
    await settle();

    expect(banner()).toBe('Email or password is incorrect.');
    expect(await (await input('email')).getValue()).toBe('ada@partner.example');
    expect(TestBed.inject(Router).url).toBe('/sign-in');
  });

  it('says the server cannot be reached when the network fails', async () => {
    await fillAndSubmit('ada@partner.example', 'correct horse');

    failNetwork(httpMock.expectOne(SIGN_IN_URL));
    await settle();

    expect(banner()).toBe('The portal cannot reach the server. Check your connection and try again.');
  });

  it('clears the old error when trying again', async () => {
    await fillAndSubmit('ada@partner.example', 'wrong');
    flushProblem(httpMock.expectOne(SIGN_IN_URL), { title: 'Too Many Requests', status: 429 });
    await settle();
    expect(banner()).toBe('Too many attempts, try again later.');

    await (await submitButton()).click();

    expect(banner()).toBeNull();
    httpMock.expectOne(SIGN_IN_URL).flush({});
  });

  it('goes to the home page after a successful sign-in', async () => {
    await fillAndSubmit('ada@partner.example', 'correct horse');

    httpMock.expectOne(SIGN_IN_URL).flush({});
    await settle();

    expect(TestBed.inject(Router).url).toBe('/');
    expect(page().textContent).toContain('Home page');
  });
});
