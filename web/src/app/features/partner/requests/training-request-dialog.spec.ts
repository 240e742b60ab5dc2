import { type HttpTestingController } from '@angular/common/http/testing';
import { RouterTestingHarness } from '@angular/router/testing';

import { buttonIn, expectCall, openDialog, settle, text } from '../../../../testing/org-console-fixtures';
import { flushProblem } from '../../../../testing/problem-responses';
import { partnerPath, setUpPartner } from '../testing/partner-fixtures';
import { aRequest, aRequestDetails, aRequestPage } from '../testing/request-fixtures';
import { fill, openKind } from './testing/dialog-steps';

const REQUESTS = partnerPath('/requests');

jest.setTimeout(30_000);

describe('asking platform support for a training', () => {
  let http: HttpTestingController;
  let harness: RouterTestingHarness;

  beforeEach(async () => {
    http = setUpPartner('helpdesk');
    harness = await RouterTestingHarness.create('/partner/requests');
    await settle(harness);
    expectCall(http, REQUESTS).flush(aRequestPage([]));
    await openKind(harness, 'Training');
  });
  afterEach(() => http.verify());

  const dialog = () => openDialog() as HTMLElement;
  const errors = () => Array.from(dialog().querySelectorAll('mat-error'), (error) => text(error)).filter(Boolean);
  const dateInputs = () => Array.from(dialog().querySelectorAll<HTMLInputElement>('fieldset input'));
  const dateLabels = () => Array.from(dialog().querySelectorAll('fieldset mat-label'), (label) => text(label));

  async function typeDate(index: number, value: string): Promise<void> {
    const input = dateInputs()[index];
    input.value = value;
    input.dispatchEvent(new Event('input'));
    input.dispatchEvent(new Event('blur'));
    await settle(harness);
  }

  async function submit(): Promise<void> {
    buttonIn(dialog(), 'Send request').click();
    await settle(harness);
  }

  it('offers one to five preferred dates, each with a calendar', async () => {
    expect(text(dialog().querySelector('h2'))).toBe('Ask for a training');
    expect(dateLabels()).toEqual(['Preferred date 1']);
    expect(dialog().querySelectorAll('mat-datepicker-toggle')).toHaveLength(1);
    expect(dialog().querySelector('[aria-label="Remove preferred date 1"]')).toBeNull();

    for (let added = 0; added < 4; added++) {
      buttonIn(dialog(), 'Add another date').click();
      await settle(harness);
    }
    expect(dateLabels()).toHaveLength(5);
    expect(buttonIn(dialog(), 'Add another date').disabled).toBe(true);

    dialog().querySelector<HTMLButtonElement>('[aria-label="Remove preferred date 2"]')!.click();
    await settle(harness);
    expect(dateLabels()).toEqual(['Preferred date 1', 'Preferred date 2', 'Preferred date 3', 'Preferred date 4']);
    expect(buttonIn(dialog(), 'Add another date').disabled).toBe(false);
  });

  it('needs a topic, dates from today on and a number of attendees from 1 to 500', async () => {
    await typeDate(0, '01/02/2020');
    await fill(harness, dialog(), 'attendees', '501');
    await submit();

    http.expectNone((request) => request.method === 'POST');
    expect(errors()).toEqual(['Say what the training is about.', 'Choose today or a later date.', 'At most 500 people: for more, ask for help instead.']);

    await typeDate(0, 'not a date');
    await fill(harness, dialog(), 'attendees', '0');
    expect(errors()).toEqual([
      'Say what the training is about.',
      'Enter a date, such as 12/31/2026, or choose one from the calendar.',
      'At least 1 person.',
    ]);
  });

  it('sends the topic, the dates as calendar dates, the attendees and the notes', async () => {
    await fill(harness, dialog(), 'topic', ' Onboarding new helpdesk staff ');
    await typeDate(0, '12/08/2030');
    buttonIn(dialog(), 'Add another date').click();
    await settle(harness);
    await typeDate(1, '12/10/2030');
    await fill(harness, dialog(), 'attendees', '6');
    await submit();

    const filed = expectCall(http, REQUESTS, 'POST');
    // No notes were written: none are sent.
    expect(filed.request.body).toEqual({ kind: 'training', topic: 'Onboarding new helpdesk staff', preferredDates: ['2030-12-08', '2030-12-10'], attendees: 6 });
    filed.flush(aRequestDetails(aRequest({ kind: 'training', subject: 'Training: Onboarding new helpdesk staff' })), { status: 201, statusText: 'Created' });
    await settle(harness);

    expect(document.querySelectorAll('mat-dialog-container')).toHaveLength(0);
    expectCall(http, `${REQUESTS}/${aRequest().id}`).flush(aRequestDetails());
    await settle(harness);
  });

  it('shows the API’s refusals of the dates beside the dates, and of the notes beside the notes', async () => {
    await fill(harness, dialog(), 'topic', 'Onboarding');
    await typeDate(0, '12/08/2030');
    await fill(harness, dialog(), 'attendees', '6');
    await fill(harness, dialog(), 'notes', 'In French, please.');
    await submit();
    const filed = expectCall(http, REQUESTS, 'POST');
    expect(filed.request.body).toMatchObject({ notes: 'In French, please.' });
    flushProblem(filed, {
      title: 'Bad Request',
      status: 400,
      code: 'request.validation_failed',
      errors: [
        { field: 'preferredDates', messages: ['2030-12-08 is in the past'] },
        { field: 'notes', messages: ['notes must be shorter than or equal to 2000 characters'] },
      ],
    });
    await settle(harness);

    expect(text(dialog().querySelector('fieldset [role="alert"]'))).toBe('2030-12-08 is in the past');
    expect(errors()).toEqual(['notes must be shorter than or equal to 2000 characters']);
    expect(dialog().querySelector('.mtp-error-banner')).toBeNull();

    // Choosing another date clears the API's word on the dates.
    await typeDate(0, '12/09/2030');
    expect(dialog().querySelector('fieldset [role="alert"]')).toBeNull();
  });
});
