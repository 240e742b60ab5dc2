import { type HttpTestingController } from '@angular/common/http/testing';
import { type ComponentFixture, TestBed } from '@angular/core/testing';

import { buttonIn, openDialog, text } from '../../../testing/org-console-fixtures';
import { flushProblem } from '../../../testing/problem-responses';
import { PartnerDashboard } from './partner-dashboard';
import {
  ACME,
  GLOBEX,
  OVERVIEW,
  SUSPEND,
  UNLOCK,
  type DashboardLists,
  aBulkResult,
  answerDashboard,
  aUserPage,
  anOverview,
  expectCall,
  expectUsers,
  queryOf,
  rowsOf,
  settle,
  someTotals,
  someUsers,
  setUpDashboard,
} from './testing/dashboard-fixtures';

jest.mock('ng2-charts', () => jest.requireActual('./testing/fake-charts'));

describe('the partner dashboard', () => {
  let http: HttpTestingController;
  let fixture: ComponentFixture<PartnerDashboard>;

  afterEach(() => http.verify());

  const page = () => fixture.nativeElement as HTMLElement;
  const figure = (label: string) =>
    text(page().querySelector(`[aria-label="Totals"] [role="group"][aria-label="${label}"] [data-testid="figure-value"]`));
  const detail = (label: string) =>
    text(page().querySelector(`[aria-label="Totals"] [role="group"][aria-label="${label}"] [data-testid="figure-detail"]`));
  const widget = (title: string) => page().querySelector(`section[aria-labelledby="${title}"]`)!;
  const lockouts = () => widget('lockouts-title');
  const checkbox = (label: string) => page().querySelector<HTMLInputElement>(`input[type="checkbox"][aria-label="${label}"]`);

  async function open(role = 'owner'): Promise<void> {
    http = setUpDashboard(role);
    fixture = TestBed.createComponent(PartnerDashboard);
    await settle(fixture);
  }

  async function answerAll(overview = anOverview(), lists: DashboardLists = {}): Promise<void> {
    answerDashboard(http, overview, lists);
    await settle(fixture);
  }

  it('shows the totals over the orgs the admin may see, as of when they were read', async () => {
    await open();
    expect(text(page())).toContain('Loading the figures…');

    await answerAll();

    expect(figure('Organizations')).toBe('5');
    expect(figure('Users')).toBe('1,250');
    expect(detail('Users')).toBe('1,100 active · 90 suspended · 60 staged');
    expect(figure('Systems active')).toBe('352');
    expect(detail('Systems active')).toBe('of 400 systems');
    expect(figure('Admins')).toBe('11');
    expect(figure('MFA coverage')).toBe('88 %');
    expect(detail('MFA coverage')).toBe('968 of 1,100 active users');
    expect(figure('Locked out')).toBe('13');
    expect(figure('Passwords expiring')).toBe('37');
    expect(figure('Passwords expired')).toBe('4');
    expect(figure('New users')).toBe('21');
    expect(text(page().querySelector('[data-testid="as-of"]'))).toMatch(/^As of Nov 20, 2026, \d{1,2}:58:00/);
    expect(text(page())).not.toContain('Loading the figures…');
  });

  it('says MFA coverage has no figure while no user is active', async () => {
    await open();
    await answerAll(anOverview({ totals: someTotals({ mfaCoveragePercent: null }, { active: 0, activeWithMfa: 0 }) }));

    expect(figure('MFA coverage')).toBe('—');
    expect(detail('MFA coverage')).toBe('no active users yet');
  });

  it('draws the charts from the overview, with their figures in text', async () => {
    await open();
    await answerAll();

    const tables = Array.from(page().querySelectorAll('mtp-dashboard-charts table'), (table) => rowsOf(table));
    expect(tables).toEqual([
      [['Acme Manufacturing', '700'], ['Globex Retail', '400'], ['Initech', '150']],
      [['No active users', '1'], ['< 50 %', '0'], ['50–79 %', '1'], ['80–94 %', '2'], ['95–99 %', '0'], ['100 %', '1']],
      [['Windows', '250'], ['macOS', '90'], ['Linux', '55'], ['Other', '5']],
    ]);
  });

  it('shows a failure to load the figures in words, and tries again on request', async () => {
    await open();
    flushProblem(expectCall(http, OVERVIEW), { title: 'Service Unavailable', status: 503 });
    expectUsers(http, 'lockedOutAt').flush(aUserPage([]));
    expectUsers(http, 'passwordExpiresAt').flush(aUserPage([]));
    expectUsers(http, 'createdAt').flush(aUserPage([]));
    await settle(fixture);

    expect(text(page().querySelector('mtp-problem-banner [role="alert"]'))).toContain('The portal cannot reach the server.');
    expect(page().querySelector('[aria-label="Totals"]')).toBeNull();

    buttonIn(page().querySelector('mtp-problem-banner'), 'Try again').click();
    await settle(fixture);
    await answerAll();

    expect(page().querySelector('mtp-problem-banner')).toBeNull();
    expect(figure('Locked out')).toBe('13');
  });

  it('reads the figures and every list again on Refresh', async () => {
    await open();
    await answerAll();

    buttonIn(page(), 'Refresh').click();
    await settle(fixture);
    expect(buttonIn(page(), 'Refresh').disabled).toBe(true);
    expect(page().querySelector('[aria-label="Refreshing the figures"]')).not.toBeNull();
    await answerAll(anOverview({ totals: someTotals({}, { lockedOut: 2 }) }), { lockouts: aUserPage(someUsers(1, 2)) });

    expect(figure('Locked out')).toBe('2');
    expect(lockouts().querySelectorAll('tr[data-user-id]')).toHaveLength(2);
  });

  it('lists the locked-out users latest first, ten at a time, with Show more for the next page', async () => {
    await open();
    const first = expectUsers(http, 'lockedOutAt');
    expect(queryOf(first)).toEqual({ limit: '10', order: 'desc', sort: 'lockedOutAt' });
    first.flush(aUserPage(someUsers(1, 10), 'cursor-1'));
    expectCall(http, OVERVIEW).flush(anOverview());
    expectUsers(http, 'passwordExpiresAt').flush(aUserPage([]));
    expectUsers(http, 'createdAt').flush(aUserPage([]));
    await settle(fixture);

    const row = text(lockouts().querySelector('tr[data-username="user2"]'));
    expect(row).toContain('user2');
    expect(row).toContain('Test User 2');
    expect(row).toContain(ACME.orgName);
    expect(row).toContain('Nov 20, 2026');

    buttonIn(lockouts(), 'Show more').click();
    await settle(fixture);
    const next = expectUsers(http, 'lockedOutAt');
    expect(queryOf(next)).toEqual({ limit: '10', order: 'desc', sort: 'lockedOutAt', cursor: 'cursor-1' });
    next.flush(aUserPage(someUsers(11, 13)));
    await settle(fixture);

    expect(lockouts().querySelectorAll('tr[data-user-id]')).toHaveLength(13);
    expect(() => buttonIn(lockouts(), 'Show more')).toThrow();
  });

  it('unlocks a selection ten at a time, showing progress, each user’s outcome, and the figures after', async () => {
    await open();
    await answerAll(anOverview(), { lockouts: aUserPage(someUsers(1, 10), 'cursor-1') });
    buttonIn(lockouts(), 'Show more').click();
    await settle(fixture);
    expectUsers(http, 'lockedOutAt').flush(aUserPage(someUsers(11, 12)));
    await settle(fixture);
    expect(buttonIn(lockouts(), 'Unlock').disabled).toBe(true);

    checkbox('Select all locked-out users')!.click();
    await settle(fixture);
    checkbox(`Select user3 (${GLOBEX.orgName})`)!.click();
    await settle(fixture);
    expect(checkbox(`Select user3 (${GLOBEX.orgName})`)!.checked).toBe(false);
    buttonIn(lockouts(), 'Unlock').click();
    await settle(fixture);

    const selected = someUsers(1, 12).filter((user) => user.username !== 'user3');
    const first = expectCall(http, UNLOCK, 'POST');
    expect(first.request.body).toEqual({ userIds: selected.slice(0, 10).map((user) => user.id) });
    expect(text(lockouts().querySelector('[data-testid="bulk-run"]'))).toContain('Unlocking… 0 of 11 users');
    expect(buttonIn(lockouts(), 'Unlock').disabled).toBe(true);
    first.flush(aBulkResult('unlock', selected.slice(0, 10), (user) => (user.username === 'user4' ? 'unchanged' : 'done')));
    await settle(fixture);

    expect(text(lockouts().querySelector('[data-testid="bulk-run"]'))).toContain('Unlocking… 10 of 11 users');
    expect(lockouts().querySelector('mat-progress-bar[aria-label="Unlocking users"]')?.getAttribute('aria-valuenow')).toBe('91');
    const second = expectCall(http, UNLOCK, 'POST');
    expect(second.request.body).toEqual({ userIds: [selected[10].id] });
    second.flush(aBulkResult('unlock', selected.slice(10), () => 'not_found'));
    await settle(fixture);

    expect(text(lockouts().querySelector('[role="status"]'))).toBe('Unlock finished for 11 users: 9 done, 1 unchanged, 1 not found.');
    const results = lockouts().querySelector('table[aria-label="Unlock results"]')!;
    expect(results.querySelectorAll('tbody tr')).toHaveLength(11);
    const outcomes = rowsOf(results);
    expect(outcomes[0]).toEqual(['user1', GLOBEX.orgName, 'Done']);
    expect(outcomes[2]).toEqual(['user4', ACME.orgName, 'Unchanged']);
    // The API names neither user nor org it cannot find: the list it was picked from does.
    expect(outcomes[10]).toEqual(['user12', ACME.orgName, 'Not found']);
    expect(results.querySelector(`tr[data-user-id="${selected[10].id}"]`)).not.toBeNull();

    await answerAll(anOverview({ totals: someTotals({}, { lockedOut: 3 }) }), { lockouts: aUserPage(someUsers(3, 4)) });

    expect(figure('Locked out')).toBe('3');
    expect(Array.from(lockouts().querySelectorAll('tr[data-username]'), (row) => row.getAttribute('data-username'))).toEqual(['user3', 'user4']);
    expect(checkbox(`Select user3 (${GLOBEX.orgName})`)!.checked).toBe(false);
    expect(lockouts().querySelector('table[aria-label="Unlock results"]')).not.toBeNull();

    buttonIn(lockouts(), 'Dismiss results').click();
    await settle(fixture);
    expect(lockouts().querySelector('[data-testid="bulk-run"]')).toBeNull();
  });

  it('suspends only after a confirmation, and marks the users of a failed request as failed', async () => {
    await open();
    await answerAll(anOverview(), { lockouts: aUserPage(someUsers(1, 2)) });
    checkbox(`Select user1 (${GLOBEX.orgName})`)!.click();
    checkbox(`Select user2 (${ACME.orgName})`)!.click();
    await settle(fixture);

    buttonIn(lockouts(), 'Suspend').click();
    await settle(fixture);
    expect(text(openDialog())).toContain('Suspend 2 users?');
    buttonIn(openDialog(), 'Cancel').click();
    await settle(fixture);
    http.expectNone(SUSPEND);

    buttonIn(lockouts(), 'Suspend').click();
    await settle(fixture);
    buttonIn(openDialog(), 'Suspend').click();
    await settle(fixture);
    const request = expectCall(http, SUSPEND, 'POST');
    expect(request.request.body).toEqual({ userIds: someUsers(1, 2).map((user) => user.id) });
    flushProblem(request, { title: 'Service Unavailable', status: 503 });
    await settle(fixture);

    expect(text(lockouts().querySelector('[role="status"]'))).toBe('Suspend finished for 2 users: 2 failed.');
    expect(text(lockouts().querySelector('[data-testid="bulk-run"] [role="alert"]'))).toContain('The portal cannot reach the server.');
    expect(rowsOf(lockouts().querySelector('table[aria-label="Suspend results"]'))).toEqual([
      ['user1', GLOBEX.orgName, 'Failed'],
      ['user2', ACME.orgName, 'Failed'],
    ]);
    await answerAll(anOverview(), { lockouts: aUserPage(someUsers(1, 2)) });
  });

  it('shows a read-only admin who is locked out, without the actions the API would refuse', async () => {
    await open('readonly');
    await answerAll(anOverview(), { lockouts: aUserPage(someUsers(1, 2)) });

    expect(lockouts().querySelectorAll('tr[data-user-id]')).toHaveLength(2);
    expect(() => buttonIn(lockouts(), 'Unlock')).toThrow();
    expect(() => buttonIn(lockouts(), 'Suspend')).toThrow();
    expect(lockouts().querySelector('input[type="checkbox"]')).toBeNull();
  });

  it('offers the actions to helpdesk', async () => {
    await open('helpdesk');
    await answerAll(anOverview(), { lockouts: aUserPage(someUsers(1, 1)) });

    expect(buttonIn(lockouts(), 'Unlock')).toBeTruthy();
    expect(checkbox(`Select user1 (${GLOBEX.orgName})`)).not.toBeNull();
  });
});
