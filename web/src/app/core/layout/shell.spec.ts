import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestbedHarnessEnvironment } from '@angular/cdk/testing/testbed';
import { type ComponentFixture, TestBed } from '@angular/core/testing';
import { MatMenuHarness } from '@angular/material/menu/testing';
import { Router, provideRouter } from '@angular/router';
import { logout } from '@mtp/api-client';

import { aMe, signInAsAda } from '../../../testing/session-fixtures';
import { API_READY_URL } from '../api/api-status.service';
import { SessionStore } from '../auth/session-store';
import { provideAppIcons } from '../icons/app-icons';
import { Shell } from './shell';

describe('Shell', () => {
  let fixture: ComponentFixture<Shell>;
  let httpMock: HttpTestingController;

  beforeEach(async () => {
    localStorage.clear();
    TestBed.configureTestingModule({
      providers: [provideRouter([{ path: '**', children: [] }]), provideHttpClient(), provideHttpClientTesting(), provideAppIcons()],
    });
    httpMock = TestBed.inject(HttpTestingController);
    fixture = TestBed.createComponent(Shell);
    await fixture.whenStable();
    httpMock.expectOne(API_READY_URL).flush({ status: 'ok' });
    await fixture.whenStable();
  });

  afterEach(() => httpMock.verify());

  const page = () => fixture.nativeElement as HTMLElement;
  const navLabels = () => Array.from(page().querySelectorAll('nav a'), (link) => link.textContent?.trim());
  const userMenu = () => TestbedHarnessEnvironment.loader(fixture).getHarness(MatMenuHarness);

  it('shows the product name in the top bar', () => {
    expect(page().querySelector('mat-toolbar')?.textContent).toContain('MTP · Multi-Tenant Portal');
  });

  it('shows whether the API is online', () => {
    expect(page().querySelector('mtp-api-status-indicator')?.textContent?.trim()).toBe('API online');
  });

  it('lists the pages a visitor can open in the navigation', () => {
    expect(navLabels()).toEqual(['Home', 'Dev mailbox', 'Sign in']);
  });

  it('offers a Sign in button to a visitor', () => {
    const signIn = page().querySelector<HTMLAnchorElement>('mat-toolbar a[href="/sign-in"]');
    expect(signIn?.textContent?.trim()).toBe('Sign in');
  });

  it('shows the name of who is signed in, and their pages, instead of Sign in', async () => {
    signInAsAda(aMe());
    await fixture.whenStable();

    const toolbar = page().querySelector('mat-toolbar');
    expect(toolbar?.textContent).toContain('Ada Lovelace');
    expect(toolbar?.querySelector('a[href="/sign-in"]')).toBeNull();
    expect(navLabels()).toEqual(['Home', 'My account', 'Dev mailbox']);
  });

  it('has a menu under the name with My account and Sign out', async () => {
    signInAsAda(aMe());
    await fixture.whenStable();

    const menu = await userMenu();
    await menu.open();
    const items = await menu.getItems();
    const labels = await Promise.all(items.map((item) => item.getText()));

    expect(labels).toEqual(['ada@partner.example', 'My account', 'Sign out']);
  });

  it('signs out from the menu', async () => {
    signInAsAda(aMe());
    await fixture.whenStable();

    await (await userMenu()).clickItem({ text: 'Sign out' });
    httpMock.expectOne(logout.PATH).flush(null, { status: 204, statusText: 'No Content' });
    await fixture.whenStable();

    expect(TestBed.inject(SessionStore).isSignedIn()).toBe(false);
    expect(TestBed.inject(Router).url).toBe('/sign-in');
    expect(page().querySelector('mat-toolbar a[href="/sign-in"]')).not.toBeNull();
  });
});
