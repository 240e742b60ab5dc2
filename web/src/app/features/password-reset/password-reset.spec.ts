import { provideHttpClient, withInterceptors } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { type HarnessLoader } from '@angular/cdk/testing';
import { TestbedHarnessEnvironment } from '@angular/cdk/testing/testbed';
import { MatButtonHarness } from '@angular/material/button/testing';
import { MatInputHarness } from '@angular/material/input/testing';
import { provideRouter, withComponentInputBinding } from '@angular/router';
import { RouterTestingHarness } from '@angular/router/testing';
import { requestPasswordReset, resetPassword } from '@mtp/api-client';

import { flushProblem } from '../../../testing/problem-responses';
import { signInAsAda } from '../../../testing/session-fixtures';
import { SessionStore } from '../../core/auth/session-store';
import { apiProblemInterceptor } from '../../core/http/api-problem.interceptor';
import { ForgotPasswordPage } from './forgot-password-page';
import { ResetPasswordPage } from './reset-password-page';

describe('password reset pages', () => {
  let harness: RouterTestingHarness;
  let loader: HarnessLoader;
  let httpMock: HttpTestingController;

  beforeEach(() => {
    localStorage.clear();
    TestBed.configureTestingModule({
      providers: [
        provideRouter(
          [
            { path: 'forgot-password', component: ForgotPasswordPage },
            { path: 'reset-password', component: ResetPasswordPage },
            { path: '**', children: [] },
          ],
          withComponentInputBinding(),
        ),
        provideHttpClient(withInterceptors([apiProblemInterceptor])),
        provideHttpClientTesting(),
      ],
    });
    httpMock = TestBed.inject(HttpTestingController);
  });

  afterEach(() => httpMock.verify());

  async function open(url: string): Promise<void> {
    harness = await RouterTestingHarness.create(url);
    loader = TestbedHarnessEnvironment.loader(harness.fixture);
  }

  const page = () => harness.routeNativeElement as HTMLElement;
  const settle = () => harness.fixture.whenStable();
  const input = (name: string) => loader.getHarness(MatInputHarness.with({ selector: `[formControlName="${name}"]` }));
  const button = (text: string) => loader.getHarness(MatButtonHarness.with({ text }));

  describe('forgot password', () => {
    it('asks for a link and answers the same neutral sentence whoever the address belongs to', async () => {
      await open('/forgot-password');
      await (await input('email')).setValue('someone@partner.example');
      await (await button('Email me a link')).click();

      const request = httpMock.expectOne(requestPasswordReset.PATH);
      expect(request.request.body).toEqual({ email: 'someone@partner.example' });
      request.flush('', { status: 202, statusText: 'Accepted' });
      await settle();

      expect(page().querySelector('[role="status"]')?.textContent?.trim()).toBe(
        'If an account uses someone@partner.example, an email with a link to choose a new password is on its way. The link works once, for 30 minutes. No email? Check your spam folder, or ask again.',
      );
    });

    it('says what is wrong with the address before asking', async () => {
      await open('/forgot-password');
      await (await input('email')).setValue('not an email');
      await (await button('Email me a link')).click();

      expect(page().textContent).toContain('Enter an email address like name@example.com.');
      httpMock.expectNone(requestPasswordReset.PATH);
    });
  });

  describe('reset password', () => {
    async function choose(password: string, confirm = password): Promise<void> {
      await (await input('newPassword')).setValue(password);
      await (await input('confirmPassword')).setValue(confirm);
      await (await button('Save the new password')).click();
    }

    it('sets the new password with the token from the link, then signs this browser out too', async () => {
      signInAsAda();
      await open('/reset-password?token=tok-123');
      await choose('a brand new password');

      const request = httpMock.expectOne(resetPassword.PATH);
      expect(request.request.body).toEqual({ token: 'tok-123', newPassword: 'a brand new password' });
      request.flush('', { status: 204, statusText: 'No Content' });
      await settle();

      expect(page().textContent).toContain('Your password was changed');
      expect(page().querySelector('a[href="/sign-in"]')).not.toBeNull();
      expect(TestBed.inject(SessionStore).isSignedIn()).toBe(false);
    });

    it('shows the rules and refuses a short password before asking', async () => {
      await open('/reset-password?token=tok-123');
      expect(page().textContent).toContain('At least 12 characters');

      await choose('too short');

      expect(page().textContent).toContain('Use at least 12 characters.');
      httpMock.expectNone(resetPassword.PATH);
    });

    it('says when the link is used up or expired, and offers a new one', async () => {
      await open('/reset-password?token=tok-123');
      await choose('a brand new password');

      flushProblem(httpMock.expectOne(resetPassword.PATH), { title: 'Bad Request', status: 400, code: 'auth.reset_link_invalid' });
      await settle();

      const alert = page().querySelector('[role="alert"]');
      expect(alert?.textContent).toContain('This reset link is not valid: it has expired or was already used.');
      expect(alert?.querySelector('a[href="/forgot-password"]')?.textContent).toBe('Ask for a new link');
    });

    it('treats a token cut short as a bad link, not as a form mistake', async () => {
      await open('/reset-password?token=abc');
      await choose('a brand new password');

      flushProblem(httpMock.expectOne(resetPassword.PATH), {
        title: 'Bad Request',
        status: 400,
        code: 'request.validation_failed',
        errors: [{ field: 'token', messages: ['token must be longer than or equal to 20 characters'] }],
      });
      await settle();

      const alert = page().querySelector('[role="alert"]');
      expect(alert?.textContent).toContain('This reset link is not valid');
      expect(alert?.querySelector('a[href="/forgot-password"]')).not.toBeNull();
    });

    it('says the link is incomplete when it has no token', async () => {
      await open('/reset-password');

      expect(page().querySelector('[role="alert"]')?.textContent).toContain('This link is incomplete');
      expect(page().querySelector('form')).toBeNull();
    });
  });
});
