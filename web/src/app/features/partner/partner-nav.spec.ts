import { provideHttpClient } from '@angular/common/http';
import { provideHttpClientTesting } from '@angular/common/http/testing';
import { type ComponentFixture, TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';

import { aMe, signInAsAda } from '../../../testing/session-fixtures';
import { provideAppIcons } from '../../core/icons/app-icons';
import { SideNav } from '../../core/layout/side-nav';
import { NORTHWIND } from './testing/partner-fixtures';

describe('the partner entries of the side navigation', () => {
  let fixture: ComponentFixture<SideNav>;

  beforeEach(() => {
    localStorage.clear();
    TestBed.configureTestingModule({ providers: [provideRouter([]), provideHttpClient(), provideHttpClientTesting(), provideAppIcons()] });
  });

  async function labelsFor(role: string | null): Promise<(string | undefined)[]> {
    signInAsAda(aMe({ partnerMemberships: role ? [{ ...NORTHWIND, role }] : [] }));
    fixture = TestBed.createComponent(SideNav);
    await fixture.whenStable();
    return Array.from((fixture.nativeElement as HTMLElement).querySelectorAll('a'), (link) => link.textContent?.trim());
  }

  it.each(['owner', 'admin'])('offers an %s every partner page', async (role) => {
    expect(await labelsFor(role)).toEqual([
      'Home', 'Organizations', 'Sessions', 'Verifications', 'Partner admins', 'Requests', 'Partner settings', 'My account', 'Dev mailbox',
    ]);
  });

  it.each(['manager', 'helpdesk'])('offers a %s the organizations, their launch sessions, the requests and the settings only', async (role) => {
    expect(await labelsFor(role)).toEqual(['Home', 'Organizations', 'Sessions', 'Requests', 'Partner settings', 'My account', 'Dev mailbox']);
  });

  it('offers a read-only admin, who never launches but may ask support, the organizations, the requests and the settings', async () => {
    expect(await labelsFor('readonly')).toEqual(['Home', 'Organizations', 'Requests', 'Partner settings', 'My account', 'Dev mailbox']);
  });

  it('offers an admin of no partner none of them', async () => {
    expect(await labelsFor(null)).toEqual(['Home', 'My account', 'Dev mailbox']);
  });

  it('links to the partner pages', async () => {
    await labelsFor('owner');
    const hrefs = Array.from((fixture.nativeElement as HTMLElement).querySelectorAll('a'), (link) => link.getAttribute('href'));
    expect(hrefs).toContain('/partner/orgs');
    expect(hrefs).toContain('/partner/sessions');
    expect(hrefs).toContain('/partner/admins');
    expect(hrefs).toContain('/partner/requests');
    expect(hrefs).toContain('/partner/settings');
  });
});
