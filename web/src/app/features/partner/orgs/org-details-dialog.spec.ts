import { type HttpTestingController } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { Router } from '@angular/router';
import { RouterTestingHarness } from '@angular/router/testing';

import { ACME, buttonIn, expectCall, openDialog, settle, text } from '../../../../testing/org-console-fixtures';
import { flushProblem } from '../../../../testing/problem-responses';
import { aPartnerOrg, anActivityEvent, anOrgDetails, anOrgPage, partnerPath, setUpPartner } from '../testing/partner-fixtures';
import { aDetachRequest, aRequestDetails } from '../testing/request-fixtures';

const ORGS = partnerPath('/orgs');
const ACME_DETAILS = partnerPath(`/orgs/${ACME.orgId}`);

jest.setTimeout(30_000);

describe('the details of an organization', () => {
  let http: HttpTestingController;
  let harness: RouterTestingHarness;

  beforeEach(async () => {
    http = setUpPartner('helpdesk');
    harness = await RouterTestingHarness.create('/partner/orgs');
    await settle(harness);
    expectCall(http, ORGS).flush(anOrgPage([aPartnerOrg(ACME)]));
    await settle(harness);
    (harness.routeNativeElement as HTMLElement).querySelector<HTMLButtonElement>(`[aria-label="Details of ${ACME.orgName}"]`)!.click();
    await settle(harness);
  });
  afterEach(() => http.verify());

  const dialog = () => openDialog() as HTMLElement;
  const section = (title: string) =>
    Array.from(dialog().querySelectorAll('section')).find((candidate) => text(candidate.querySelector('h3')) === title) ?? null;

  it('opens from the row, named after the org, while its details load', () => {
    expect(text(dialog().querySelector('h2'))).toBe('Acme Manufacturing');
    expect(dialog().getAttribute('role')).toBe('dialog');
    expect(dialog().getAttribute('aria-label')).toBe('Details of Acme Manufacturing');
    expect(text(dialog())).toContain('Loading the organization…');
    expectCall(http, ACME_DETAILS);
  });

  it('shows the figures, the OrgID, the admins, how the org came to the partner and what happened lately', async () => {
    expectCall(http, ACME_DETAILS).flush(anOrgDetails(ACME, {
      recentActivity: [
        anActivityEvent(),
        anActivityEvent({
          id: 'e2', actor: 'ada@partner.example', action: 'orgs.settings.updated', targetType: 'org', targetId: null, details: {},
          launch: { sessionId: 's1', partnerName: 'Northwind MSP' },
        }),
      ],
    }));
    await settle(harness);

    expect(text(dialog().querySelector('[data-testid="details-org-id"]'))).toBe(ACME.orgId);
    expect(dialog().querySelector(`[aria-label="Copy OrgID of ${ACME.orgName}"]`)).not.toBeNull();
    const figures = Array.from(dialog().querySelectorAll('.figures > div'), (figure) =>
      Array.from(figure.children, (part) => text(part)).join(' | '),
    );
    expect(figures).toEqual([
      'Users | 48 | 40 active · 5 suspended · 3 staged',
      'Locked out | 2',
      'MFA coverage | 62.5 %',
      'Systems | 36 | 30 active',
      'Admins | 3',
      'Last activity | Mar 1, 2026',
    ]);
    expect(text(dialog().querySelector('[data-testid="association"]'))).toBe(
      'With your partner since Mar 1, 2026. Verified through one of its admins, by ada@partner.example.',
    );
    expect(Array.from(section('Admins')!.querySelectorAll('li'), (item) => text(item))).toEqual([
      'Wile E. Coyote boss@acme.example',
      'it@acme.example',
    ]);
    const events = Array.from(section('Recent activity')!.querySelectorAll('li'), (item) => text(item));
    expect(events).toHaveLength(2);
    expect(events[0]).toMatch(/^Nov 20, 2026.*boss@acme\.example created user jdoe$/);
    expect(events[1]).toMatch(/ada@partner\.example via Northwind MSP session changed the settings$/);
    // A helpdesk admin may launch: here, or in a new tab.
    const launch = dialog().querySelector<HTMLButtonElement>(`[aria-label="Launch ${ACME.orgName}"]`)!;
    expect(launch.disabled).toBe(false);
    expect(launch.getAttribute('aria-disabled')).toBeNull();
    expect(dialog().querySelector(`[aria-label="Launch ${ACME.orgName} in a new tab"]`)).not.toBeNull();
    // Only owners and admins may ask to detach an org.
    expect(dialog().querySelector(`[aria-label="Request detachment of ${ACME.orgName}"]`)).toBeNull();
  });

  it.each([
    [{ source: 'created', by: 'ada@partner.example' }, 'Created by your partner, by ada@partner.example.'],
    [{ source: 'staff', by: null }, 'Attached by platform staff.'],
  ] as const)('says how the org came to the partner: %o', async (association, words) => {
    expectCall(http, ACME_DETAILS).flush(
      anOrgDetails(ACME, { association: { since: '2026-03-01T10:00:00.000Z', ...association }, admins: [], recentActivity: [] }),
    );
    await settle(harness);

    expect(text(dialog().querySelector('[data-testid="association"]'))).toContain(words);
    expect(text(section('Admins'))).toContain('This organization has no admins of its own.');
    expect(text(section('Recent activity'))).toContain('Nothing has happened in this organization yet.');
  });

  it('says when the org is no longer within reach', async () => {
    flushProblem(expectCall(http, ACME_DETAILS), { title: 'Not Found', status: 404, code: 'orgs.not_found' });
    await settle(harness);

    expect(text(dialog().querySelector('[role="alert"]'))).toContain('This organization is no longer in your reach');
  });

  it('shows a failure to load in words, loads again on request, and closes', async () => {
    flushProblem(expectCall(http, ACME_DETAILS), { title: 'Service Unavailable', status: 503 });
    await settle(harness);
    expect(text(dialog().querySelector('[role="alert"]'))).toContain('cannot reach the server');

    buttonIn(dialog().querySelector('[role="alert"]'), 'Try again').click();
    await settle(harness);
    expectCall(http, ACME_DETAILS).flush(anOrgDetails(ACME));
    await settle(harness);
    expect(text(dialog().querySelector('[data-testid="association"]'))).toContain('Verified through one of its admins');

    buttonIn(dialog(), 'Close').click();
    await settle(harness);
    expect(document.querySelectorAll('mat-dialog-container')).toHaveLength(0);
  });
});

