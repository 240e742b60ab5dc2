import { type HttpTestingController } from '@angular/common/http/testing';
import { type Type } from '@angular/core';
import { type ComponentFixture, TestBed } from '@angular/core/testing';

import { buttonIn, text } from '../../../../testing/org-console-fixtures';
import { flushProblem } from '../../../../testing/problem-responses';
import {
  ACME,
  aPortfolioUser,
  aUserPage,
  expectUsers,
  queryOf,
  rowsOf,
  settle,
  setUpDashboard,
  someUsers,
} from '../testing/dashboard-fixtures';
import { LockoutsWidget } from './lockouts-widget';
import { NewUsersWidget } from './new-users-widget';
import { PasswordExpiryWidget } from './password-expiry-widget';

describe('the dashboard widgets', () => {
  let http: HttpTestingController;
  let fixture: ComponentFixture<unknown>;

  afterEach(() => http.verify());

  const page = () => fixture.nativeElement as HTMLElement;
  const list = () => page().querySelector('table[mat-table]');

  async function render(widget: Type<unknown>, role = 'owner'): Promise<void> {
    http = setUpDashboard(role);
    fixture = TestBed.createComponent(widget);
    await settle(fixture);
  }

  describe('Password expirations', () => {
    it('asks for the passwords expiring within 14 days, soonest first, and marks the expired ones', async () => {
      await render(PasswordExpiryWidget);
      const request = expectUsers(http, 'passwordExpiresAt');
      expect(queryOf(request)).toEqual({ limit: '10', order: 'asc', sort: 'passwordExpiresAt', passwordExpiresWithinDays: '14' });
      request.flush(
        aUserPage([
          aPortfolioUser(1, { passwordExpiresAt: '2026-11-18T08:00:00.000Z' }),
          aPortfolioUser(2, { passwordExpiresAt: '2026-11-21T08:00:00.000Z' }),
          aPortfolioUser(3, { passwordExpiresAt: '2026-11-23T12:00:00.000Z' }),
        ]),
      );
      await settle(fixture);

      expect(text(page().querySelector('h3'))).toBe('Password expirations');
      const rows = rowsOf(list());
      expect(rows.map((row) => row[0])).toEqual(['user1 Test User 1', 'user2 Test User 2', 'user3 Test User 3']);
      expect(rows[1][1]).toBe(ACME.orgName);
      expect(rows[0][2]).toBe('Expired Nov 18, 2026');
      expect(rows[1][2]).toBe('in 1 day Nov 21, 2026');
      expect(rows[2][2]).toBe('in 3 days Nov 23, 2026');
      expect(page().querySelector('tr[data-username="user1"] .badge--expired')).not.toBeNull();
    });

    it('says when no password expires soon', async () => {
      await render(PasswordExpiryWidget);
      expectUsers(http, 'passwordExpiresAt').flush(aUserPage([]));
      await settle(fixture);

      expect(text(list())).toContain('No passwords expire in the next 14 days');
    });
  });

  describe('New users', () => {
    it('asks for the users created in the last 7 days, newest first', async () => {
      await render(NewUsersWidget);
      const request = expectUsers(http, 'createdAt');
      expect(queryOf(request)).toEqual({ limit: '10', order: 'desc', sort: 'createdAt', createdWithinDays: '7' });
      request.flush(aUserPage([aPortfolioUser(4, { state: 'staged', createdAt: '2026-11-19T10:00:00.000Z', firstName: '', lastName: '' })]));
      await settle(fixture);

      expect(text(page().querySelector('h3'))).toBe('New users');
      const [row] = rowsOf(list());
      expect(row.slice(0, 3)).toEqual(['user4 user4@example.com', ACME.orgName, 'Staged']);
      expect(row[3]).toMatch(/^Nov 19, \d{1,2}:00 [AP]M$/);
    });

    it('says when there are none, and shows a failure in words with a way to try again', async () => {
      await render(NewUsersWidget);
      flushProblem(expectUsers(http, 'createdAt'), { title: 'Forbidden', status: 403, detail: 'You are not a partner admin.' });
      await settle(fixture);

      expect(text(page().querySelector('[role="alert"]'))).toContain('You are not a partner admin.');
      expect(text(list())).toContain('The new users could not be loaded.');

      buttonIn(page(), 'Try again').click();
      await settle(fixture);
      expectUsers(http, 'createdAt').flush(aUserPage([]));
      await settle(fixture);

      expect(page().querySelector('[role="alert"]')).toBeNull();
      expect(text(list())).toContain('No new users in the last 7 days');
    });
  });

  describe('User lockouts', () => {
    it('says when no one is locked out, with nothing to select', async () => {
      await render(LockoutsWidget);
      expectUsers(http, 'lockedOutAt').flush(aUserPage([]));
      await settle(fixture);

      expect(text(page().querySelector('h3'))).toBe('User lockouts');
      expect(text(list())).toContain('No locked-out users');
      expect(page().querySelector<HTMLInputElement>('input[aria-label="Select all locked-out users"]')!.disabled).toBe(true);
      expect(buttonIn(page(), 'Unlock').disabled).toBe(true);
      expect(buttonIn(page(), 'Suspend').disabled).toBe(true);
    });

    it('keeps what it listed when the next page fails, and starts again from the first on Try again', async () => {
      await render(LockoutsWidget);
      expectUsers(http, 'lockedOutAt').flush(aUserPage(someUsers(1, 10), 'cursor-1'));
      await settle(fixture);
      buttonIn(page(), 'Show more').click();
      await settle(fixture);
      flushProblem(expectUsers(http, 'lockedOutAt'), { title: 'Service Unavailable', status: 503 });
      await settle(fixture);

      expect(text(page().querySelector('[role="alert"]'))).toContain('The portal cannot reach the server.');
      expect(page().querySelectorAll('tr[data-user-id]')).toHaveLength(10);

      buttonIn(page(), 'Try again').click();
      await settle(fixture);
      const again = expectUsers(http, 'lockedOutAt');
      expect(queryOf(again)).toEqual({ limit: '10', order: 'desc', sort: 'lockedOutAt' });
      again.flush(aUserPage(someUsers(1, 3)));
      await settle(fixture);
      expect(page().querySelectorAll('tr[data-user-id]')).toHaveLength(3);
    });

    it('reads its own list again after a bulk action when no dashboard is around it', async () => {
      await render(LockoutsWidget);
      expectUsers(http, 'lockedOutAt').flush(aUserPage(someUsers(1, 1)));
      await settle(fixture);
      page().querySelector<HTMLInputElement>('input[aria-label="Select user1 (Globex Retail)"]')!.click();
      await settle(fixture);
      buttonIn(page(), 'Unlock').click();
      await settle(fixture);
      http
        .expectOne('/api/v1/partner/users/unlock')
        .flush({ action: 'unlock', results: [{ userId: someUsers(1, 1)[0].id, org: null, outcome: 'failed' }] });
      await settle(fixture);

      expectUsers(http, 'lockedOutAt').flush(aUserPage([]));
      await settle(fixture);
      expect(rowsOf(page().querySelector('table[aria-label="Unlock results"]'))).toEqual([['user1', 'Globex Retail', 'Failed']]);
      expect(text(list())).toContain('No locked-out users');
    });
  });
});
