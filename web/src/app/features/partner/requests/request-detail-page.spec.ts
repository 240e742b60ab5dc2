import { type HttpTestingController } from '@angular/common/http/testing';
import { RouterTestingHarness } from '@angular/router/testing';
import { type SupportRequestDetailsDto } from '@mtp/api-client';

import { ACME, buttonIn, expectCall, openDialog, settle, text } from '../../../../testing/org-console-fixtures';
import { flushProblem } from '../../../../testing/problem-responses';
import { partnerPath, setUpPartner } from '../testing/partner-fixtures';
import { aDetachRequest, aRequest, aRequestDetails, anEvent } from '../testing/request-fixtures';

const ID = aRequest().id;
const REQUEST = partnerPath(`/requests/${ID}`);

jest.setTimeout(30_000);

const TIMELINE = [
  anEvent(),
  anEvent({ id: 'ev2', occurredAt: '2026-11-20T10:00:00.000Z', kind: 'status', side: 'staff', actor: 'Platform support', status: 'in_progress' }),
  anEvent({ id: 'ev3', occurredAt: '2026-11-20T11:00:00.000Z', kind: 'comment', side: 'staff', actor: 'Platform support', status: null, comment: 'Which Monday suits?' }),
  anEvent({ id: 'ev4', occurredAt: '2026-11-20T12:00:00.000Z', kind: 'comment', side: 'partner', actor: 'grace@partner.example', status: null, comment: 'The first one.' }),
];

