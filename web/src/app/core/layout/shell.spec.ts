import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { type ComponentFixture, TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';

import { API_READY_URL } from '../api/api-status.service';
import { AuthService, SIGN_IN_URL } from '../auth/auth.service';
import { provideAppIcons } from '../icons/app-icons';
import { Shell } from './shell';

describe('Shell', () => {
  let fixture: ComponentFixture<Shell>;
  let httpMock: HttpTestingController;

  beforeEach(async () => {
    TestBed.configureTestingModule({
      providers: [provideRouter([]), provideHttpClient(), provideHttpClientTesting(), provideAppIcons()],
    });
    httpMock = TestBed.inject(HttpTestingController);
    fixture = TestBed.createComponent(Shell);
    await fixture.whenStable();
    httpMock.expectOne(API_READY_URL).flush({ status: 'ok' });
    await fixture.whenStable();
  });

  afterEach(() => httpMock.verify());

  const page = () => fixture.nativeElement as HTMLElement;
  const navLabels = () =>
    Array.from(page().querySelectorAll('nav a'), (link) => link.textContent?.trim());

  it('shows the product name in the top bar', () => {
    expect(page().querySelector('mat-toolbar')?.textContent).toContain('MTP · Multi-Tenant Portal');
  });

  it('shows whether the API is online', () => {
    expect(page().querySelector('mtp-api-status-indicator')?.textContent?.trim()).toBe('API online');
  });

  it('lists only the pages that exist in the navigation', () => {
    expect(navLabels()).toEqual(['Home', 'Sign in']);
  });

  it('offers a Sign in button to a visitor', () => {
    const signIn = page().querySelector<HTMLAnchorElement>('mat-toolbar a[href="/sign-in"]');
    expect(signIn?.textContent?.trim()).toBe('Sign in');
  });

  it('shows who is signed in instead of the Sign in button', async () => {
    TestBed.inject(AuthService).signIn('ada@partner.example', 'correct horse').subscribe();
    httpMock.expectOne(SIGN_IN_URL).flush({});
    await fixture.whenStable();

    const toolbar = page().querySelector('mat-toolbar');
    expect(toolbar?.textContent).toContain('ada@partner.example');
    expect(toolbar?.querySelector('a[href="/sign-in"]')).toBeNull();
    expect(navLabels()).toEqual(['Home']);
  });
});
