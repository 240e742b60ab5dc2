import { provideHttpClient, withInterceptors } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { MATERIAL_ANIMATIONS } from '@angular/material/core';
import { provideRouter, withComponentInputBinding } from '@angular/router';
import { RouterTestingHarness } from '@angular/router/testing';

import { ACME, buttonIn, openDialog, settle, text } from '../../../testing/org-console-fixtures';
import { failNetwork, flushProblem } from '../../../testing/problem-responses';
import { apiDefaultsInterceptor } from '../../core/http/api-defaults.interceptor';
import { apiProblemInterceptor } from '../../core/http/api-problem.interceptor';
import { ApproveVerificationPage } from './approve-verification-page';
import { aPreview } from './testing/verification-fixtures';

const TOKEN = 'ver-token-0123456789abcdef';
const PUBLIC = '/api/v1/public/verifications';

describe('ApproveVerificationPage', () => {
  let harness: RouterTestingHarness;
  let http: HttpTestingController;

  beforeEach(() => {
    TestBed.configureTestingModule({
      providers: [
        provideRouter([{ path: 'verify-org', component: ApproveVerificationPage }], withComponentInputBinding()),
        provideHttpClient(withInterceptors([apiDefaultsInterceptor, apiProblemInterceptor])),
        provideHttpClientTesting(),
        { provide: MATERIAL_ANIMATIONS, useValue: { animationsDisabled: true } },
      ],
    });
    http = TestBed.inject(HttpTestingController);
  });
  afterEach(() => http.verify());

  const page = () => harness.routeNativeElement as HTMLElement;
  const heading = () => text(page().querySelector('h1'));

  async function open(url = `/verify-org?token=${TOKEN}`): Promise<void> {
    harness = await RouterTestingHarness.create(url);
    await settle(harness);
  }

  /** Opens the link and answers the look-up with the request. */
  async function openRequest(preview = aPreview()): Promise<void> {
    await open();
    const lookup = http.expectOne(`${PUBLIC}/lookup`);
    expect(lookup.request.body).toEqual({ token: TOKEN });
    lookup.flush(preview);
    await settle(harness);
  }

  it('says the link is incomplete when it has no token, and asks nothing of the API', async () => {
    await open('/verify-org');

    expect(heading()).toBe('This link is incomplete');
    expect(page().querySelector('button')).toBeNull();
  });

  it('says which partner asks to manage which organization, and what approving means', async () => {
    await openRequest();

    expect(heading()).toBe('Approve a partner');
    const words = text(page());
    expect(words).toContain(`Northwind MSP (an MSP) asks to manage Acme Manufacturing (OrgID ${ACME.orgId}).`);
    expect(words).toContain('Requested by ada@partner.example, sent to it@acme.example. Valid until Nov 20, 2026');
    expect(words).toContain('The admins of Northwind MSP can see the figures of Acme Manufacturing and manage it.');
    expect(words).toContain('Your organization’s own admins keep their access.');
    expect(words).toContain('This link works once');
  });

  it('names an enterprise as such', async () => {
    await openRequest(aPreview({ partnerName: 'Contoso', partnerKind: 'enterprise' }));
    expect(text(page())).toContain('Contoso (an enterprise) asks to manage');
  });

  it('approves, then says so in a status panel', async () => {
    await openRequest();
    buttonIn(page(), 'Approve').click();
    await settle(harness);

    const approve = http.expectOne(`${PUBLIC}/approve`);
    expect(approve.request.body).toEqual({ token: TOKEN });
    approve.flush({ status: 'verified', partnerName: 'Northwind MSP', orgName: ACME.orgName });
    await settle(harness);

    expect(heading()).toBe('Approved');
    expect(text(page().querySelector('[role="status"]'))).toContain('Northwind MSP now manages Acme Manufacturing.');
    expect(page().querySelector('button')).toBeNull();
  });

  it('declines only after a confirmation', async () => {
    await openRequest();
    buttonIn(page(), 'Decline').click();
    await settle(harness);
    expect(text(openDialog())).toContain('Northwind MSP will not manage Acme Manufacturing');
    http.expectNone(`${PUBLIC}/decline`);

    buttonIn(openDialog(), 'Decline').click();
    await settle(harness);
    http.expectOne(`${PUBLIC}/decline`).flush({ status: 'declined', partnerName: 'Northwind MSP', orgName: ACME.orgName });
    await settle(harness);

    expect(heading()).toBe('Declined');
    expect(text(page().querySelector('[role="status"]'))).toContain('You declined: Northwind MSP does not manage Acme Manufacturing.');
  });

  it.each([
    ['verification.not_found', 404, 'This link does not work'],
    ['verification.expired', 410, 'This request has expired'],
    ['verification.void', 410, 'This request can no longer be answered'],
    ['partners.org_associated', 409, 'Already managed by a partner'],
  ])('explains a link that leads nowhere (%s)', async (code, status, title) => {
    await open();
    flushProblem(http.expectOne(`${PUBLIC}/lookup`), { title: 'Refused', status, code });
    await settle(harness);

    expect(heading()).toBe(title);
    expect(page().querySelector('[role="alert"]')).toBeNull();
    expect(page().querySelector('button')).toBeNull();
  });

  it('says an organization already managed elsewhere when approving finds it so', async () => {
    await openRequest();
    buttonIn(page(), 'Approve').click();
    await settle(harness);
    flushProblem(http.expectOne(`${PUBLIC}/approve`), { title: 'Conflict', status: 409, code: 'partners.org_associated' });
    await settle(harness);

    expect(heading()).toBe('Already managed by a partner');
    expect(text(page())).toContain('already managed by a partner');
  });

  it('shows other failures to load with a way to try again', async () => {
    await open();
    failNetwork(http.expectOne(`${PUBLIC}/lookup`));
    await settle(harness);

    expect(text(page().querySelector('[role="alert"]'))).toContain('cannot reach the server');
    buttonIn(page(), 'Try again').click();
    await settle(harness);
    http.expectOne(`${PUBLIC}/lookup`).flush(aPreview());
    await settle(harness);
    expect(buttonIn(page(), 'Approve')).toBeTruthy();
  });

  it('keeps the request shown when approving fails, and tries again on demand', async () => {
    await openRequest();
    buttonIn(page(), 'Approve').click();
    await settle(harness);
    flushProblem(http.expectOne(`${PUBLIC}/approve`), { title: 'Service Unavailable', status: 503, correlationId: 'req-9' });
    await settle(harness);

    expect(text(page().querySelector('[role="alert"]'))).toContain('Reference: req-9');
    expect(text(page())).toContain('asks to manage');
    buttonIn(page(), 'Try again').click();
    await settle(harness);
    http.expectOne(`${PUBLIC}/approve`).flush({ status: 'verified', partnerName: 'Northwind MSP', orgName: ACME.orgName });
    await settle(harness);
    expect(heading()).toBe('Approved');
  });
});
