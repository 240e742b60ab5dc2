import { provideHttpClient, withInterceptors } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { ChangeDetectionStrategy, Component } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { type HarnessLoader } from '@angular/cdk/testing';
import { TestbedHarnessEnvironment } from '@angular/cdk/testing/testbed';
import { MatButtonHarness } from '@angular/material/button/testing';
import { MatCheckboxHarness } from '@angular/material/checkbox/testing';
import { MatInputHarness } from '@angular/material/input/testing';
import { provideRouter, Router } from '@angular/router';
import { RouterTestingHarness } from '@angular/router/testing';
import { confirmMfaEnrollment, getMe, startMfaEnrollment } from '@mtp/api-client';

import { flushProblem } from '../../../testing/problem-responses';
import { aMe, aSession } from '../../../testing/session-fixtures';
import { authInterceptor } from '../../core/auth/auth.interceptor';
import { SessionStore } from '../../core/auth/session-store';
import { SignInFlow } from '../../core/auth/sign-in-flow';
import { apiProblemInterceptor } from '../../core/http/api-problem.interceptor';
import { provideAppIcons } from '../../core/icons/app-icons';
import { FileSaver } from '../../shared/files/file-saver';
import { EnrollmentPage } from './enrollment-page';

@Component({ template: '<p>Elsewhere</p>', changeDetection: ChangeDetectionStrategy.OnPush })
class Elsewhere {}

const SECRET = {
  secret: 'JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP',
  otpauthUrl: 'otpauth://totp/MTP:ada@partner.example?secret=JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP',
  qrCodeDataUrl: 'data:image/svg+xml;base64,PHN2Zy8+',
  accountName: 'ada@partner.example',
};
const CODES = ['AAAAA-BBBBB', 'CCCCC-DDDDD', 'EEEEE-FFFFF', 'GGGGG-HHHHH', 'JJJJJ-KKKKK', 'MMMMM-NNNNN', 'PPPPP-QQQQQ', 'RRRRR-SSSSS', 'TTTTT-UUUUU', 'VVVVV-WWWWW'];

describe('EnrollmentPage', () => {
  let harness: RouterTestingHarness;
  let loader: HarnessLoader;
  let httpMock: HttpTestingController;
  let saveText: jest.Mock;

  beforeEach(async () => {
    localStorage.clear();
    saveText = jest.fn();
    TestBed.configureTestingModule({
      providers: [
        provideRouter([
          { path: 'sign-in/set-up-mfa', component: EnrollmentPage },
          { path: '**', component: Elsewhere },
        ]),
        provideHttpClient(withInterceptors([authInterceptor, apiProblemInterceptor])),
        provideHttpClientTesting(),
        provideAppIcons(),
        { provide: FileSaver, useValue: { saveText } },
      ],
    });
    httpMock = TestBed.inject(HttpTestingController);
    TestBed.inject(SignInFlow).begin({ step: 'enrollment', email: 'ada@partner.example', enrollmentToken: 'enroll-1' });
    harness = await RouterTestingHarness.create('/sign-in/set-up-mfa');
    loader = TestbedHarnessEnvironment.loader(harness.fixture);
  });

  afterEach(() => httpMock.verify());

  const page = () => harness.routeNativeElement as HTMLElement;
  const settle = () => harness.fixture.whenStable();
  const button = (text: string) => loader.getHarness(MatButtonHarness.with({ text }));

  async function showSecret(): Promise<void> {
    const request = httpMock.expectOne(startMfaEnrollment.PATH);
    expect(request.request.headers.get('Authorization')).toBe('Bearer enroll-1');
    request.flush(SECRET);
    await settle();
  }

  async function confirmWith(code: string): Promise<void> {
    await (await loader.getHarness(MatInputHarness)).setValue(code);
    await (await button('Turn on two-step sign-in')).click();
  }

  async function reachCodes(): Promise<void> {
    await showSecret();
    await confirmWith('123456');
    httpMock.expectOne(confirmMfaEnrollment.PATH).flush({ ...aSession(), recoveryCodes: CODES });
    httpMock.expectOne(getMe.PATH).flush(aMe());
    await settle();
  }

  it('explains why, then shows the QR code and the key to type', async () => {
    expect(page().textContent).toContain('Preparing your authenticator key');
    await showSecret();

    expect(page().textContent).toContain('a password alone is not enough');
    expect(page().querySelector('img')?.getAttribute('src')).toBe(SECRET.qrCodeDataUrl);
    expect(page().querySelector('[data-testid="totp-secret"]')?.textContent).toBe(SECRET.secret);
    expect(page().querySelector('button[aria-label="Copy the key"]')).not.toBeNull();
  });

  it('says a wrong first code in words and stays on the step', async () => {
    await showSecret();
    await confirmWith('000000');

    flushProblem(httpMock.expectOne(confirmMfaEnrollment.PATH), { title: 'Unauthorized', status: 401, code: 'auth.mfa_invalid' });
    await settle();

    expect(page().querySelector('[role="alert"]')?.textContent).toContain('That code is not right.');
    expect(TestBed.inject(SessionStore).isSignedIn()).toBe(false);
  });

  it('starts over at the password when the enrollment token has expired', async () => {
    flushProblem(httpMock.expectOne(startMfaEnrollment.PATH), { title: 'Unauthorized', status: 401, code: 'auth.unauthenticated' });
    await settle();

    expect(TestBed.inject(Router).url).toBe('/sign-in');
    expect(TestBed.inject(SignInFlow).notice()?.text).toContain('Your sign-in took too long');
  });

  it('shows the ten recovery codes once confirmed, and Continue waits for "I have saved these codes"', async () => {
    await reachCodes();

    expect(Array.from(page().querySelectorAll('[data-testid="recovery-codes"] li'), (item) => item.textContent)).toEqual(CODES);
    expect(TestBed.inject(SessionStore).isSignedIn()).toBe(true);
    const continueButton = await button('Continue');
    expect(await continueButton.isDisabled()).toBe(true);

    await (await loader.getHarness(MatCheckboxHarness.with({ label: 'I have saved these codes' }))).check();
    expect(await continueButton.isDisabled()).toBe(false);
    await continueButton.click();
    await settle();

    expect(TestBed.inject(Router).url).toBe('/no-access');
  });

  it('downloads the codes as mtp-recovery-codes.txt, one per line, with the account', async () => {
    await reachCodes();

    await (await button('Download')).click();

    expect(saveText).toHaveBeenCalledTimes(1);
    const [fileName, text] = saveText.mock.calls[0] as [string, string];
    expect(fileName).toBe('mtp-recovery-codes.txt');
    expect(text).toContain('Account: ada@partner.example');
    expect(text.split('\n').filter((line) => /^[A-Z0-9]{5}-[A-Z0-9]{5}$/.test(line))).toEqual(CODES);
  });
});
