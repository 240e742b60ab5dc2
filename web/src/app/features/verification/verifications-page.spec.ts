import { TestbedHarnessEnvironment } from '@angular/cdk/testing/testbed';
import { type HttpTestingController } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { MatButtonToggleHarness } from '@angular/material/button-toggle/testing';
import { MatPaginatorHarness } from '@angular/material/paginator/testing';
import { Router } from '@angular/router';
import { RouterTestingHarness } from '@angular/router/testing';

import { ACME, GLOBEX, buttonIn, expectCall, openDialog, settle, text } from '../../../testing/org-console-fixtures';
import { flushProblem } from '../../../testing/problem-responses';
import { SideNav } from '../../core/layout/side-nav';
import { answerDashboard } from '../dashboard/testing/dashboard-fixtures';
import { anOrgPage, partnerPath, queryOf, setUpPartner } from '../partner/testing/partner-fixtures';
import { VERIFICATIONS, aVerification, aVerificationPage } from './testing/verification-fixtures';

describe('the pending verifications page', () => {
  let http: HttpTestingController;
  let harness: RouterTestingHarness;

  afterEach(() => http.verify());

  const page = () => harness.routeNativeElement as HTMLElement;
  const row = (id: string) => page().querySelector(`tr[data-id="${id}"]`);
  const buttonsOf = (id: string) => Array.from(row(id)?.querySelectorAll('button') ?? [], (button) => text(button));
  const loader = () => TestbedHarnessEnvironment.documentRootLoader(harness.fixture);

  async function open(role = 'owner'): Promise<void> {
    http = setUpPartner(role);
    harness = await RouterTestingHarness.create('/partner/verifications');
    await settle(harness);
  }

  /** Answers the list as it is asked for: pending first, 25 at a time. */
  async function answerList(items = [aVerification()], total = items.length): Promise<void> {
    const request = expectCall(http, VERIFICATIONS);
    expect(queryOf(request)).toEqual({ status: 'pending', limit: '25', offset: '0' });
    request.flush(aVerificationPage(items, total));
    await settle(harness);
  }

  it('lists the pending requests with what can be done to each', async () => {
    await open();
    await answerList([aVerification({ sentCount: 2 })]);

    expect(text(page().querySelector('h1'))).toBe('Verifications');
    expect(row('v1')?.querySelector('.mtp-mono')?.textContent).toBe(ACME.orgId);
    expect(text(row('v1'))).toContain('it@acme.example');
    expect(text(row('v1'))).toContain('Pending');
    expect(text(row('v1'))).toContain('ada@partner.example');
    expect(text(row('v1'))).toContain('2 times');
    expect(buttonsOf('v1')).toEqual(['Enter code', 'Resend', 'Cancel']);
    expect(page().querySelector('a[href="/partner/verifications/bulk"]')?.textContent?.trim()).toBe('Verify many at once');
  });

  it('shows every request on demand, and pages on the server', async () => {
    await open();
    await answerList([aVerification()], 60);

    await (await loader().getHarness(MatButtonToggleHarness.with({ text: 'All' }))).check();
    await settle(harness);
    const all = expectCall(http, VERIFICATIONS);
    expect(queryOf(all)).toEqual({ status: 'all', limit: '25', offset: '0' });
    all.flush(
      aVerificationPage(
        [
          aVerification({ id: 'v2', status: 'expired' }),
          aVerification({ id: 'v3', orgId: GLOBEX.orgId, status: 'verified', orgName: GLOBEX.orgName, completedAt: '2026-11-20T09:05:00.000Z' }),
        ],
        60,
      ),
    );
    await settle(harness);
    expect(buttonsOf('v2')).toEqual(['Resend', 'Cancel']);
    expect(text(row('v3'))).toContain('Globex Retail');
    expect(text(row('v3'))).toContain('Verified');
    expect(buttonsOf('v3')).toEqual([]);

    await (await loader().getHarness(MatPaginatorHarness)).goToNextPage();
    await settle(harness);
    const next = expectCall(http, VERIFICATIONS);
    expect(queryOf(next)).toEqual({ status: 'all', limit: '25', offset: '25' });
    next.flush(aVerificationPage([], 60, 25));
  });

  it('explains how to add an organization when nothing is waiting', async () => {
    await open();
    await answerList([]);

    const empty = text(page().querySelector('td.empty'));
    expect(empty).toContain('No verification is waiting for a code.');
    expect(empty).toContain('choose Add organization and enter its OrgID and the email of one of its admins');
  });

  it('verifies a request with its code, then says so and shows the list again', async () => {
    await open();
    await answerList();
    buttonIn(row('v1'), 'Enter code').click();
    await settle(harness);
    const code = openDialog()!.querySelector<HTMLInputElement>('[formcontrolname="code"]')!;
    code.value = 'k7m2 p9qx';
    code.dispatchEvent(new Event('input'));
    buttonIn(openDialog(), 'Verify').click();
    await settle(harness);

    const submitted = expectCall(http, `${VERIFICATIONS}/v1/code`, 'POST');
    expect(submitted.request.body).toEqual({ code: 'K7M2P9QX' });
    submitted.flush({ orgId: ACME.orgId, name: ACME.orgName, associatedSince: '2026-11-20T09:10:00.000Z' });
    await settle(harness);

    expect(text(document.querySelector('mat-snack-bar-container'))).toContain('Acme Manufacturing is now managed by your partner');
    expectCall(http, VERIFICATIONS).flush(aVerificationPage([]));
  });

  it('shows the list again after the code dialog is closed, as wrong codes change the request', async () => {
    await open();
    await answerList();
    buttonIn(row('v1'), 'Enter code').click();
    await settle(harness);
    buttonIn(openDialog(), 'Close').click();
    await settle(harness);

    expectCall(http, VERIFICATIONS).flush(aVerificationPage([aVerification()]));
  });

  it('sends a new code, then shows the list again', async () => {
    await open();
    await answerList();
    buttonIn(row('v1'), 'Resend').click();
    await settle(harness);

    expectCall(http, `${VERIFICATIONS}/v1/resend`, 'POST').flush(aVerification({ sentCount: 2 }));
    await settle(harness);
    expect(text(document.querySelector('mat-snack-bar-container'))).toContain('A new code was sent to it@acme.example');
    expectCall(http, VERIFICATIONS).flush(aVerificationPage([aVerification({ sentCount: 2 })]));
    await settle(harness);
    expect(text(row('v1'))).toContain('2 times');
  });

  it('cancels a request only after a confirmation', async () => {
    await open();
    await answerList();
    buttonIn(row('v1'), 'Cancel').click();
    await settle(harness);
    expect(text(openDialog())).toContain(`Cancel the request for OrgID ${ACME.orgId}?`);
    http.expectNone((request) => request.method === 'DELETE');

    buttonIn(openDialog(), 'Cancel request').click();
    await settle(harness);
    expectCall(http, `${VERIFICATIONS}/v1`, 'DELETE').flush(null, { status: 204, statusText: 'No Content' });
    await settle(harness);
    expect(text(document.querySelector('mat-snack-bar-container'))).toContain('Verification cancelled');
    expectCall(http, VERIFICATIONS).flush(aVerificationPage([]));
  });

  it('says why a resend was refused, and shows the list as it is now', async () => {
    await open();
    await answerList();
    buttonIn(row('v1'), 'Resend').click();
    await settle(harness);

    flushProblem(expectCall(http, `${VERIFICATIONS}/v1/resend`, 'POST'), { title: 'Gone', status: 410, code: 'verification.void' });
    await settle(harness);
    expect(text(document.querySelector('mat-snack-bar-container'))).toContain('This request can no longer be completed');
    expectCall(http, VERIFICATIONS).flush(aVerificationPage([]));
  });

  it('shows a failure to load in words, with a way to try again', async () => {
    await open();
    flushProblem(expectCall(http, VERIFICATIONS), { title: 'Service Unavailable', status: 503 });
    await settle(harness);

    expect(text(page().querySelector('[role="alert"]'))).toContain('cannot reach the server');
    expect(text(page().querySelector('td.empty'))).toBe('The verifications could not be loaded.');
    buttonIn(page(), 'Try again').click();
    await settle(harness);
    await answerList();
    expect(row('v1')).not.toBeNull();
  });

  it.each(['manager', 'helpdesk', 'readonly'])('sends a %s home, as the API would refuse them the list', async (role) => {
    await open(role);
    expect(TestBed.inject(Router).url).toBe('/');
    // Home shows the partner's dashboard and lists the partner's orgs.
    answerDashboard(http);
    expectCall(http, partnerPath('/orgs')).flush(anOrgPage([]));
  });

  async function navLink(role: string): Promise<string | null> {
    http = setUpPartner(role);
    const nav = TestBed.createComponent(SideNav);
    await nav.whenStable();
    const link = (nav.nativeElement as HTMLElement).querySelector('a[href="/partner/verifications"]');
    return link ? text(link) : null;
  }

  it.each(['owner', 'admin'])('is in the side navigation of an %s', async (role) => {
    expect(await navLink(role)).toBe('Verifications');
  });

  it('is not in the side navigation of a manager', async () => {
    expect(await navLink('manager')).toBeNull();
  });
});
