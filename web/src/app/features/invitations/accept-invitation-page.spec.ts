import { provideHttpClient, withInterceptors } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { ChangeDetectionStrategy, Component } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { type HarnessLoader } from '@angular/cdk/testing';
import { TestbedHarnessEnvironment } from '@angular/cdk/testing/testbed';
import { MatButtonHarness } from '@angular/material/button/testing';
import { MatFormFieldHarness } from '@angular/material/form-field/testing';
import { MatInputHarness } from '@angular/material/input/testing';
import { Router, provideRouter, withComponentInputBinding } from '@angular/router';
import { RouterTestingHarness } from '@angular/router/testing';
import { type InvitationPreviewDto, acceptInvitation, lookupInvitation } from '@mtp/api-client';

import { failNetwork, flushProblem } from '../../../testing/problem-responses';
import { SignInFlow } from '../../core/auth/sign-in-flow';
import { apiDefaultsInterceptor } from '../../core/http/api-defaults.interceptor';
import { apiProblemInterceptor } from '../../core/http/api-problem.interceptor';
import { AcceptInvitationPage } from './accept-invitation-page';

@Component({ template: '<p>Next step</p>', changeDetection: ChangeDetectionStrategy.OnPush })
class NextStep {}

const TOKEN = 'inv-token-0123456789abcdef';

function aPreview(overrides: Partial<InvitationPreviewDto> = {}): InvitationPreviewDto {
  return {
    partnerName: 'Contoso IT',
    email: 'grace@contoso.example',
    role: 'helpdesk',
    expiresAt: '2026-12-01T09:00:00.000Z',
    accountExists: false,
    ...overrides,
  };
}

