import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { type ComponentFixture, TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';

import { aMe, signInAsAda } from '../../../testing/session-fixtures';
import { provideAppIcons } from '../../core/icons/app-icons';
import { HomePage } from './home-page';

describe('HomePage', () => {
  let fixture: ComponentFixture<HomePage>;

  beforeEach(() => {
    localStorage.clear();
    TestBed.configureTestingModule({
      providers: [provideRouter([]), provideHttpClient(), provideHttpClientTesting(), provideAppIcons()],
    });
  });

  afterEach(() => TestBed.inject(HttpTestingController).verify());

  async function open(): Promise<void> {
    fixture = TestBed.createComponent(HomePage);
    await fixture.whenStable();
  }

  const page = () => fixture.nativeElement as HTMLElement;

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

    expect(page().querySelector('[aria-label="Your partners"]')?.textContent?.replace(/\s+/g, ' ').trim()).toBe(
      'Northwind MSP · administrator',
    );
  });
});
