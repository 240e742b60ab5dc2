import { provideHttpClient, withInterceptors } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { type ComponentFixture, TestBed } from '@angular/core/testing';
import { type HarnessLoader } from '@angular/cdk/testing';
import { TestbedHarnessEnvironment } from '@angular/cdk/testing/testbed';
import { MatButtonHarness } from '@angular/material/button/testing';
import { MatInputHarness } from '@angular/material/input/testing';
import { Router, provideRouter } from '@angular/router';
import { changePassword, getMe, regenerateRecoveryCodes, signOutEverywhere } from '@mtp/api-client';

import { flushProblem } from '../../../testing/problem-responses';
import { aMe, signInAsAda } from '../../../testing/session-fixtures';
import { authInterceptor } from '../../core/auth/auth.interceptor';
import { SessionStore } from '../../core/auth/session-store';
import { apiProblemInterceptor } from '../../core/http/api-problem.interceptor';
import { provideAppIcons } from '../../core/icons/app-icons';
import { FileSaver } from '../../shared/files/file-saver';
import { AccountPage } from './account-page';

const NEW_CODES = Array.from({ length: 10 }, (_, index) => `NEWCO-DE${String(index).padStart(3, '0')}`);

describe('AccountPage', () => {
  let fixture: ComponentFixture<AccountPage>;
  let loader: HarnessLoader;
  let httpMock: HttpTestingController;
  const saveText = jest.fn();

  beforeEach(async () => {
    localStorage.clear();
    TestBed.configureTestingModule({
      providers: [
        provideRouter([{ path: '**', children: [] }]),
        provideHttpClient(withInterceptors([authInterceptor, apiProblemInterceptor])),
        provideHttpClientTesting(),
        provideAppIcons(),
        { provide: FileSaver, useValue: { saveText } },
      ],
    });
    httpMock = TestBed.inject(HttpTestingController);
    signInAsAda(null);
    fixture = TestBed.createComponent(AccountPage);
    loader = TestbedHarnessEnvironment.loader(fixture);
    await fixture.whenStable();
  });

  afterEach(() => httpMock.verify());

  const page = () => fixture.nativeElement as HTMLElement;
  const settle = () => fixture.whenStable();
  const input = (name: string) => loader.getHarness(MatInputHarness.with({ selector: `[formControlName="${name}"]` }));
  const button = (text: string) => loader.getHarness(MatButtonHarness.with({ text }));
  const alerts = () => Array.from(page().querySelectorAll('[role="alert"]'), (alert) => alert.textContent?.trim());

  async function showProfile(me = aMe({ recoveryCodesRemaining: 7 })): Promise<void> {
    httpMock.expectOne(getMe.PATH).flush(me);
    await settle();
  }

  async function fillPasswords(current: string, next: string, confirm: string): Promise<void> {
    await (await input('currentPassword')).setValue(current);
    await (await input('newPassword')).setValue(next);
    await (await input('confirmPassword')).setValue(confirm);
    await (await button('Change password')).click();
  }

  it('loads the account, then shows the profile with MFA and the recovery codes left', async () => {
    expect(page().textContent).toContain('Loading your account…');
    await showProfile();

    const facts = Array.from(page().querySelectorAll('dt'), (term) => `${term.textContent} ${term.nextElementSibling?.textContent}`).join('; ');
    expect(facts).toContain('Name Ada Lovelace');
    expect(facts).toContain('Email ada@partner.example');
    expect(facts).toContain('Last sign-in Nov 20, 2026');
    expect(facts).toContain('Two-step sign-in On (authenticator app)');
    expect(facts).toContain('Recovery codes left 7 of 10');
  });

  it('says when the account cannot be loaded, and tries again', async () => {
    flushProblem(httpMock.expectOne(getMe.PATH), { title: 'Bad Gateway', status: 502 });
    await settle();
    expect(alerts()[0]).toContain('The portal cannot reach the server.');

    await (await button('Try again')).click();
    await showProfile();
    expect(page().querySelector('dl')).not.toBeNull();
  });

  it('shows the password rules and refuses a short or mismatched new password before asking the API', async () => {
    await showProfile();
    expect(page().textContent).toContain('At least 12 characters, and not your email address.');

    await fillPasswords('old password 1', 'short', 'short');
    expect(page().textContent).toContain('Use at least 12 characters.');

    await fillPasswords('old password 1', 'a long new password', 'a long new passw0rd');
    expect(page().textContent).toContain('The two new passwords are not the same.');
    httpMock.expectNone(changePassword.PATH);
  });

  it('changes the password, and says a wrong current password in words', async () => {
    await showProfile();
    await fillPasswords('wrong password', 'a long new password', 'a long new password');

    const refused = httpMock.expectOne(changePassword.PATH);
    expect(refused.request.body).toEqual({ currentPassword: 'wrong password', newPassword: 'a long new password' });
    flushProblem(refused, { title: 'Bad Request', status: 400, code: 'auth.current_password_invalid' });
    await settle();
    expect(alerts()).toContain('Your current password is not right.');
    expect(await (await input('newPassword')).getValue()).toBe('a long new password');

    await (await input('currentPassword')).setValue('old password 1');
    await (await button('Change password')).click();
    httpMock.expectOne(changePassword.PATH).flush(null, { status: 204, statusText: 'No Content' });
    await settle();

    expect(page().textContent).toContain('Your password was changed. Your other sessions were signed out.');
    expect(await (await input('newPassword')).getValue()).toBe('');
  });

  it('makes new recovery codes with a current code, and offers them for download', async () => {
    await showProfile();
    await (await input('code')).setValue('123456');
    await (await button('Make new recovery codes')).click();

    const request = httpMock.expectOne(regenerateRecoveryCodes.PATH);
    expect(request.request.body).toEqual({ code: '123456' });
    request.flush({ recoveryCodes: NEW_CODES });
    await settle();
    httpMock.expectOne(getMe.PATH).flush(aMe({ recoveryCodesRemaining: 10 }));
    await settle();

    expect(Array.from(page().querySelectorAll('[data-testid="recovery-codes"] li'), (item) => item.textContent)).toEqual(NEW_CODES);
    expect(page().querySelector('[data-testid="recovery-codes-remaining"]')?.textContent).toBe('10 of 10');
    await (await button('Download')).click();
    expect(saveText).toHaveBeenCalledWith('mtp-recovery-codes.txt', expect.stringContaining(NEW_CODES.join('\n')));
  });

  it('says a wrong code in words when making new recovery codes', async () => {
    await showProfile();
    await (await input('code')).setValue('000000');
    await (await button('Make new recovery codes')).click();

    flushProblem(httpMock.expectOne(regenerateRecoveryCodes.PATH), { title: 'Bad Request', status: 400, code: 'auth.mfa_invalid' });
    await settle();

    expect(alerts()).toContain('That code is not right. Enter the code your authenticator app shows now.');
  });

  it('signs out everywhere after asking once more', async () => {
    await showProfile();
    await (await button('Sign out everywhere')).click();
    expect(page().textContent).toContain('Sign out everywhere now?');

    await (await button('Yes, sign out everywhere')).click();
    httpMock.expectOne(signOutEverywhere.PATH).flush({ sessionsRevoked: 2 });
    await settle();

    expect(TestBed.inject(SessionStore).isSignedIn()).toBe(false);
    expect(TestBed.inject(Router).url).toBe('/sign-in');
  });
});
