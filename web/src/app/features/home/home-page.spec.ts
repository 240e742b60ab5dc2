import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { ChangeDetectionStrategy, Component } from '@angular/core';
import { type ComponentFixture, TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';

import { aMe, signInAsAda } from '../../../testing/session-fixtures';
import { provideAppIcons } from '../../core/icons/app-icons';
import { aUserPage, anOverview, answerDashboard, settle, someUsers } from '../dashboard/testing/dashboard-fixtures';
import { PartnerOrgs } from '../partner/orgs/partner-orgs';
import { HomePage } from './home-page';

jest.mock('ng2-charts', () => jest.requireActual('../dashboard/testing/fake-charts'));

/** The organizations table has its own tests: here it only has to be in its place. */
@Component({
  selector: 'mtp-partner-orgs',
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: '<p data-testid="partner-orgs">The organizations table</p>',
})
class PartnerOrgsStandIn {}

const NORTHWIND = { partnerId: 'p1', partnerName: 'Northwind MSP' };

describe('HomePage', () => {
  let fixture: ComponentFixture<HomePage>;

  beforeEach(() => {
    localStorage.clear();
    TestBed.configureTestingModule({
      providers: [provideRouter([]), provideHttpClient(), provideHttpClientTesting(), provideAppIcons()],
    });
    TestBed.overrideComponent(HomePage, { remove: { imports: [PartnerOrgs] }, add: { imports: [PartnerOrgsStandIn] } });
  });

  afterEach(() => TestBed.inject(HttpTestingController).verify());

  async function open(): Promise<void> {
    fixture = TestBed.createComponent(HomePage);
    await fixture.whenStable();
  }

  const page = () => fixture.nativeElement as HTMLElement;
  const http = () => TestBed.inject(HttpTestingController);
  const text = (element: Element | null) => element?.textContent?.replace(/\s+/g, ' ').trim() ?? '';

  async function answerReads(lockouts = aUserPage([])): Promise<void> {
    answerDashboard(http(), anOverview(), { lockouts });
    await settle(fixture);
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
    expect(page().querySelector('mtp-partner-dashboard')).toBeNull();
  });

  it('lists the partners the admin belongs to, with the role', async () => {
    signInAsAda(aMe({ partnerMemberships: [{ ...NORTHWIND, role: 'administrator' }] }));
    await open();
    await answerReads();

    expect(text(page().querySelector('[aria-label="Your partners"]'))).toBe('Northwind MSP · administrator');
  });

  describe('for an admin of a partner', () => {
    async function openAs(role: string): Promise<void> {
      signInAsAda(aMe({ partnerMemberships: [{ ...NORTHWIND, role }] }));
      await open();
    }

    it('starts with the dashboard, then the partner’s organizations', async () => {
      await openAs('owner');
      await answerReads(aUserPage(someUsers(1, 1)));

      const totals = page().querySelector('[aria-label="Totals"]');
      expect(text(totals?.querySelector('[role="group"][aria-label="Locked out"] [data-testid="figure-value"]') ?? null)).toBe('13');
      expect(Array.from(page().querySelectorAll('h2, h3'), (heading) => text(heading))).toEqual([
        'Overview',
        'Users per organization',
        'MFA coverage per organization',
        'Systems by operating system',
        'User lockouts',
        'Password expirations',
        'New users',
        'Organizations',
      ]);
      const dashboard = page().querySelector('mtp-partner-dashboard')!;
      const orgs = page().querySelector('[data-testid="partner-orgs"]')!;
      expect(dashboard.compareDocumentPosition(orgs) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy();
      expect(page().querySelector('input[aria-label="Select user1 (Globex Retail)"]')).not.toBeNull();
      expect(page().textContent).not.toContain('No organizations are connected yet.');
    });

    it('shows a read-only admin the figures and lists without the bulk actions', async () => {
      await openAs('readonly');
      await answerReads(aUserPage(someUsers(1, 1)));

      expect(page().querySelector('tr[data-username="user1"]')).not.toBeNull();
      expect(Array.from(page().querySelectorAll('button'), (button) => text(button))).not.toContain('Unlock');
      expect(page().querySelector('input[type="checkbox"]')).toBeNull();
      expect(page().querySelector('[data-testid="partner-orgs"]')).not.toBeNull();
    });
  });
});
