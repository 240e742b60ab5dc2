import { type HttpTestingController } from '@angular/common/http/testing';
import { type RouterTestingHarness } from '@angular/router/testing';

import { ACME, buttonIn, expectCall, openConsole, openDialog, orgPath, settle, setUpConsole, text } from '../../../../testing/org-console-fixtures';
import { flushProblem } from '../../../../testing/problem-responses';

const ADMINS = orgPath(ACME.orgId, '/admins');
const OLIVIA = { administratorId: 'a1', email: 'olivia@acme.example', name: 'Olivia', active: true, addedAt: '2026-01-05T10:00:00.000Z' };
const INVITED = { administratorId: 'a2', email: 'new@acme.example', name: '', active: false, addedAt: '2026-11-01T10:00:00.000Z' };

describe('the admins tab of the org console', () => {
  let http: HttpTestingController;
  let harness: RouterTestingHarness;

  beforeEach(async () => {
    http = setUpConsole();
    harness = await openConsole(http, `/orgs/${ACME.orgId}/admins`);
    await settle(harness);
    expectCall(http, ADMINS).flush([OLIVIA, INVITED]);
    await settle(harness);
  });
  afterEach(() => http.verify());

  const page = () => harness.routeNativeElement as HTMLElement;

  it('lists active and invited admins', () => {
    const rows = Array.from(page().querySelectorAll('li.admin'), (row) => text(row));
    expect(rows[0]).toContain('Olivia');
    expect(rows[0]).toContain('Active');
    expect(rows[1]).toContain('new@acme.example');
    expect(rows[1]).toContain('Invited');
  });

  it('shows the API’s words when the last admin cannot be removed', async () => {
    page().querySelector<HTMLButtonElement>('[aria-label="Remove olivia@acme.example"]')!.click();
    await settle(harness);
    http.expectNone((request) => request.method === 'DELETE');
    buttonIn(openDialog(), 'Remove').click();
    await settle(harness);

    flushProblem(expectCall(http, orgPath(ACME.orgId, '/admins/a1'), 'DELETE'), {
      title: 'Conflict', status: 409, code: 'orgs.last_admin',
      detail: 'An organization keeps at least one administrator; add another before removing this one',
    });
    await settle(harness);

    expect(text(page().querySelector('[role="alert"]'))).toBe(
      'An organization keeps at least one administrator; add another before removing this one',
    );
  });
});