describe('asking to detach an organization from its details', () => {
  let http: HttpTestingController;
  let harness: RouterTestingHarness;

  afterEach(() => http.verify());

  const detachButton = () => document.querySelector<HTMLButtonElement>(`[aria-label="Request detachment of ${ACME.orgName}"]`);

  async function openDetails(role: string): Promise<void> {
    http = setUpPartner(role);
    harness = await RouterTestingHarness.create('/partner/orgs');
    await settle(harness);
    expectCall(http, ORGS).flush(anOrgPage([aPartnerOrg(ACME)]));
    await settle(harness);
    (harness.routeNativeElement as HTMLElement).querySelector<HTMLButtonElement>(`[aria-label="Details of ${ACME.orgName}"]`)!.click();
    await settle(harness);
    expectCall(http, ACME_DETAILS).flush(anOrgDetails(ACME));
    await settle(harness);
  }

  it.each(['manager', 'helpdesk', 'readonly'])('is not offered to a %s', async (role) => {
    await openDetails(role);

    expect(text(openDialog())).toContain('Association');
    expect(detachButton()).toBeNull();
  });

  it.each(['owner', 'admin'])('opens the detach request for that org for an %s, and shows the request once filed', async (role) => {
    await openDetails(role);
    expect(text(detachButton())).toBe('Request detachment');
    detachButton()!.click();
    await settle(harness);
    // The org field offers the orgs within reach; this one is already chosen.
    expectCall(http, ORGS).flush(anOrgPage([aPartnerOrg(ACME)]));
    await settle(harness);

    const request = openDialog() as HTMLElement;
    expect(text(request.querySelector('h2'))).toBe('Ask to detach an organization');
    expect(request.querySelector<HTMLInputElement>('mtp-org-choice input')!.value).toBe(ACME.orgName);
    const reason = request.querySelector<HTMLTextAreaElement>('[formcontrolname="reason"]')!;
    reason.value = 'They moved to another provider';
    reason.dispatchEvent(new Event('input'));
    buttonIn(request, 'Send request').click();
    await settle(harness);
    const filed = expectCall(http, partnerPath('/requests'), 'POST');
    expect(filed.request.body).toEqual({ kind: 'detach', orgId: ACME.orgId, reason: 'They moved to another provider' });
    filed.flush(aRequestDetails(aDetachRequest()), { status: 201, statusText: 'Created' });
    await settle(harness);

    // Both dialogs close as the new request's page opens.
    expect(TestBed.inject(Router).url).toBe(`/partner/requests/${aDetachRequest().id}`);
    expectCall(http, partnerPath(`/requests/${aDetachRequest().id}`)).flush(aRequestDetails(aDetachRequest()));
    await settle(harness);
    expect(document.querySelectorAll('mat-dialog-container')).toHaveLength(0);
    expect(text((harness.routeNativeElement as HTMLElement).querySelector('h1'))).toBe('#13 · Detach an organization');
  });
});
