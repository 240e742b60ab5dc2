import { type HttpTestingController } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { Router } from '@angular/router';
import { RouterTestingHarness } from '@angular/router/testing';

import { HandClock, aLaunch } from '../../../../testing/launch-fixtures';
import { ACME, anOverview, buttonIn, expectCall, openDialog, orgPath, settle, text } from '../../../../testing/org-console-fixtures';
import { flushProblem } from '../../../../testing/problem-responses';
import { LAUNCH_CLOCK } from '../../../core/launch/launch-clock';
import { LaunchStore } from '../../../core/launch/launch-store';
import { aPartnerOrg, aSettings, anOrgPage, partnerPath, setUpPartner } from '../testing/partner-fixtures';

const ORGS = partnerPath('/orgs');
const SETTINGS = partnerPath('/settings');
const LAUNCH = partnerPath(`/orgs/${ACME.orgId}/sessions`);

jest.setTimeout(30_000);

describe('launching into an org from the organizations table', () => {
  let http: HttpTestingController;
  let harness: RouterTestingHarness;

  afterEach(() => {
    jest.restoreAllMocks();
    http.verify();
  });

  const page = () => harness.routeNativeElement as HTMLElement;
  const url = () => TestBed.inject(Router).url;
  const launches = () => TestBed.inject(LaunchStore);
  const button = (label: string) => page().querySelector<HTMLButtonElement>(`[aria-label="${label}"]`)!;

  async function showOrgs(role = 'owner'): Promise<void> {
    http = setUpPartner(role, [{ provide: LAUNCH_CLOCK, useValue: new HandClock() }]);
    harness = await RouterTestingHarness.create('/partner/orgs');
    await settle(harness);
    expectCall(http, ORGS).flush(anOrgPage([aPartnerOrg(ACME)]));
    await settle(harness);
  }

  async function answerPolicy(launchReasonRequired: boolean): Promise<void> {
    expectCall(http, SETTINGS).flush(aSettings({ policy: { mfaRequired: true, launchReasonRequired, launchSessionMinutes: 30 } }));
    await settle(harness);
  }

  /** The console the launch lands in loads the org with the launch token. */
  async function expectConsoleWith(token: string): Promise<void> {
    const overview = expectCall(http, orgPath(ACME.orgId));
    expect(overview.request.headers.get('Authorization')).toBe(`Bearer ${token}`);
    overview.flush(anOverview());
    await settle(harness);
    http.match(() => true);
  }

  it.each(['owner', 'admin', 'manager', 'helpdesk'])('lets a %s launch, here or in a new tab', async (role) => {
    await showOrgs(role);

    expect(button(`Launch ${ACME.orgName}`).disabled).toBe(false);
    expect(button(`Launch ${ACME.orgName} in a new tab`).disabled).toBe(false);
  });

  it('launches without asking when no reason is required, and opens the console here with the session’s token', async () => {
    await showOrgs();
    button(`Launch ${ACME.orgName}`).click();
    await settle(harness);
    await answerPolicy(false);

    const launch = expectCall(http, LAUNCH, 'POST');
    expect(launch.request.body).toEqual({});
    expect(launch.request.headers.get('Authorization')).toBe('Bearer access-1');
    launch.flush(aLaunch(ACME, 'launch-acme'));
    await settle(harness);

    expect(url()).toBe(`/orgs/${ACME.orgId}`);
    expect(launches().tokenFor(ACME.orgId)).toBe('launch-acme');
    await expectConsoleWith('launch-acme');
    expect(text(document.querySelector('[data-testid="launch-banner"]'))).toContain('Acme Manufacturing');
  });

  it('asks for a reason (and a ticket) when the policy requires one, and sends them', async () => {
    await showOrgs();
    button(`Launch ${ACME.orgName}`).click();
    await settle(harness);
    await answerPolicy(true);

    const dialog = openDialog() as HTMLElement;
    expect(text(dialog.querySelector('h2'))).toBe(`Launch ${ACME.orgName}`);
    const reason = dialog.querySelector<HTMLTextAreaElement>('textarea')!;
    const ticket = dialog.querySelector<HTMLInputElement>('input')!;
    expect(reason.getAttribute('maxlength')).toBe('500');
    expect(ticket.getAttribute('maxlength')).toBe('100');

    buttonIn(dialog, 'Launch').click();
    await settle(harness);
    http.expectNone(LAUNCH);
    expect(text(dialog.querySelector('mat-error'))).toBe('Say why you open this organization.');

    reason.value = '  Printer GPO for the new office  ';
    reason.dispatchEvent(new Event('input'));
    ticket.value = 'PSA-4411';
    ticket.dispatchEvent(new Event('input'));
    buttonIn(dialog, 'Launch').click();
    await settle(harness);

    const launch = expectCall(http, LAUNCH, 'POST');
    expect(launch.request.body).toEqual({ reason: 'Printer GPO for the new office', ticket: 'PSA-4411' });
    launch.flush(aLaunch(ACME, 'launch-acme', { reason: 'Printer GPO for the new office', ticket: 'PSA-4411' }));
    await settle(harness);

    expect(document.querySelector('mat-dialog-container')).toBeNull();
    expect(url()).toBe(`/orgs/${ACME.orgId}`);
    await expectConsoleWith('launch-acme');
  });

  it('asks for the reason after all when the API says the policy now requires one', async () => {
    await showOrgs();
    button(`Launch ${ACME.orgName}`).click();
    await settle(harness);
    await answerPolicy(false);
    flushProblem(expectCall(http, LAUNCH, 'POST'), {
      title: 'Bad Request', status: 400, code: 'sessions.reason_required', detail: 'Your partner asks for a reason with every launch',
    });
    await settle(harness);

    const dialog = openDialog() as HTMLElement;
    const reason = dialog.querySelector<HTMLTextAreaElement>('textarea')!;
    reason.value = 'Locked-out CEO';
    reason.dispatchEvent(new Event('input'));
    buttonIn(dialog, 'Launch').click();
    await settle(harness);

    const launch = expectCall(http, LAUNCH, 'POST');
    expect(launch.request.body).toEqual({ reason: 'Locked-out CEO' });
    launch.flush(aLaunch(ACME, 'launch-acme'));
    await settle(harness);
    expect(url()).toBe(`/orgs/${ACME.orgId}`);
    await expectConsoleWith('launch-acme');
  });

  it('launches nothing when the reason dialog is cancelled', async () => {
    await showOrgs();
    button(`Launch ${ACME.orgName}`).click();
    await settle(harness);
    await answerPolicy(true);

    buttonIn(openDialog(), 'Cancel').click();
    await settle(harness);

    http.expectNone(LAUNCH);
    expect(url()).toBe('/partner/orgs');
    expect(button(`Launch ${ACME.orgName}`).disabled).toBe(false);
  });

  it('opens the console in a new tab, which fetches its own token: this tab keeps none and stays', async () => {
    const newTab = { opener: window } as unknown as Window;
    const open = jest.spyOn(window, 'open').mockReturnValue(newTab);
    await showOrgs();
    button(`Launch ${ACME.orgName} in a new tab`).click();
    await settle(harness);
    await answerPolicy(false);
    expectCall(http, LAUNCH, 'POST').flush(aLaunch(ACME, 'launch-acme'));
    await settle(harness);

    expect(open).toHaveBeenCalledWith(`/orgs/${ACME.orgId}`, '_blank');
    expect(open.mock.calls[0].join(' ')).not.toContain('launch-acme');
    expect(newTab.opener).toBeNull();
    expect(url()).toBe('/partner/orgs');
    expect(launches().tokenFor(ACME.orgId)).toBeNull();
  });

  it('offers to open the console here when the browser blocks the new tab', async () => {
    jest.spyOn(window, 'open').mockReturnValue(null);
    await showOrgs();
    button(`Launch ${ACME.orgName} in a new tab`).click();
    await settle(harness);
    await answerPolicy(false);
    expectCall(http, LAUNCH, 'POST').flush(aLaunch(ACME, 'launch-acme'));
    await settle(harness);

    const snack = document.querySelector('mat-snack-bar-container')!;
    expect(text(snack)).toContain('Your browser blocked the new tab.');
    buttonIn(snack, 'Open here').click();
    await settle(harness);

    expect(url()).toBe(`/orgs/${ACME.orgId}`);
    await expectConsoleWith('launch-acme');
  });

  it('says so when the org is no longer in reach', async () => {
    await showOrgs();
    button(`Launch ${ACME.orgName}`).click();
    await settle(harness);
    await answerPolicy(false);
    flushProblem(expectCall(http, LAUNCH, 'POST'), { title: 'Not Found', status: 404, code: 'orgs.not_found' });
    await settle(harness);

    expect(text(document.querySelector('mat-snack-bar-container'))).toContain('This organization is not in your reach any more');
    expect(url()).toBe('/partner/orgs');
  });
});
