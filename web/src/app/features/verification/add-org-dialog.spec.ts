import { TestbedHarnessEnvironment } from '@angular/cdk/testing/testbed';
import { type HttpTestingController } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { MatDialog } from '@angular/material/dialog';
import { MatTabGroupHarness } from '@angular/material/tabs/testing';
import { RouterTestingHarness } from '@angular/router/testing';

import { ACME, buttonIn, expectCall, openDialog, settle, text } from '../../../testing/org-console-fixtures';
import { flushProblem } from '../../../testing/problem-responses';
import { aPartnerOrg, anOrgPage, partnerPath, setUpPartner } from '../partner/testing/partner-fixtures';
import { VERIFICATIONS, aVerification, flushTooMany, neutralMessage } from './testing/verification-fixtures';

const ORGS = partnerPath('/orgs');
const CODE = `${VERIFICATIONS}/v1/code`;

// The first test of the file compiles the whole routed page, which takes several seconds on a busy machine.
jest.setTimeout(30_000);

describe('adding an existing organization from the Organizations page', () => {
  let http: HttpTestingController;
  let harness: RouterTestingHarness;

  afterEach(() => http.verify());

  async function openPage(role: string): Promise<void> {
    http = setUpPartner(role);
    harness = await RouterTestingHarness.create('/partner/orgs');
    await settle(harness);
    expectCall(http, ORGS).flush(anOrgPage([aPartnerOrg(ACME)]));
    await settle(harness);
  }

  const page = () => harness.routeNativeElement as HTMLElement;
  const dialog = () => openDialog() as HTMLElement;
  const snackBar = () => text(document.querySelector('mat-snack-bar-container'));
  const errors = () => Array.from(dialog().querySelectorAll('mat-error'), (error) => text(error));

  async function type(name: string, value: string): Promise<void> {
    const input = dialog().querySelector<HTMLInputElement>(`[formcontrolname="${name}"]`)!;
    input.value = value;
    input.dispatchEvent(new Event('input'));
    await settle(harness);
  }

  async function click(label: string): Promise<void> {
    buttonIn(dialog(), label).click();
    await settle(harness);
  }

  /** Opens the dialog and asks for a code; the API takes the request. */
  async function requestCode(): Promise<void> {
    buttonIn(page(), 'Add organization').click();
    await settle(harness);
    await type('orgId', ` ${ACME.orgId.toUpperCase()} `);
    await type('email', 'it@acme.example');
    await click('Send code');
    const request = expectCall(http, VERIFICATIONS, 'POST');
    expect(request.request.body).toEqual({ orgId: ACME.orgId, email: 'it@acme.example' });
    request.flush(aVerification(), { status: 202, statusText: 'Accepted' });
    await settle(harness);
  }

  it.each(['owner', 'admin'])('offers an %s to add an organization', async (role) => {
    await openPage(role);
    expect(buttonIn(page(), 'Add organization')).toBeTruthy();
  });

  it.each(['manager', 'helpdesk', 'readonly'])('offers a %s no way to add one, as the API would refuse', async (role) => {
    await openPage(role);
    expect(() => buttonIn(page(), 'Add organization')).toThrow();
  });

  describe('for an owner', () => {
    beforeEach(() => openPage('owner'));

    it('checks the OrgID and email before asking the API', async () => {
      buttonIn(page(), 'Add organization').click();
      await settle(harness);
      await type('orgId', 'not-an-org-id');
      await type('email', 'nobody');
      await click('Send code');

      http.expectNone((request) => request.method === 'POST');
      expect(errors()).toEqual(['An OrgID has 24 characters: digits and the letters a to f.', 'Enter a valid email address.']);
    });

    it('shows the API’s neutral answer, then verifies the code as the API expects it and refreshes the table', async () => {
      await requestCode();

      expect(text(dialog())).toContain(neutralMessage('it@acme.example', ACME.orgId));
      expect(text(dialog())).toContain('Enter the 8-character code sent to it@acme.example');
      expect(dialog().querySelector('[formcontrolname="code"]')?.getAttribute('maxlength')).toBe('10');

      await type('code', 'ab12-cd 34');
      await click('Verify');
      const submitted = expectCall(http, CODE, 'POST');
      expect(submitted.request.body).toEqual({ code: 'AB12CD34' });
      submitted.flush({ orgId: ACME.orgId, name: ACME.orgName, associatedSince: '2026-11-20T09:10:00.000Z' });
      await settle(harness);

      expect(document.querySelectorAll('mat-dialog-container')).toHaveLength(0);
      expect(snackBar()).toContain('Acme Manufacturing is now managed by your partner');
      expectCall(http, ORGS).flush(anOrgPage([aPartnerOrg(ACME)]));
    });

    it('refuses a code of the wrong shape without spending an attempt', async () => {
      await requestCode();
      await type('code', 'ABCD-EFU');
      await click('Verify');

      http.expectNone(CODE);
      expect(errors()).toEqual(['A code has 8 letters and digits, as in the email.']);
    });

    it('says on the field that a code is wrong, with the attempts left the API counts', async () => {
      await requestCode();
      await type('code', 'AB12CD35');
      await click('Verify');
      flushProblem(expectCall(http, CODE, 'POST'), {
        title: 'Bad Request', status: 400, code: 'verification.code_invalid', detail: 'That code is not right; 3 attempts left.',
      });
      await settle(harness);

      expect(errors()).toEqual(['That code is not right; 3 attempts left.']);
      expect(openDialog()).not.toBeNull();
    });

    it('offers a new code when the code has expired, and says it was sent', async () => {
      await requestCode();
      await type('code', 'AB12CD34');
      await click('Verify');
      flushProblem(expectCall(http, CODE, 'POST'), { title: 'Gone', status: 410, code: 'verification.expired' });
      await settle(harness);
      expect(text(dialog().querySelector('[role="alert"]'))).toContain('This code has expired');

      await click('Send a new code');
      expectCall(http, `${VERIFICATIONS}/v1/resend`, 'POST').flush(aVerification({ sentCount: 2, message: 'A new code is on its way.' }));
      await settle(harness);

      expect(dialog().querySelector('[role="alert"]')).toBeNull();
      expect(text(dialog())).toContain('A new code is on its way.');
    });

    it('offers to ask again when the request went void after too many wrong codes', async () => {
      await requestCode();
      await type('code', 'AB12CD34');
      await click('Verify');
      flushProblem(expectCall(http, CODE, 'POST'), { title: 'Gone', status: 410, code: 'verification.void' });
      await settle(harness);

      expect(text(dialog().querySelector('[role="alert"]'))).toContain('can no longer be completed');
      // The API refuses a new code for a void request: only a new request can work.
      expect(() => buttonIn(dialog(), 'Send a new code')).toThrow();
      expect(() => buttonIn(dialog(), 'Verify')).toThrow();
      await click('Start a new request');

      expect(dialog().querySelector<HTMLInputElement>('[formcontrolname="orgId"]')?.value).toBe(ACME.orgId);
      await click('Send code');
      const again = expectCall(http, VERIFICATIONS, 'POST');
      expect(again.request.body).toEqual({ orgId: ACME.orgId, email: 'it@acme.example' });
      again.flush(aVerification({ id: 'v2' }), { status: 202, statusText: 'Accepted' });
      await settle(harness);
      expect(text(dialog())).toContain('Enter the 8-character code sent to it@acme.example');
    });

    it('says so when another partner got the organization first, and offers only to close', async () => {
      await requestCode();
      await type('code', 'AB12CD34');
      await click('Verify');
      flushProblem(expectCall(http, CODE, 'POST'), { title: 'Conflict', status: 409, code: 'partners.org_associated' });
      await settle(harness);

      expect(text(dialog().querySelector('[role="alert"]'))).toContain('already managed by a partner');
      expect(() => buttonIn(dialog(), 'Verify')).toThrow();
      await click('Close');
      expect(document.querySelectorAll('mat-dialog-container')).toHaveLength(0);
    });

    it('leaves the request pending when the code is to be entered later', async () => {
      await requestCode();
      await click('I’ll enter the code later');

      expect(document.querySelectorAll('mat-dialog-container')).toHaveLength(0);
      expect(snackBar()).toContain('The request waits under Verifications');
      // The table is not asked again: a pending request adds no organization to it.
    });

    it('still says where the request waits when the dialog is closed another way', async () => {
      await requestCode();
      TestBed.inject(MatDialog).closeAll();
      await settle(harness);

      expect(snackBar()).toContain('The request waits under Verifications until you enter the code sent to it@acme.example');
    });

    it('says when too many codes were asked for, with how long to wait', async () => {
      buttonIn(page(), 'Add organization').click();
      await settle(harness);
      await type('orgId', ACME.orgId);
      await type('email', 'it@acme.example');
      await click('Send code');
      flushTooMany(expectCall(http, VERIFICATIONS, 'POST'), 300);
      await settle(harness);

      expect(text(dialog().querySelector('[role="alert"]'))).toBe('Too many verification requests for now. Wait about 5 minutes, then try again.');
    });

    it('has a tab for each way of adding an organization', async () => {
      buttonIn(page(), 'Add organization').click();
      await settle(harness);
      const tabs = await TestbedHarnessEnvironment.documentRootLoader(harness.fixture).getHarness(MatTabGroupHarness.with({ selector: 'mat-dialog-container mat-tab-group' }));
      expect(await Promise.all((await tabs.getTabs()).map((tab) => tab.getLabel()))).toEqual(['Existing organization', 'New organization']);
    });
  });
});
