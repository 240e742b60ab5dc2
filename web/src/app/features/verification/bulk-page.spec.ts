import { type HttpTestingController } from '@angular/common/http/testing';
import { RouterTestingHarness } from '@angular/router/testing';

import { ACME, buttonIn, expectCall, settle, text } from '../../../testing/org-console-fixtures';
import { flushProblem } from '../../../testing/problem-responses';
import { setUpPartner } from '../partner/testing/partner-fixtures';
import { BULK, flushTooMany, orgIdOf, requestedRows } from './testing/verification-fixtures';

/** `count` valid lines, each with its own OrgID and email, numbered from 1. */
function listOf(count: number): string[] {
  return Array.from({ length: count }, (_, index) => `${orgIdOf(index + 1)},admin${index + 1}@customer.example`);
}

describe('verifying many organizations at once', () => {
  let http: HttpTestingController;
  let harness: RouterTestingHarness;

  beforeEach(async () => {
    http = setUpPartner('owner');
    harness = await RouterTestingHarness.create('/partner/verifications/bulk');
    await settle(harness);
  });
  afterEach(() => http.verify());

  const page = () => harness.routeNativeElement as HTMLElement;
  const outcome = (line: number) => text(page().querySelector(`tr[data-line="${line}"] .outcome`));
  const progress = () => text(page().querySelector('.progress-text'));
  const sendButton = () => Array.from(page().querySelectorAll('button'), (button) => text(button)).find((label) => label.startsWith('Send ')) ?? '';

  async function paste(lines: string[]): Promise<void> {
    const area = page().querySelector('textarea')!;
    area.value = lines.join('\n');
    area.dispatchEvent(new Event('input'));
    await settle(harness);
  }

  async function send(): Promise<void> {
    buttonIn(page(), sendButton()).click();
    await settle(harness);
  }

  const bodyOf = (request: { request: { body: unknown } }) => (request.request.body as { rows: { orgId: string; email: string }[] }).rows;

  it('previews the rows, marking the invalid ones and leaving out repeats', async () => {
    await paste(['OrgID, email', `${ACME.orgId}, it@acme.example`, 'nope, it@acme.example', `${ACME.orgId.toUpperCase()}; it@acme.example`]);

    expect(text(page().querySelector('.counts'))).toBe('2 rows: 1 valid, 1 invalid (not sent). 1 repeated row was left out.');
    expect(outcome(2)).toBe('Ready');
    expect(outcome(3)).toBe('Invalid: an OrgID has 24 characters, digits and a to f');
    expect(sendButton()).toBe('Send 1 verification request');
  });

  it('sends 30 rows as batches of 25 and 5, filling in each row’s outcome as its batch answers', async () => {
    await paste(['OrgID,Email', ...listOf(30), 'bad,line@x.example']);
    expect(sendButton()).toBe('Send 30 verification requests');
    await send();

    const first = expectCall(http, BULK, 'POST');
    expect(bodyOf(first)).toHaveLength(25);
    expect(bodyOf(first)[0]).toEqual({ orgId: orgIdOf(1), email: 'admin1@customer.example' });
    expect(progress()).toBe('0 of 30 done');
    expect(outcome(2)).toBe('Sending…');
    expect(outcome(28)).toBe('Waiting');
    first.flush({ rows: requestedRows(first) });
    await settle(harness);

    expect(progress()).toBe('25 of 30 done');
    expect(outcome(2)).toBe('Requested');
    const second = expectCall(http, BULK, 'POST');
    const rows = bodyOf(second);
    expect(rows.map((row) => row.email)).toEqual(['admin26', 'admin27', 'admin28', 'admin29', 'admin30'].map((name) => `${name}@customer.example`));
    const answers = requestedRows(second);
    answers[1] = { ...answers[1], outcome: 'rate_limited', verificationId: null, message: 'Too many codes sent to this email; try again in an hour.' };
    answers[2] = { ...answers[2], outcome: 'invalid', verificationId: null, message: 'Not an OrgID.' };
    second.flush({ rows: answers });
    await settle(harness);

    expect(progress()).toBe('30 of 30 done');
    expect(outcome(28)).toBe('Rate limited: Too many codes sent to this email; try again in an hour.');
    expect(outcome(29)).toBe('Invalid: Not an OrgID.');
    expect(outcome(32)).toBe('Invalid: an OrgID has 24 characters, digits and a to f');
    expect(text(page().querySelector('mtp-notice-banner'))).toContain('Summary: 28 requested, 2 invalid, 1 rate limited.');
    // Nothing is left to send: the invalid rows would be refused again.
    expect(sendButton()).toBe('');
  });

  it('stops at a 429, says when to continue, and sends the rows not sent when asked again', async () => {
    await paste(listOf(60));
    await send();
    const first = expectCall(http, BULK, 'POST');
    first.flush({ rows: requestedRows(first) });
    await settle(harness);
    flushTooMany(expectCall(http, BULK, 'POST'), 600);
    await settle(harness);

    http.expectNone(BULK);
    expect(progress()).toBe('25 of 60 done');
    expect(text(page().querySelector('.mtp-error-banner[role="alert"]'))).toContain('Continue in about 10 minutes');
    expect(outcome(25)).toBe('Requested');
    expect(outcome(26)).toBe('Not sent');
    expect(outcome(60)).toBe('Not sent');
    expect(text(page().querySelector('mtp-notice-banner'))).toContain('Summary: 25 requested, 35 not sent.');

    expect(sendButton()).toBe('Send 35 verification requests');
    await send();
    const resumed = expectCall(http, BULK, 'POST');
    expect(bodyOf(resumed)[0].email).toBe('admin26@customer.example');
    resumed.flush({ rows: requestedRows(resumed) });
    await settle(harness);
    const last = expectCall(http, BULK, 'POST');
    expect(bodyOf(last)).toHaveLength(10);
    last.flush({ rows: requestedRows(last) });
    await settle(harness);
    expect(progress()).toBe('35 of 35 done');
    expect(page().querySelector('.mtp-error-banner')).toBeNull();
  });

  it('marks a batch that failed with the reason, and goes on with the next', async () => {
    await paste(listOf(26));
    await send();
    flushProblem(expectCall(http, BULK, 'POST'), { title: 'Service Unavailable', status: 503 });
    await settle(harness);
    const second = expectCall(http, BULK, 'POST');
    second.flush({ rows: requestedRows(second) });
    await settle(harness);

    expect(outcome(1)).toBe('Failed: The portal cannot reach the server. Check your connection and try again.');
    expect(outcome(26)).toBe('Requested');
    expect(sendButton()).toBe('Send 25 verification requests');
  });

  it('starts over when the list is changed after a run', async () => {
    await paste(listOf(2));
    await send();
    const request = expectCall(http, BULK, 'POST');
    request.flush({ rows: requestedRows(request) });
    await settle(harness);
    expect(progress()).toBe('2 of 2 done');

    await paste(listOf(3));
    expect(page().querySelector('.progress-text')).toBeNull();
    expect(page().querySelector('mtp-notice-banner')).toBeNull();
    expect(outcome(1)).toBe('Ready');
    expect(sendButton()).toBe('Send 3 verification requests');
  });

  it('fills the list from an uploaded CSV file', async () => {
    const input = page().querySelector<HTMLInputElement>('input[type="file"]')!;
    const file = new File([`OrgID,Email\n${ACME.orgId},it@acme.example\n`], 'orgs.csv', { type: 'text/csv' });
    Object.defineProperty(input, 'files', { value: { item: () => file, length: 1 }, configurable: true });
    input.dispatchEvent(new Event('change'));
    for (let round = 0; round < 5 && !page().querySelector('tr[data-line]'); round++) {
      await settle(harness);
    }

    expect(page().querySelector('textarea')!.value).toContain(ACME.orgId);
    expect(outcome(2)).toBe('Ready');
  });
});
