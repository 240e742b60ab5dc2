import { TestbedHarnessEnvironment } from '@angular/cdk/testing/testbed';
import { type HttpTestingController } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { MatMenuHarness } from '@angular/material/menu/testing';
import { RouterTestingHarness } from '@angular/router/testing';

import { HandClock, aHelpdeskLaunch } from '../../../testing/launch-fixtures';
import { ACME, aUser, anOverview, expectCall, orgPath, settle, text } from '../../../testing/org-console-fixtures';
import { flushProblem } from '../../../testing/problem-responses';
import { LAUNCH_CLOCK } from '../../core/launch/launch-clock';
import { LaunchStore } from '../../core/launch/launch-store';
import { setUpPartner } from '../partner/testing/partner-fixtures';

jest.setTimeout(30_000);

/** A helpdesk admin's session supports users and looks at the rest: the console offers only that. */
describe('the console of a helpdesk session', () => {
  let http: HttpTestingController;
  let harness: RouterTestingHarness;

  beforeEach(() => {
    http = setUpPartner('helpdesk', [{ provide: LAUNCH_CLOCK, useValue: new HandClock() }]);
    TestBed.inject(LaunchStore).hold(aHelpdeskLaunch(ACME));
  });
  afterEach(() => http.verify());

  const page = () => harness.routeNativeElement as HTMLElement;
  const buttons = () => Array.from(page().querySelectorAll('button'), (button) => text(button));
  const loader = () => TestbedHarnessEnvironment.documentRootLoader(harness.fixture);

  async function openTab(path: string): Promise<void> {
    harness = await RouterTestingHarness.create(`/orgs/${ACME.orgId}/${path}`);
    expectCall(http, orgPath(ACME.orgId)).flush(anOverview());
    await settle(harness);
  }

  it('says in the banner what a helpdesk session may do', async () => {
    await openTab('activity');
    expectCall(http, orgPath(ACME.orgId, '/activity')).flush({ items: [], nextBefore: null });
    await settle(harness);

    expect(text(page().querySelector('[data-testid="launch-banner"]'))).toContain('Helpdesk session');
  });

  it('supports users (suspend, activate, unlock, reset MFA) but creates, edits or deletes none', async () => {
    await openTab('users');
    expectCall(http, orgPath(ACME.orgId, '/users')).flush({
      items: [aUser({ lockedOut: true, mfaEnrolled: true })], total: 1, limit: 25, offset: 0,
    });
    await settle(harness);

    expect(buttons()).not.toContain('Create user');
    expect(text(page())).not.toContain('Create the first one');
    const menu = await loader().getHarness(MatMenuHarness.with({ selector: '[aria-label="Actions for jdoe"]' }));
    await menu.open();
    const items = await Promise.all((await menu.getItems()).map((item) => item.getText()));
    expect(items).toEqual(['Suspend', 'Unlock', 'Reset MFA']);
  });

  it('shows a clear message when the API refuses a change all the same (403 sessions.forbidden)', async () => {
    await openTab('users');
    expectCall(http, orgPath(ACME.orgId, '/users')).flush({ items: [aUser()], total: 1, limit: 25, offset: 0 });
    await settle(harness);
    const menu = await loader().getHarness(MatMenuHarness.with({ selector: '[aria-label="Actions for jdoe"]' }));
    await menu.open();
    await menu.clickItem({ text: 'Suspend' });
    await settle(harness);

    flushProblem(expectCall(http, orgPath(ACME.orgId, '/users/u1/suspend'), 'POST'), {
      title: 'Forbidden', status: 403, code: 'sessions.forbidden', detail: 'Your partner role (helpdesk) does not allow this in a launched session',
    });
    await settle(harness);
    http.match(() => true);

    expect(text(document.querySelector('mat-snack-bar-container'))).toContain('Your partner role does not allow this in a launched session.');
    expect(TestBed.inject(LaunchStore).tokenFor(ACME.orgId)).toBe('launch-helpdesk');
  });

  it('offers no change of systems', async () => {
    await openTab('systems');
    expectCall(http, orgPath(ACME.orgId, '/systems')).flush({
      items: [{ id: 's1', hostname: 'acme-ws-01', osFamily: 'windows', osVersion: '11', agentVersion: '4.2.0', active: true, lastContactAt: null, createdAt: '2026-01-10T08:00:00.000Z' }],
      total: 1, limit: 25, offset: 0,
    });
    await settle(harness);

    expect(text(page().querySelector('tr[mat-row], tr.mat-mdc-row'))).toContain('acme-ws-01');
    expect(page().querySelector('[aria-label="Actions for acme-ws-01"]')).toBeNull();
  });

  it('neither adds nor removes admins', async () => {
    await openTab('admins');
    expectCall(http, orgPath(ACME.orgId, '/admins')).flush([
      { administratorId: 'x1', email: 'boss@acme.example', name: 'Wile E. Coyote', active: true, addedAt: '2026-01-05T10:00:00.000Z' },
    ]);
    await settle(harness);

    expect(text(page())).toContain('boss@acme.example');
    expect(buttons()).not.toContain('Add admin');
    expect(page().querySelector('[aria-label="Remove boss@acme.example"]')).toBeNull();
  });

  it('shows the settings without a way to change them', async () => {
    await openTab('settings');

    const inputs = Array.from(page().querySelectorAll<HTMLInputElement>('form input'));
    expect(inputs.length).toBe(3);
    expect(inputs.every((input) => input.disabled)).toBe(true);
    expect(buttons()).not.toContain('Save settings');
    expect(text(page().querySelector('[role="note"]'))).toContain('can look at the settings, not change them');
  });
});
