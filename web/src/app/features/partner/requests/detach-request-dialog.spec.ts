import { TestbedHarnessEnvironment } from '@angular/cdk/testing/testbed';
import { type HttpTestingController } from '@angular/common/http/testing';
import { MatAutocompleteHarness } from '@angular/material/autocomplete/testing';
import { MatDatepickerInputHarness } from '@angular/material/datepicker/testing';
import { RouterTestingHarness } from '@angular/router/testing';

import { ACME, GLOBEX, buttonIn, expectCall, openDialog, settle, text } from '../../../../testing/org-console-fixtures';
import { flushProblem } from '../../../../testing/problem-responses';
import { aPartnerOrg, anOrgPage, partnerPath, setUpPartner } from '../testing/partner-fixtures';
import { aDetachRequest, aRequestDetails, aRequestPage } from '../testing/request-fixtures';
import { isoDate } from './request-dates';
import { fill, openKind } from './testing/dialog-steps';

const REQUESTS = partnerPath('/requests');
const ORGS = partnerPath('/orgs');

jest.setTimeout(30_000);

describe('asking platform staff to detach an organization', () => {
  let http: HttpTestingController;
  let harness: RouterTestingHarness;

  beforeEach(async () => {
    http = setUpPartner('admin');
    harness = await RouterTestingHarness.create('/partner/requests');
    await settle(harness);
    expectCall(http, REQUESTS).flush(aRequestPage([]));
    await openKind(harness, 'Detach an organization');
    // The org field offers the orgs within the admin's reach, as the API lists them.
    expectCall(http, ORGS).flush(anOrgPage([aPartnerOrg(ACME), aPartnerOrg(GLOBEX)]));
    await settle(harness);
  });
  afterEach(() => http.verify());

  const loader = () => TestbedHarnessEnvironment.documentRootLoader(harness.fixture);
  const dialog = () => openDialog() as HTMLElement;
  const errors = () => Array.from(dialog().querySelectorAll('mat-error'), (error) => text(error)).filter(Boolean);

  async function chooseOrg(name: string): Promise<void> {
    const search = await loader().getHarness(MatAutocompleteHarness);
    await search.focus();
    await settle(harness);
    await search.selectOption({ text: new RegExp(name) });
    await settle(harness);
  }

  async function submit(): Promise<void> {
    buttonIn(dialog(), 'Send request').click();
    await settle(harness);
  }

  async function fillIn(): Promise<void> {
    await chooseOrg('Globex Retail');
    await fill(harness, dialog(), 'reason', ' They moved to another provider ');
  }

  it('needs an organization chosen from the list and a reason; the date is optional', async () => {
    expect(text(dialog().querySelector('h2'))).toBe('Ask to detach an organization');
    const org = dialog().querySelector<HTMLInputElement>('mtp-org-choice input')!;
    org.value = 'Glob';
    org.dispatchEvent(new Event('input'));
    await settle(harness);
    expectCall(http, ORGS).flush(anOrgPage([aPartnerOrg(GLOBEX)]));
    await submit();

    http.expectNone((request) => request.method === 'POST');
    expect(errors()).toEqual(['Choose the organization from the list.', 'Say why the organization should leave your partner.']);
  });

  it('sends the OrgID, the reason and the effective date chosen in the calendar', async () => {
    await fillIn();
    const date = await loader().getHarness(MatDatepickerInputHarness);
    await date.openCalendar();
    const calendar = await date.getCalendar();
    await calendar.next();
    await calendar.selectCell({ text: '15' });
    await settle(harness);
    const now = new Date();
    const chosen = isoDate(new Date(now.getFullYear(), now.getMonth() + 1, 15));
    await submit();

    const filed = expectCall(http, REQUESTS, 'POST');
    expect(filed.request.body).toEqual({ kind: 'detach', orgId: GLOBEX.orgId, reason: 'They moved to another provider', effectiveDate: chosen });
    filed.flush(aRequestDetails(aDetachRequest()), { status: 201, statusText: 'Created' });
    await settle(harness);

    expect(text(document.querySelector('mat-snack-bar-container'))).toContain('Request #13 sent to platform support');
    expectCall(http, `${REQUESTS}/${aDetachRequest().id}`).flush(aRequestDetails(aDetachRequest()));
    await settle(harness);
  });

  it('says clearly when a request to detach that org is already open, and stays open', async () => {
    await fillIn();
    await submit();
    const filed = expectCall(http, REQUESTS, 'POST');
    expect(filed.request.body).toEqual({ kind: 'detach', orgId: GLOBEX.orgId, reason: 'They moved to another provider' });
    flushProblem(filed, { title: 'Conflict', status: 409, code: 'support.detach_pending', detail: 'A request to detach this organization is already open' });
    await settle(harness);

    expect(text(dialog().querySelector('.mtp-error-banner[role="alert"]'))).toBe(
      'A request to detach this organization is already open: follow it on the Requests page rather than asking again.',
    );
    expect(buttonIn(dialog(), 'Send request').disabled).toBe(false);
  });

  it('puts an org no longer within reach, and the API’s field refusals, beside their fields', async () => {
    await fillIn();
    await submit();
    flushProblem(expectCall(http, REQUESTS, 'POST'), { title: 'Not Found', status: 404, code: 'orgs.not_found' });
    await settle(harness);
    expect(errors()).toEqual(['This organization is not one your partner manages within your reach (any more).']);

    const search = await loader().getHarness(MatAutocompleteHarness);
    await search.clear();
    await search.enterText('Acme');
    await settle(harness);
    expectCall(http, ORGS).flush(anOrgPage([aPartnerOrg(ACME)]));
    await settle(harness);
    await search.selectOption({ text: /Acme Manufacturing/ });
    await settle(harness);
    await submit();
    flushProblem(expectCall(http, REQUESTS, 'POST'), {
      title: 'Bad Request',
      status: 400,
      code: 'request.validation_failed',
      errors: [{ field: 'reason', messages: ['reason must be shorter than or equal to 2000 characters'] }],
    });
    await settle(harness);
    expect(errors()).toEqual(['reason must be shorter than or equal to 2000 characters']);
  });

  it('says so when the API refuses the role', async () => {
    await fillIn();
    await submit();
    flushProblem(expectCall(http, REQUESTS, 'POST'), { title: 'Forbidden', status: 403, code: 'partners.forbidden' });
    await settle(harness);

    expect(text(dialog().querySelector('.mtp-error-banner'))).toBe('Your role in the partner may not do this.');
  });
});
