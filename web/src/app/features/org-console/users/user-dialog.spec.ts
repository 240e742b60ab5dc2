import { type HttpTestingController } from '@angular/common/http/testing';
import { type RouterTestingHarness } from '@angular/router/testing';

import {
  ACME, aUser, anOverview, buttonIn, expectCall, openConsole, openDialog, orgPath, settle, setUpConsole, text,
} from '../../../../testing/org-console-fixtures';
import { flushProblem } from '../../../../testing/problem-responses';

const USERS = orgPath(ACME.orgId, '/users');

describe('creating a user in the org console', () => {
  let http: HttpTestingController;
  let harness: RouterTestingHarness;

  beforeEach(async () => {
    http = setUpConsole();
    harness = await openConsole(http, `/orgs/${ACME.orgId}/users`);
    await settle(harness);
    expectCall(http, USERS).flush({ items: [], total: 0, limit: 25, offset: 0 });
    await settle(harness);
    buttonIn(harness.routeNativeElement as HTMLElement, 'Create user').click();
    await settle(harness);
  });
  afterEach(() => http.verify());

  const field = (name: string) => openDialog()!.querySelector<HTMLInputElement>(`[formcontrolname="${name}"]`)!;
  const errors = () => Array.from(openDialog()!.querySelectorAll('mat-error'), (error) => text(error));

  async function fill(values: Record<string, string>): Promise<void> {
    for (const [name, value] of Object.entries(values)) {
      field(name).value = value;
      field(name).dispatchEvent(new Event('input'));
    }
    await settle(harness);
  }

  async function submit(): Promise<void> {
    buttonIn(openDialog(), 'Create user').click();
    await settle(harness);
  }

  it('checks the form before asking the server', async () => {
    await fill({ username: '-bad', email: 'not-an-email' });
    await submit();

    http.expectNone((request) => request.method === 'POST');
    expect(errors()).toEqual([
      'Use lowercase letters, digits, dot, dash and underscore (at most 64), starting with a letter or digit.',
      'Enter a valid email address.',
    ]);
  });

  it('shows the API’s refusals on the fields they are about', async () => {
    await fill({ username: 'ann', email: 'ann@acme.example', firstName: 'Ann' });
    await submit();

    const request = expectCall(http, USERS, 'POST');
    expect(request.request.body).toEqual({ username: 'ann', email: 'ann@acme.example', firstName: 'Ann', lastName: '', state: 'active' });
    flushProblem(request, {
      title: 'Bad Request', status: 400, code: 'request.validation_failed',
      errors: [{ field: 'email', messages: ['Enter a valid email address'] }],
    });
    await settle(harness);

    expect(errors()).toEqual(['Enter a valid email address']);
  });

  it('says on the username field when the name is taken, and stays open', async () => {
    await fill({ username: 'ann', email: 'ann@acme.example' });
    await submit();
    flushProblem(expectCall(http, USERS, 'POST'), {
      title: 'Conflict', status: 409, code: 'orgs.username_taken', detail: 'The username ann is already used in this organization',
    });
    await settle(harness);

    expect(errors()).toEqual(['The username ann is already used in this organization']);
    expect(openDialog()).not.toBeNull();
  });

  it('says so when the org has reached its user cap', async () => {
    await fill({ username: 'ann', email: 'ann@acme.example' });
    await submit();
    flushProblem(expectCall(http, USERS, 'POST'), {
      title: 'Conflict', status: 409, code: 'orgs.user_cap_reached', detail: 'This organization is limited to 48 users',
    });
    await settle(harness);

    expect(text(openDialog()!.querySelector('[role="alert"]'))).toBe('This organization is limited to 48 users');
  });

  it('closes on success, says so, and refreshes the table and the figures', async () => {
    await fill({ username: 'ann', email: 'ann@acme.example' });
    await submit();
    expectCall(http, USERS, 'POST').flush(aUser({ username: 'ann' }), { status: 201, statusText: 'Created' });
    await settle(harness);

    expect(document.querySelectorAll('mat-dialog-container')).toHaveLength(0);
    expect(text(document.querySelector('mat-snack-bar-container'))).toContain('Created ann');
    expectCall(http, USERS).flush({ items: [aUser({ username: 'ann' })], total: 1, limit: 25, offset: 0 });
    expectCall(http, orgPath(ACME.orgId)).flush(anOverview());
  });
});