describe('AcceptInvitationPage', () => {
  let harness: RouterTestingHarness;
  let loader: HarnessLoader;
  let httpMock: HttpTestingController;

  beforeEach(() => {
    TestBed.configureTestingModule({
      providers: [
        provideRouter(
          [
            { path: 'accept-invitation', component: AcceptInvitationPage },
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

  async function open(url = `/accept-invitation?token=${TOKEN}`): Promise<void> {
    harness = await RouterTestingHarness.create(url);
    loader = TestbedHarnessEnvironment.loader(harness.fixture);
  }

  /** Opens the link, and answers the look-up with the invitation. */
  async function openInvitation(preview: InvitationPreviewDto): Promise<void> {
    await open();
    const lookup = httpMock.expectOne(lookupInvitation.PATH);
    expect(lookup.request.body).toEqual({ token: TOKEN });
    lookup.flush(preview);
    await settle();
  }

  const page = () => harness.routeNativeElement as HTMLElement;
  const text = () => page().textContent?.replace(/\s+/g, ' ') ?? '';
  const heading = () => page().querySelector('h1')?.textContent?.trim();
  const settle = () => harness.fixture.whenStable();
  const input = (name: string) => loader.getHarness(MatInputHarness.with({ selector: `[formControlName="${name}"]` }));
  const field = (label: string) => loader.getHarness(MatFormFieldHarness.with({ floatingLabelText: label }));
  const submitButton = () => loader.getHarness(MatButtonHarness.with({ selector: '[type="submit"]' }));
  const banner = () => page().querySelector('[role="alert"]')?.textContent?.trim() ?? null;

  it('says the link is incomplete when it has no token, and asks nothing of the API', async () => {
    await open('/accept-invitation');

    expect(text()).toContain('This link is incomplete');
    expect(text()).toContain('ask the owner of the partner that invited you to resend the invitation');
    expect(page().querySelector('form')).toBeNull();
    httpMock.expectNone(lookupInvitation.PATH);
  });

  it('shows progress while the invitation is looked up', async () => {
    await open();

    expect(page().querySelector('[role="status"]')?.textContent).toContain('Opening your invitation…');
    httpMock.expectOne(lookupInvitation.PATH).flush(aPreview());
  });

  it.each([
    ['invitations.expired', 410, 'This invitation has expired', 'Ask the owner of the partner that invited you to resend it'],
    ['invitations.revoked', 410, 'This invitation was withdrawn', 'ask its owner to invite you again'],
    ['invitations.used', 410, 'This invitation was already accepted', 'sign in with your email and password'],
    ['invitations.not_found', 404, 'This invitation link does not work', 'ask the owner of the partner that invited you'],
  ])('explains a link that no longer works (%s)', async (code, status, title, advice) => {
    await open();
    flushProblem(httpMock.expectOne(lookupInvitation.PATH), { title: 'Gone', status, code, correlationId: 'req-1' });
    await settle();

    expect(heading()).toBe(title);
    expect(text()).toContain(advice);
    expect(text()).not.toContain('req-1');
    expect(page().querySelector('[role="alert"]')).toBeNull();
    expect(page().querySelector('form')).toBeNull();
  });

  it('offers to try again when the invitation could not be loaded', async () => {
    await open();
    failNetwork(httpMock.expectOne(lookupInvitation.PATH));
    await settle();

    expect(banner()).toContain('The portal cannot reach the server.');
    await (await loader.getHarness(MatButtonHarness.with({ text: 'Try again' }))).click();

    httpMock.expectOne(lookupInvitation.PATH).flush(aPreview());
    await settle();
    expect(text()).toContain('Contoso IT invited grace@contoso.example to join as helpdesk.');
  });

  describe('without an MTP account', () => {
    it('says who invited whom as what, and what the role may do', async () => {
      await openInvitation(aPreview());

      expect(text()).toContain('Contoso IT invited grace@contoso.example to join as helpdesk.');
      expect(text()).toContain('unlock users, reset their two-step sign-in, suspend and activate them');
      expect(text()).toContain('At least 12 characters');
    });

    it('creates the account with the name and password, then sets up two-step sign-in', async () => {
      await openInvitation(aPreview());
      await (await input('name')).setValue(' Grace Hopper ');
      await (await input('password')).setValue('a long enough password');
      await (await input('confirmPassword')).setValue('a long enough password');
      await (await submitButton()).click();

      const request = httpMock.expectOne(acceptInvitation.PATH);
      expect(request.request.body).toEqual({ token: TOKEN, password: 'a long enough password', name: 'Grace Hopper' });
      expect(await (await submitButton()).isDisabled()).toBe(true);
      request.flush({ status: 'mfa_enrollment_required', enrollmentToken: 'enroll-9', expiresIn: 600 });
      await settle();

      expect(TestBed.inject(Router).url).toBe('/sign-in/set-up-mfa');
      expect(page().textContent).toContain('Next step');
      const flow = TestBed.inject(SignInFlow);
      expect(flow.enrollmentToken()).toBe('enroll-9');
      expect(flow.pending()?.email).toBe('grace@contoso.example');
    });

    it('refuses two different passwords before asking', async () => {
      await openInvitation(aPreview());
      await (await input('name')).setValue('Grace Hopper');
      await (await input('password')).setValue('a long enough password');
      await (await input('confirmPassword')).setValue('another long password');
      await (await submitButton()).click();

      expect(await (await field('Confirm password')).getTextErrors()).toEqual(['The two passwords are not the same.']);
      httpMock.expectNone(acceptInvitation.PATH);
    });

    it('refuses a missing name and a short password before asking', async () => {
      await openInvitation(aPreview());
      await (await input('password')).setValue('short');
      await (await submitButton()).click();

      expect(await (await field('Your name')).getTextErrors()).toEqual(['Enter your name.']);
      expect(await (await field('Password')).getTextErrors()).toEqual(['Use at least 12 characters.']);
      httpMock.expectNone(acceptInvitation.PATH);
    });

    it('puts the API’s refusals on the fields', async () => {
      await openInvitation(aPreview());
      await (await input('name')).setValue('Grace Hopper');
      await (await input('password')).setValue('grace@contoso.example');
      await (await input('confirmPassword')).setValue('grace@contoso.example');
      await (await submitButton()).click();

      flushProblem(httpMock.expectOne(acceptInvitation.PATH), {
        title: 'Bad Request',
        status: 400,
        code: 'request.validation_failed',
        errors: [{ field: 'password', messages: ['Your password must not be your email address.'] }],
      });
      await settle();

      expect(await (await field('Password')).getTextErrors()).toEqual(['Your password must not be your email address.']);
      expect(banner()).toBeNull();
    });

    it('switches to the expired page when the invitation runs out meanwhile', async () => {
      await openInvitation(aPreview());
      await (await input('name')).setValue('Grace Hopper');
      await (await input('password')).setValue('a long enough password');
      await (await input('confirmPassword')).setValue('a long enough password');
      await (await submitButton()).click();

      flushProblem(httpMock.expectOne(acceptInvitation.PATH), { title: 'Gone', status: 410, code: 'invitations.expired' });
      await settle();

      expect(heading()).toBe('This invitation has expired');
      expect(page().querySelector('form')).toBeNull();
    });
  });

  describe('with an MTP account', () => {
    it('asks only for the password, and links to the forgotten-password page', async () => {
      await openInvitation(aPreview({ accountExists: true, role: 'owner' }));

      expect(text()).toContain('You already have an MTP account with this email; enter its password to accept.');
      expect(text()).toContain('An owner manages everything');
      expect(page().querySelector('[formControlName="name"]')).toBeNull();
      expect(page().querySelector('[formControlName="confirmPassword"]')).toBeNull();
      expect(page().querySelector('a[href="/forgot-password"]')?.textContent?.trim()).toBe('Forgot password?');
    });

    it('says a wrong password on the password field', async () => {
      await openInvitation(aPreview({ accountExists: true }));
      await (await input('password')).setValue('wrong');
      await (await submitButton()).click();

      const request = httpMock.expectOne(acceptInvitation.PATH);
      expect(request.request.body).toEqual({ token: TOKEN, password: 'wrong' });
      flushProblem(request, { title: 'Unauthorized', status: 401, code: 'auth.invalid_credentials' });
      await settle();

      expect(await (await field('Password')).getTextErrors()).toEqual([
        'This is not the password of your MTP account. Try again, or reset it.',
      ]);
      expect(TestBed.inject(Router).url).toBe(`/accept-invitation?token=${TOKEN}`);
    });

    it('goes on to the code when the account already has two-step sign-in', async () => {
      await openInvitation(aPreview({ accountExists: true }));
      await (await input('password')).setValue('correct horse');
      await (await submitButton()).click();

      httpMock.expectOne(acceptInvitation.PATH).flush({ status: 'mfa_required', challengeToken: 'c1', expiresIn: 300 });
      await settle();

      expect(TestBed.inject(Router).url).toBe('/sign-in/verify');
      expect(TestBed.inject(SignInFlow).pending()).toEqual({ step: 'mfa', email: 'grace@contoso.example', challengeToken: 'c1' });
    });

    it('says so when the account belongs to another partner', async () => {
      await openInvitation(aPreview({ accountExists: true }));
      await (await input('password')).setValue('correct horse');
      await (await submitButton()).click();

      flushProblem(httpMock.expectOne(acceptInvitation.PATH), { title: 'Conflict', status: 409, code: 'partners.other_partner' });
      await settle();

      expect(banner()).toContain('Your account already belongs to another partner');
    });
  });
});