describe('one request of the partner', () => {
  let http: HttpTestingController;
  let harness: RouterTestingHarness;

  afterEach(() => http.verify());

  const page = () => harness.routeNativeElement as HTMLElement;
  // Each part of an entry on its own, as a screen reader reads them: "who did what · when · comment".
  const parts = (element: Element) => Array.from(element.querySelectorAll('.what, .when, .comment, dt, dd'), (part) => text(part)).join(' ');
  const events = () => Array.from(page().querySelectorAll('ol[aria-label="Timeline"] li'), parts);
  const facts = () => Array.from(page().querySelectorAll('dl[aria-label="About this request"] > div'), parts);
  const asked = () => Array.from(page().querySelectorAll('dl.asked dt'), (term) => `${text(term)}: ${text(term.nextElementSibling)}`);
  const status = () => text(page().querySelector('[data-testid="request-status"]'));
  const alert = () => text(page().querySelector('.refusal[role="alert"]'));
  const cancelButton = () => Array.from(page().querySelectorAll('button')).find((button) => text(button) === 'Cancel request') ?? null;

  async function open(request: SupportRequestDetailsDto, role = 'owner'): Promise<void> {
    http = setUpPartner(role);
    harness = await RouterTestingHarness.create(`/partner/requests/${request.id}`);
    await settle(harness);
    expectCall(http, partnerPath(`/requests/${request.id}`)).flush(request);
    await settle(harness);
  }

  it('shows what a detachment asks, about which org, and the whole timeline, staff as “Platform support”', async () => {
    await open(aRequestDetails(aDetachRequest({ status: 'in_progress', cancellable: false }), TIMELINE));

    expect(text(page().querySelector('h1'))).toBe('#13 · Detach an organization');
    expect(status()).toBe('In progress');
    expect(facts().slice(0, 3)).toEqual(['Kind Detach an organization', `Organization Acme Manufacturing ${ACME.orgId}`, 'Filed by ada@partner.example']);
    expect(asked()).toEqual(['Reason: They moved to another provider', 'Effective date: Dec 31, 2026']);
    const [filed, taken, staffComment, partnerComment] = events();
    expect(filed).toMatch(/^ada@partner\.example filed the request Nov 20, 2026/);
    expect(taken).toMatch(/^Platform support took the request Nov 20, 2026/);
    expect(staffComment).toMatch(/^Platform support commented .* Which Monday suits\?$/);
    expect(partnerComment).toMatch(/^grace@partner\.example commented .* The first one\.$/);
    expect(page().querySelectorAll('li.event--staff')).toHaveLength(2);
    // Staff have it: it can no longer be cancelled, but still takes comments.
    expect(cancelButton()).toBeNull();
    expect(page().querySelector('form[aria-label="Add a comment"]')).not.toBeNull();
    expect(page().querySelector('a[href="/partner/requests"]')).not.toBeNull();
  });

  it('shows what a training asks: topic, preferred dates as days, attendees, notes', async () => {
    await open(aRequestDetails(aRequest({
      kind: 'training', subject: 'Training: Onboarding',
      details: { topic: 'Onboarding', preferredDates: ['2026-12-08', '2026-12-10'], attendees: 6, notes: null },
    })));

    expect(asked()).toEqual(['Topic: Onboarding', 'Preferred dates: Dec 8, 2026 · Dec 10, 2026', 'Attendees: 6', 'Notes: —']);
  });

  it('adds a comment and shows the timeline the API answers', async () => {
    await open(aRequestDetails());
    const form = page().querySelector('form[aria-label="Add a comment"]')!;
    buttonIn(form, 'Add comment').click();
    await settle(harness);
    http.expectNone((request) => request.method === 'POST');
    expect(text(form.querySelector('mat-error'))).toBe('Write a comment.');

    const box = form.querySelector('textarea')!;
    box.value = '  Any news?  ';
    box.dispatchEvent(new Event('input'));
    buttonIn(form, 'Add comment').click();
    await settle(harness);
    const posted = expectCall(http, `${REQUEST}/comments`, 'POST');
    expect(posted.request.body).toEqual({ comment: 'Any news?' });
    posted.flush(aRequestDetails(aRequest(), [anEvent(), anEvent({ id: 'ev2', kind: 'comment', status: null, comment: 'Any news?' })]), { status: 201, statusText: 'Created' });
    await settle(harness);

    expect(events()[1]).toMatch(/^ada@partner\.example commented .* Any news\?$/);
    expect(page().querySelector<HTMLTextAreaElement>('form[aria-label="Add a comment"] textarea')!.value).toBe('');
    // The emptied box is ready for the next comment, not an error.
    expect(page().querySelector('form[aria-label="Add a comment"] mat-error')).toBeNull();
  });

  it('says when the request closed meanwhile, and shows it closed', async () => {
    await open(aRequestDetails());
    const box = page().querySelector('textarea')!;
    box.value = 'Any news?';
    box.dispatchEvent(new Event('input'));
    buttonIn(page().querySelector('form'), 'Add comment').click();
    await settle(harness);
    flushProblem(expectCall(http, `${REQUEST}/comments`, 'POST'), { title: 'Conflict', status: 409, code: 'support.request_closed' });
    await settle(harness);
    expectCall(http, REQUEST).flush(aRequestDetails(aRequest({ status: 'resolved', cancellable: false, closedAt: '2026-11-21T09:00:00.000Z' })));
    await settle(harness);

    expect(alert()).toBe('This request is closed: it takes no more comments.');
    expect(status()).toBe('Resolved');
    expect(page().querySelector('form[aria-label="Add a comment"]')).toBeNull();
    expect(text(page())).toContain('This request is closed: it takes no more comments. To ask again, file a new request.');
    expect(facts()).toContain('Closed Nov 21, 2026, 9:00:00 AM');
  });

  it('cancels an open request once confirmed, and not when the admin keeps it', async () => {
    await open(aRequestDetails());
    cancelButton()!.click();
    await settle(harness);
    expect(text(openDialog()!.querySelector('h2'))).toBe('Cancel request #12?');
    buttonIn(openDialog(), 'Keep it').click();
    await settle(harness);
    http.expectNone((request) => request.method === 'POST');

    cancelButton()!.click();
    await settle(harness);
    buttonIn(openDialog(), 'Cancel request').click();
    await settle(harness);
    const cancel = expectCall(http, `${REQUEST}/cancel`, 'POST');
    expect(cancel.request.body).toEqual({});
    cancel.flush(aRequestDetails(aRequest({ status: 'cancelled', cancellable: false, closedAt: '2026-11-20T10:00:00.000Z' }), [
      anEvent(),
      anEvent({ id: 'ev2', kind: 'status', status: 'cancelled' }),
    ]));
    await settle(harness);

    expect(status()).toBe('Cancelled');
    expect(events()[1]).toMatch(/^ada@partner\.example cancelled the request/);
    expect(text(document.querySelector('mat-snack-bar-container'))).toContain('Request #12 cancelled');
    expect(cancelButton()).toBeNull();
    expect(page().querySelector('form[aria-label="Add a comment"]')).toBeNull();
  });

  it.each([
    [409, 'support.not_cancellable', 'Platform support has already taken this request, so it can no longer be cancelled. Add a comment instead.'],
    [403, 'partners.forbidden', 'Only whoever filed this request, or an owner or admin of your partner, may cancel it.'],
  ])('says why the API refused to cancel (%s %s), and shows the request as it is now', async (statusCode, code, words) => {
    await open(aRequestDetails());
    cancelButton()!.click();
    await settle(harness);
    buttonIn(openDialog(), 'Cancel request').click();
    await settle(harness);
    flushProblem(expectCall(http, `${REQUEST}/cancel`, 'POST'), { title: 'Refused', status: statusCode, code });
    await settle(harness);
    expectCall(http, REQUEST).flush(aRequestDetails(aRequest({ status: 'in_progress', cancellable: false })));
    await settle(harness);

    expect(alert()).toBe(words);
    expect(status()).toBe('In progress');
    expect(cancelButton()).toBeNull();
  });

  it.each([
    ['the API says this reader may cancel it', true],
    ['the API says this reader may not (a manager who did not file it)', false],
  ])('offers Cancel only when %s', async (_when, cancellable) => {
    await open(aRequestDetails(aRequest({ cancellable })), 'manager');

    expect(cancelButton() !== null).toBe(cancellable);
  });

  it('says when there is no such request, and tries again on request', async () => {
    http = setUpPartner('owner');
    harness = await RouterTestingHarness.create(`/partner/requests/${ID}`);
    await settle(harness);
    flushProblem(expectCall(http, REQUEST), { title: 'Not Found', status: 404, code: 'support.not_found' });
    await settle(harness);

    expect(text(page().querySelector('[role="alert"]'))).toContain('There is no such request of your partner');
    buttonIn(page().querySelector('[role="alert"]'), 'Try again').click();
    await settle(harness);
    expectCall(http, REQUEST).flush(aRequestDetails());
    await settle(harness);
    expect(text(page().querySelector('h1'))).toBe('#12 · VPN set-up for a branch');
  });
});
