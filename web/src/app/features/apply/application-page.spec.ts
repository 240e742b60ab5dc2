import { provideHttpClient, withInterceptors } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { type HarnessLoader } from '@angular/cdk/testing';
import { TestbedHarnessEnvironment } from '@angular/cdk/testing/testbed';
import { MatButtonHarness } from '@angular/material/button/testing';
import { MatFormFieldHarness } from '@angular/material/form-field/testing';
import { MatInputHarness } from '@angular/material/input/testing';
import { MatRadioGroupHarness } from '@angular/material/radio/testing';
import { provideRouter, withComponentInputBinding } from '@angular/router';
import { RouterTestingHarness } from '@angular/router/testing';
import { submitApplication } from '@mtp/api-client';

import { flushProblem } from '../../../testing/problem-responses';
import { apiDefaultsInterceptor } from '../../core/http/api-defaults.interceptor';
import { apiProblemInterceptor } from '../../core/http/api-problem.interceptor';
import { ApplicationPage } from './application-page';

describe('ApplicationPage', () => {
  let harness: RouterTestingHarness;
  let loader: HarnessLoader;
  let httpMock: HttpTestingController;

  beforeEach(() => {
    TestBed.configureTestingModule({
      providers: [
        provideRouter(
          [
            { path: 'apply', component: ApplicationPage, data: { kind: 'partner' } },
            { path: 'apply/evaluation', component: ApplicationPage, data: { kind: 'evaluation' } },
            { path: '**', children: [] },
          ],
          withComponentInputBinding(),
        ),
        provideHttpClient(withInterceptors([apiDefaultsInterceptor, apiProblemInterceptor])),
        provideHttpClientTesting(),
      ],
    });
    httpMock = TestBed.inject(HttpTestingController);
  });

  afterEach(() => httpMock.verify());

  async function open(url = '/apply'): Promise<void> {
    harness = await RouterTestingHarness.create(url);
    loader = TestbedHarnessEnvironment.loader(harness.fixture);
  }

  const page = () => harness.routeNativeElement as HTMLElement;
  const settle = () => harness.fixture.whenStable();
  const input = (name: string) => loader.getHarness(MatInputHarness.with({ selector: `[formControlName="${name}"]` }));
  const field = (label: string) => loader.getHarness(MatFormFieldHarness.with({ floatingLabelText: label }));
  const submitButton = () => loader.getHarness(MatButtonHarness.with({ selector: '[type="submit"]' }));
  const banner = () => page().querySelector('[role="alert"]')?.textContent?.trim() ?? null;

  async function fill(values: Partial<Record<'company' | 'contactName' | 'email' | 'customerCount' | 'message', string>>): Promise<void> {
    for (const [name, value] of Object.entries(values)) {
      await (await input(name)).setValue(value);
    }
  }

  async function chooseKind(label: RegExp): Promise<void> {
    await (await loader.getHarness(MatRadioGroupHarness)).checkRadioButton({ label });
  }

  it('says what is missing and sends nothing while the form is not right', async () => {
    await open();
    await (await submitButton()).click();

    expect(await (await field('Company')).getTextErrors()).toEqual(['Enter the name of your company.']);
    expect(await (await field('Your name')).getTextErrors()).toEqual(['Enter your name.']);
    expect(await (await field('Work email')).getTextErrors()).toEqual(['Enter your email address.']);
    expect(page().textContent).toContain('Choose what describes you best.');

    await fill({ company: 'Contoso IT', contactName: 'Grace Hopper', email: 'not an email', customerCount: '12.5' });
    await chooseKind(/MSP/);
    await (await submitButton()).click();

    expect(await (await field('Work email')).getTextErrors()).toEqual(['Enter an email address like name@example.com.']);
    expect(await (await field('Number of customers (optional)')).getTextErrors()).toEqual([
      'Enter a whole number, or leave it empty.',
    ]);
    httpMock.expectNone(submitApplication.PATH);
  });

  it('counts the message and refuses one longer than 2000 characters', async () => {
    await open();
    await fill({ message: 'Hello' });
    expect(page().textContent).toContain('5 / 2000');

    await fill({ company: 'Contoso IT', contactName: 'Grace Hopper', email: 'grace@contoso.example', message: 'x'.repeat(2001) });
    await chooseKind(/MSP/);
    await (await submitButton()).click();

    expect(await (await field('Message (optional)')).getTextErrors()).toEqual(['At most 2000 characters. (2001 / 2000)']);
    httpMock.expectNone(submitApplication.PATH);
  });

  it('sends the application, shows progress, then says what happens next instead of the form', async () => {
    await open();
    expect(page().querySelector('h1')?.textContent).toBe('Become a partner');

    await fill({
      company: ' Contoso IT ',
      contactName: 'Grace Hopper',
      email: 'grace@contoso.example',
      customerCount: '40',
      message: 'We look after 40 schools.',
    });
    await chooseKind(/MSP/);
    await (await submitButton()).click();

    const request = httpMock.expectOne(submitApplication.PATH);
    expect(request.request.method).toBe('POST');
    expect(request.request.url).toBe('/api/v1/public/applications');
    expect(request.request.body).toEqual({
      kind: 'partner',
      company: 'Contoso IT',
      contactName: 'Grace Hopper',
      email: 'grace@contoso.example',
      customerCount: 40,
      partnerKind: 'msp',
      message: 'We look after 40 schools.',
    });
    const button = await submitButton();
    expect(await button.isDisabled()).toBe(true);
    expect(await button.getText()).toBe('Sending…');
    expect(page().querySelector('mat-progress-bar')).not.toBeNull();

    request.flush({ received: true, message: 'Application received' }, { status: 202, statusText: 'Accepted' });
    await settle();

    const status = page().querySelector('[role="status"]');
    expect(status?.textContent).toContain('Thank you: your application was received');
    expect(status?.textContent).toContain('We sent a confirmation email to grace@contoso.example.');
    expect(status?.textContent).toContain('MTP staff review every request');
    expect(page().querySelector('form')).toBeNull();
    expect(document.activeElement?.textContent).toBe('Thank you: your application was received');
  });

  it('leaves out the optional fields left empty', async () => {
    await open();
    await fill({ company: 'Fabrikam', contactName: 'Alan Turing', email: 'alan@fabrikam.example' });
    await chooseKind(/enterprise/);
    await (await submitButton()).click();

    const request = httpMock.expectOne(submitApplication.PATH);
    expect(request.request.body).toEqual({
      kind: 'partner',
      company: 'Fabrikam',
      contactName: 'Alan Turing',
      email: 'alan@fabrikam.example',
      partnerKind: 'enterprise',
    });
    request.flush({ received: true, message: 'ok' }, { status: 202, statusText: 'Accepted' });
  });

  it('puts the API’s refusals on the fields they are about', async () => {
    await open();
    await fill({ company: 'Contoso IT', contactName: 'Grace Hopper', email: 'grace@contoso.example' });
    await chooseKind(/MSP/);
    await (await submitButton()).click();

    flushProblem(httpMock.expectOne(submitApplication.PATH), {
      title: 'Bad Request',
      status: 400,
      code: 'request.validation_failed',
      errors: [
        { field: 'email', messages: ['Use a work email address.'] },
        { field: 'company', messages: ['This company has already applied.'] },
      ],
    });
    await settle();

    expect(await (await field('Work email')).getTextErrors()).toEqual(['Use a work email address.']);
    expect(await (await field('Company')).getTextErrors()).toEqual(['This company has already applied.']);
    expect(banner()).toBeNull();
    expect(page().querySelector('form')).not.toBeNull();
  });

  it('says to try later when too many requests were sent', async () => {
    await open();
    await fill({ company: 'Contoso IT', contactName: 'Grace Hopper', email: 'grace@contoso.example' });
    await chooseKind(/MSP/);
    await (await submitButton()).click();

    httpMock.expectOne(submitApplication.PATH).flush(
      { title: 'Too Many Requests', status: 429 },
      { status: 429, statusText: 'Too Many Requests', headers: { 'Content-Type': 'application/problem+json', 'Retry-After': '120' } },
    );
    await settle();

    expect(banner()).toBe('Too many requests were sent from your network. Wait 2 minutes, then try again.');
    expect(await (await submitButton()).isDisabled()).toBe(false);
  });

  it('asks for an evaluation on its own route, and links the two forms', async () => {
    await open('/apply');
    expect(page().querySelector('a[href="/apply/evaluation"]')?.textContent?.trim()).toBe('Request an evaluation');

    await harness.navigateByUrl('/apply/evaluation');
    expect(page().querySelector('h1')?.textContent).toBe('Request an evaluation');
    expect(page().querySelector('a[href="/apply"]')?.textContent?.trim()).toBe('Become a partner');

    await fill({ company: 'Northwind', contactName: 'Ada Lovelace', email: 'ada@northwind.example' });
    await (await submitButton()).click();

    const request = httpMock.expectOne(submitApplication.PATH);
    expect(request.request.body).toEqual({
      kind: 'evaluation',
      company: 'Northwind',
      contactName: 'Ada Lovelace',
      email: 'ada@northwind.example',
    });
    request.flush({ received: true, message: 'ok' }, { status: 202, statusText: 'Accepted' });
    await settle();

    expect(page().querySelector('[role="status"]')?.textContent).toContain('Thank you: your request was received');
  });
});
