import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { type ComponentFixture, TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';

import { AuthService, SIGN_IN_URL } from '../../core/auth/auth.service';
import { provideAppIcons } from '../../core/icons/app-icons';
import { HomePage } from './home-page';

describe('HomePage', () => {
  let fixture: ComponentFixture<HomePage>;

  beforeEach(async () => {
    TestBed.configureTestingModule({
      providers: [provideRouter([]), provideHttpClient(), provideHttpClientTesting(), provideAppIcons()],
    });
    fixture = TestBed.createComponent(HomePage);
    await fixture.whenStable();
  });

  const page = () => fixture.nativeElement as HTMLElement;

  it('names the product and says what it does for partners', () => {
    expect(page().querySelector('h1')?.textContent).toBe('MTP · Multi-Tenant Portal');
    expect(page().textContent).toContain('managed service providers');
  });

  it('offers a way to sign in', () => {
    const link = page().querySelector<HTMLAnchorElement>('a[href="/sign-in"]');
    expect(link?.textContent?.trim()).toBe('Sign in');
  });

  it('greets a signed-in admin instead of offering sign-in', async () => {
    TestBed.inject(AuthService).signIn('ada@partner.example', 'correct horse').subscribe();
    TestBed.inject(HttpTestingController).expectOne(SIGN_IN_URL).flush({});
    await fixture.whenStable();

    expect(page().textContent).toContain('You are signed in as ada@partner.example.');
    expect(page().querySelector('a[href="/sign-in"]')).toBeNull();
  });
});
