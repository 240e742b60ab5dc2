import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { type ComponentFixture, TestBed } from '@angular/core/testing';
import { TestbedHarnessEnvironment } from '@angular/cdk/testing/testbed';
import { MatPaginatorHarness } from '@angular/material/paginator/testing';
import { provideRouter } from '@angular/router';

import { ACME, GLOBEX, expectCall } from '../../../testing/org-console-fixtures';
import { aMe, signInAsAda } from '../../../testing/session-fixtures';
import { provideAppIcons } from '../../core/icons/app-icons';
import { SEARCH_DEBOUNCE_MS } from '../../shared/forms/search-debounce';
import { NORTHWIND, aPartnerOrg, anOrgPage, partnerPath, queryOf } from '../partner/testing/partner-fixtures';
import { HomePage } from './home-page';

const ORGS = partnerPath('/orgs');

describe('HomePage', () => {
  let fixture: ComponentFixture<HomePage>;

  beforeEach(() => {
    localStorage.clear();
    TestBed.configureTestingModule({
      providers: [
        provideRouter([]),
        provideHttpClient(),
        provideHttpClientTesting(),
        provideAppIcons(),
        { provide: SEARCH_DEBOUNCE_MS, useValue: 0 },
      ],
    });
  });

  afterEach(() => TestBed.inject(HttpTestingController).verify());

  async function open(): Promise<void> {
    fixture = TestBed.createComponent(HomePage);
    await fixture.whenStable();
  }

  const page = () => fixture.nativeElement as HTMLElement;
  const http = () => TestBed.inject(HttpTestingController);
  const text = (element: Element | null) => element?.textContent?.replace(/\s+/g, ' ').trim() ?? '';

  async function settle(): Promise<void> {
    for (let round = 0; round < 3; round++) {
      await new Promise((resolve) => setTimeout(resolve, 0));
      await fixture.whenStable();
    }
  }

  it('names the product and says what it does for partners', async () => {
    await open();

    expect(page().querySelector('h1')?.textContent).toBe('MTP · Multi-Tenant Portal');
    expect(page().textContent).toContain('managed service providers');
  });

  it('offers a way to sign in', async () => {
    await open();

    const link = page().querySelector<HTMLAnchorElement>('a[href="/sign-in"]');
    expect(link?.textContent?.trim()).toBe('Sign in');
  });

  it('points a visitor who is not a partner yet to the application and evaluation forms', async () => {
    await open();

    expect(page().querySelector<HTMLAnchorElement>('a[href="/apply"]')?.textContent?.trim()).toBe('Become a partner');
    expect(page().querySelector<HTMLAnchorElement>('a[href="/apply/evaluation"]')?.textContent?.trim()).toBe('request an evaluation');
  });

  it('greets a signed-in admin by name and says no organizations are connected yet', async () => {
    signInAsAda(aMe());
    await open();

    expect(page().querySelector('h1')?.textContent).toBe('Welcome, Ada Lovelace');
    expect(page().textContent).toContain('Signed in as ada@partner.example.');
    expect(page().textContent).toContain('No organizations are connected yet.');
    expect(page().querySelector('a[href="/sign-in"]')).toBeNull();
  });

  it('lists the partners the admin belongs to, with the role', async () => {
    signInAsAda(aMe({ partnerMemberships: [{ partnerId: 'p1', partnerName: 'Northwind MSP', role: 'administrator' }] }));
    await open();
    expectCall(http(), ORGS).flush(anOrgPage([]));

    expect(page().querySelector('[aria-label="Your partners"]')?.textContent?.replace(/\s+/g, ' ').trim()).toBe(
      'Northwind MSP · administrator',
    );
  });

  describe('for an admin of a partner', () => {
    beforeEach(async () => {
      signInAsAda(aMe({ partnerMemberships: [{ ...NORTHWIND, role: 'readonly' }] }));
      await open();
    });

    it('shows the partner’s organizations with their figures, a page of 25 at a time', async () => {
      const request = expectCall(http(), ORGS);
      expect(queryOf(request)).toEqual({ limit: '25', offset: '0' });
      request.flush(anOrgPage([aPartnerOrg(ACME), aPartnerOrg(GLOBEX, { mfaCoveragePercent: null, status: 'suspended' })], 60));
      await settle();

      const acme = text(page().querySelector(`tr[data-org-id="${ACME.orgId}"]`));
      expect(acme).toContain('Acme Manufacturing');
      expect(acme).toContain('48 / 40');
      expect(acme).toContain('62.5 %');
      expect(acme).toContain('Mar 1, 2026');
      expect(page().querySelector(`tr[data-org-id="${ACME.orgId}"] .mtp-mono`)?.textContent?.trim()).toBe(ACME.orgId);
      const globex = text(page().querySelector(`tr[data-org-id="${GLOBEX.orgId}"]`));
      expect(globex).toContain('Suspended');
      expect(globex).toContain('—');
      expect(page().textContent).not.toContain('No organizations are connected yet.');

      await (await TestbedHarnessEnvironment.loader(fixture).getHarness(MatPaginatorHarness)).goToNextPage();
      await settle();
      const next = expectCall(http(), ORGS);
      expect(queryOf(next)).toEqual({ limit: '25', offset: '25' });
      next.flush(anOrgPage([], 60, 25));
    });

    it('searches on the server from the first page', async () => {
      expectCall(http(), ORGS).flush(anOrgPage([aPartnerOrg(ACME)]));
      await settle();

      const search = page().querySelector<HTMLInputElement>('input[type="search"]')!;
      search.value = ' glob ';
      search.dispatchEvent(new Event('input'));
      await settle();
      const searched = expectCall(http(), ORGS);
      expect(queryOf(searched)).toEqual({ limit: '25', offset: '0', search: 'glob' });
      searched.flush(anOrgPage([]));
      await settle();

      expect(text(page().querySelector('table'))).toContain('No organization matches “glob”.');
    });

    it('says no organizations are connected yet when the partner has none', async () => {
      expectCall(http(), ORGS).flush(anOrgPage([]));
      await settle();

      expect(text(page().querySelector('table'))).toContain('No organizations are connected yet.');
    });

    it('shows a failure to load in words', async () => {
      expectCall(http(), ORGS).flush({ title: 'Service Unavailable' }, { status: 503, statusText: 'Service Unavailable' });
      await settle();

      expect(text(page().querySelector('table'))).toContain('The organizations could not be loaded.');
      expect(page().querySelector('[role="alert"]')).not.toBeNull();
    });
  });
});
