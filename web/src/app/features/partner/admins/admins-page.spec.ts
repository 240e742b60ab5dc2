import { TestbedHarnessEnvironment } from '@angular/cdk/testing/testbed';
import { type HttpTestingController } from '@angular/common/http/testing';
import { MatMenuHarness } from '@angular/material/menu/testing';
import { RouterTestingHarness } from '@angular/router/testing';

import { buttonIn, expectCall, openDialog, settle, text } from '../../../../testing/org-console-fixtures';
import { flushProblem } from '../../../../testing/problem-responses';
import { aHelpdesk, anAdmin, anInvitation, partnerPath, setUpPartner } from '../testing/partner-fixtures';

const ADMINS = partnerPath('/admins');
const INVITATIONS = partnerPath('/invitations');

describe('the partner admins page', () => {
  let http: HttpTestingController;
  let harness: RouterTestingHarness;

  afterEach(() => http.verify());

  const page = () => harness.routeNativeElement as HTMLElement;
  const row = (email: string) => text(page().querySelector(`tr[data-email="${email}"]`));
  const rowMenu = (email: string) =>
    TestbedHarnessEnvironment.documentRootLoader(harness.fixture).getHarness(MatMenuHarness.with({ selector: `[aria-label="Actions for ${email}"]` }));

  async function open(role: string): Promise<void> {
    http = setUpPartner(role);
    harness = await RouterTestingHarness.create('/partner/admins');
    await settle(harness);
  }

  describe('for an owner', () => {
    beforeEach(async () => {
      await open('owner');
      expectCall(http, ADMINS).flush([anAdmin(), aHelpdesk()]);
      expectCall(http, INVITATIONS).flush([anInvitation(), anInvitation({ id: 'i2', email: 'old@partner.example', status: 'expired', sentCount: 1 })]);
      await settle(harness);
    });

    it('lists the admins with their role, reach and status, marking the caller', () => {
      expect(text(page().querySelector('h1'))).toBe('Partner admins');
      expect(row('ada@partner.example')).toContain('Ada Lovelace (you)');
      expect(row('ada@partner.example')).toContain('Owner');
      expect(row('ada@partner.example')).toContain('All organizations');
      expect(row('ada@partner.example')).toContain('Active');
      expect(row('grace@partner.example')).toContain('Helpdesk');
      expect(row('grace@partner.example')).toContain('Acme Manufacturing, Globex Retail +1 more');
      expect(row('grace@partner.example')).toContain('Never');
    });

    it('lists the invitations, offering Resend while one can be sent and Revoke while one is pending', () => {
      const pending = page().querySelector('mtp-invitations-table tr[data-email="new@partner.example"]')!;
      expect(text(pending)).toContain('Pending');
      expect(text(pending)).toContain('2 times');
      expect(Array.from(pending.querySelectorAll('button'), (button) => text(button))).toEqual(['Resend', 'Revoke']);
      const expired = page().querySelector('mtp-invitations-table tr[data-email="old@partner.example"]')!;
      expect(text(expired)).toContain('Expired');
      expect(Array.from(expired.querySelectorAll('button'), (button) => text(button))).toEqual(['Resend']);
    });

    it('offers to invite, and a menu of changes for each admin', async () => {
      expect(buttonIn(page(), 'Invite admin')).toBeTruthy();
      const menu = await rowMenu('grace@partner.example');
      await menu.open();
      expect(await Promise.all((await menu.getItems()).map((item) => item.getText()))).toEqual([
        'Change role and access',
        'Suspend',
        'Remove from partner',
      ]);
    });

    it('says a partner keeps an active owner when the last one would be suspended', async () => {
      const menu = await rowMenu('ada@partner.example');
      await menu.open();
      await menu.clickItem({ text: 'Suspend' });
      await settle(harness);
      expect(text(openDialog())).toContain('Their sessions end at once');
      http.expectNone((request) => request.method === 'PATCH');
      buttonIn(openDialog(), 'Suspend').click();
      await settle(harness);

      const request = expectCall(http, partnerPath('/admins/a1'), 'PATCH');
      expect(request.request.body).toEqual({ status: 'suspended' });
      flushProblem(request, { title: 'Conflict', status: 409, code: 'partners.last_owner', detail: 'last owner' });
      await settle(harness);
      expectCall(http, ADMINS).flush([anAdmin(), aHelpdesk()]);
      await settle(harness);

      expect(text(page().querySelector('.mtp-error-banner[role="alert"]'))).toContain('A partner keeps at least one active owner');
      expect(text(document.querySelector('mat-snack-bar-container'))).toContain('A partner keeps at least one active owner');
      expect(row('ada@partner.example')).toContain('Active');
    });

    it('removes an admin only after a confirmation that names them', async () => {
      const menu = await rowMenu('grace@partner.example');
      await menu.open();
      await menu.clickItem({ text: 'Remove from partner' });
      await settle(harness);
      expect(text(openDialog())).toContain('Remove Grace Hopper (grace@partner.example) from the partner?');
      buttonIn(openDialog(), 'Remove').click();
      await settle(harness);

      expectCall(http, partnerPath('/admins/a2'), 'DELETE').flush(null, { status: 204, statusText: 'No Content' });
      await settle(harness);
      expectCall(http, ADMINS).flush([anAdmin()]);
      await settle(harness);
      expect(text(document.querySelector('mat-snack-bar-container'))).toContain('Removed grace@partner.example from the partner');
      expect(page().querySelector('tr[data-email="grace@partner.example"]')).toBeNull();
    });

    it('resends and revokes invitations, refreshing the list each time', async () => {
      buttonIn(page(), 'Resend').click();
      await settle(harness);
      expectCall(http, partnerPath('/invitations/i1/resend'), 'POST').flush(anInvitation({ sentCount: 3 }));
      await settle(harness);
      expect(text(document.querySelector('mat-snack-bar-container'))).toContain('Invitation sent again to new@partner.example');
      expectCall(http, INVITATIONS).flush([anInvitation({ sentCount: 3 })]);
      await settle(harness);
      expect(text(page().querySelector('mtp-invitations-table'))).toContain('3 times');

      buttonIn(page(), 'Revoke').click();
      await settle(harness);
      buttonIn(openDialog(), 'Revoke').click();
      await settle(harness);
      expectCall(http, partnerPath('/invitations/i1'), 'DELETE').flush(null, { status: 204, statusText: 'No Content' });
      await settle(harness);
      expectCall(http, INVITATIONS).flush([anInvitation({ status: 'revoked' })]);
      await settle(harness);
      expect(text(page().querySelector('mtp-invitations-table'))).toContain('Revoked');
      expect(page().querySelector('mtp-invitations-table button')).toBeNull();
    });
  });

  it('shows an admin the list read-only, without invitations or actions', async () => {
    await open('admin');
    expectCall(http, ADMINS).flush([anAdmin({ role: 'admin' }), aHelpdesk()]);
    http.expectNone(INVITATIONS);
    await settle(harness);

    expect(row('grace@partner.example')).toContain('Grace Hopper');
    expect(() => buttonIn(page(), 'Invite admin')).toThrow();
    expect(page().querySelector('[aria-label^="Actions for"]')).toBeNull();
    expect(page().querySelector('mtp-invitations-table')).toBeNull();
    expect(text(page())).toContain('Only an owner of the partner can invite, change or remove admins.');
  });

  it('shows a failure to load in words, with a way to try again', async () => {
    await open('owner');
    flushProblem(expectCall(http, ADMINS), { title: 'Service Unavailable', status: 503 });
    expectCall(http, INVITATIONS).flush([]);
    await settle(harness);

    expect(text(page().querySelector('[role="alert"]'))).toContain('cannot reach the server');
    expect(text(page())).toContain('No invitations yet');
    buttonIn(page(), 'Try again').click();
    await settle(harness);
    expectCall(http, ADMINS).flush([anAdmin()]);
    await settle(harness);
    expect(row('ada@partner.example')).toContain('Ada Lovelace');
  });
});
