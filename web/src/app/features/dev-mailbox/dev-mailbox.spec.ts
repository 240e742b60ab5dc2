import { provideHttpClient, withInterceptors } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { Router, provideRouter, withComponentInputBinding } from '@angular/router';
import { RouterTestingHarness } from '@angular/router/testing';
import { type DevMailboxMessageDto, getDevMailboxMessage, listDevMailbox } from '@mtp/api-client';

import { flushProblem } from '../../../testing/problem-responses';
import { apiProblemInterceptor } from '../../core/http/api-problem.interceptor';
import { provideAppIcons } from '../../core/icons/app-icons';
import { linksIn } from './mailbox';
import { MailboxPage } from './mailbox-page';
import { MessagePage } from './message-page';

const RESET_URL = 'http://localhost:3000/reset-password?token=abc_DEF-123';
const RESET: DevMailboxMessageDto = {
  id: '0b7c3a52-6f0e-4c55-9d4c-1a2b3c4d5e6f',
  to: 'ada@partner.example',
  subject: 'Reset your MTP password',
  text: `Hello Ada,\n\nTo choose a new password, open this link:\n\n${RESET_URL}\n\nThe link works once.`,
  html: '<p>Hello</p>',
  createdAt: '2026-11-28T10:00:00.000Z',
  sentAt: '2026-11-28T10:00:01.000Z',
  status: 'sent',
};
const OFF = { title: 'Not Found', status: 404, code: 'request.not_found', detail: 'Cannot GET /api/v1/dev/mailbox' };

describe('dev mailbox', () => {
  let harness: RouterTestingHarness;
  let httpMock: HttpTestingController;

  beforeEach(() => {
    TestBed.configureTestingModule({
      providers: [
        provideRouter(
          [
            { path: 'dev/mailbox', component: MailboxPage },
            { path: 'dev/mailbox/:id', component: MessagePage },
          ],
          withComponentInputBinding(),
        ),
        provideHttpClient(withInterceptors([apiProblemInterceptor])),
        provideHttpClientTesting(),
        provideAppIcons(),
      ],
    });
    httpMock = TestBed.inject(HttpTestingController);
  });

  afterEach(() => httpMock.verify());

  const page = () => harness.routeNativeElement as HTMLElement;
  const settle = () => harness.fixture.whenStable();
  const listRequest = () => httpMock.expectOne((request) => request.url === listDevMailbox.PATH);

  async function open(url: string): Promise<void> {
    harness = await RouterTestingHarness.create(url);
  }

  it('lists the emails with who they went to, the subject and the time, and opens one', async () => {
    await open('/dev/mailbox');
    expect(page().textContent).toContain('Loading emails…');
    listRequest().flush({ items: [RESET], nextBefore: null });
    await settle();

    const entry = page().querySelector<HTMLAnchorElement>('mat-nav-list a')!;
    expect(entry.textContent).toContain('Reset your MTP password');
    expect(entry.textContent).toContain('To ada@partner.example');
    expect(entry.querySelector('time')?.getAttribute('datetime')).toBe(RESET.createdAt);

    entry.click();
    await settle();
    expect(TestBed.inject(Router).url).toBe(`/dev/mailbox/${RESET.id}`);
    httpMock.expectOne(getDevMailboxMessage.PATH.replace('{id}', RESET.id)).flush(RESET);
  });

  it('says when there are no emails yet', async () => {
    await open('/dev/mailbox');
    listRequest().flush({ items: [], nextBefore: null });
    await settle();

    expect(page().textContent).toContain('No emails yet.');
  });

  it('loads older emails on demand', async () => {
    await open('/dev/mailbox');
    listRequest().flush({ items: [RESET], nextBefore: RESET.id });
    await settle();

    (Array.from(page().querySelectorAll('button')).find((button) => button.textContent?.includes('Older emails')) as HTMLButtonElement).click();
    const older = listRequest();
    expect(older.request.params.get('before')).toBe(RESET.id);
    older.flush({ items: [{ ...RESET, id: 'older', subject: 'Welcome' }], nextBefore: null });
    await settle();

    expect(page().querySelectorAll('mat-nav-list a')).toHaveLength(2);
  });

  it('says the mailbox is off when the API answers 404', async () => {
    await open('/dev/mailbox');
    flushProblem(listRequest(), OFF);
    await settle();

    expect(page().textContent).toContain('The dev mailbox is off: emails are delivered by SMTP');
    expect(page().querySelector('[role="alert"]')).toBeNull();
  });

  it('shows an email as text, with its links to follow', async () => {
    await open(`/dev/mailbox/${RESET.id}`);
    httpMock.expectOne(getDevMailboxMessage.PATH.replace('{id}', RESET.id)).flush(RESET);
    await settle();

    expect(page().querySelector('h1')?.textContent).toBe('Reset your MTP password');
    expect(page().querySelector('pre')?.textContent).toBe(RESET.text);
    const links = Array.from(page().querySelectorAll<HTMLAnchorElement>('ul a'), (link) => link.getAttribute('href'));
    expect(links).toEqual([RESET_URL]);
  });

  it('says when an email is not there any more', async () => {
    await open('/dev/mailbox/nope');
    flushProblem(httpMock.expectOne(getDevMailboxMessage.PATH.replace('{id}', 'nope')), {
      title: 'Not Found',
      status: 404,
      code: 'mail.message_not_found',
    });
    await settle();

    expect(page().querySelector('[role="alert"]')?.textContent).toContain('This email is not in the dev mailbox.');
  });
});

describe('linksIn', () => {
  it('finds each web link once, without the punctuation that ends a sentence', () => {
    expect(linksIn('Open https://a.example/x?y=1. Or http://b.example/ (or https://a.example/x?y=1), ftp://c')).toEqual([
      'https://a.example/x?y=1',
      'http://b.example/',
    ]);
  });
});
