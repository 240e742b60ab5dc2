import { type HttpTestingController } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { Router } from '@angular/router';
import { RouterTestingHarness } from '@angular/router/testing';

import { buttonIn, expectCall, openDialog, settle, text } from '../../../../testing/org-console-fixtures';
import { flushProblem } from '../../../../testing/problem-responses';
import { partnerPath, setUpPartner } from '../testing/partner-fixtures';
import { aRequest, aRequestDetails, aRequestPage } from '../testing/request-fixtures';
import { fill, openKind } from './testing/dialog-steps';

const REQUESTS = partnerPath('/requests');

jest.setTimeout(30_000);

describe('asking platform support for general help', () => {
  let http: HttpTestingController;
  let harness: RouterTestingHarness;

  beforeEach(async () => {
    http = setUpPartner('readonly');
    harness = await RouterTestingHarness.create('/partner/requests');
    await settle(harness);
    expectCall(http, REQUESTS).flush(aRequestPage([]));
    await openKind(harness, 'General help');
  });
  afterEach(() => http.verify());

  const dialog = () => openDialog() as HTMLElement;
  const errors = () => Array.from(dialog().querySelectorAll('mat-error'), (error) => text(error)).filter(Boolean);

  async function submit(): Promise<void> {
    buttonIn(dialog(), 'Send request').click();
    await settle(harness);
  }

  it('opens named after what it asks, and needs a subject and a message', async () => {
    expect(dialog().getAttribute('role')).toBe('dialog');
    expect(text(dialog().querySelector('h2'))).toBe('Ask platform support for help');
    await fill(harness, dialog(), 'subject', '   ');
    await submit();

    http.expectNone((request) => request.method === 'POST');
    expect(errors()).toEqual(['Give the request a subject.', 'Write what you need.']);
  });

  it('sends the subject and message, then says so and shows the new request', async () => {
    await fill(harness, dialog(), 'subject', ' VPN set-up for a branch ');
    await fill(harness, dialog(), 'message', 'Our Lyon branch needs the VPN profile.');
    await submit();

    const filed = expectCall(http, REQUESTS, 'POST');
    expect(filed.request.body).toEqual({ kind: 'general', subject: 'VPN set-up for a branch', message: 'Our Lyon branch needs the VPN profile.' });
    filed.flush(aRequestDetails(), { status: 201, statusText: 'Created' });
    await settle(harness);

    expect(document.querySelectorAll('mat-dialog-container')).toHaveLength(0);
    expect(text(document.querySelector('mat-snack-bar-container'))).toContain('Request #12 sent to platform support');
    expect(TestBed.inject(Router).url).toBe(`/partner/requests/${aRequest().id}`);
    expectCall(http, `${REQUESTS}/${aRequest().id}`).flush(aRequestDetails());
    await settle(harness);
  });

  it('shows the API’s refusals beside their fields, and the others above the form, staying open', async () => {
    await fill(harness, dialog(), 'subject', 'VPN');
    await fill(harness, dialog(), 'message', 'Help');
    await submit();
    flushProblem(expectCall(http, REQUESTS, 'POST'), {
      title: 'Bad Request',
      status: 400,
      code: 'request.validation_failed',
      errors: [
        { field: 'message', messages: ['message must be shorter than or equal to 5000 characters'] },
        { field: 'orgId', messages: ['orgId does not belong to a general request'] },
      ],
    });
    await settle(harness);

    expect(errors()).toEqual(['message must be shorter than or equal to 5000 characters']);
    expect(text(dialog().querySelector('[role="alert"]'))).toBe('orgId does not belong to a general request');
    expect(buttonIn(dialog(), 'Send request').disabled).toBe(false);
  });
});
