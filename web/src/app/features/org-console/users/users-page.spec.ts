import { type HttpTestingController } from '@angular/common/http/testing';
import { TestbedHarnessEnvironment } from '@angular/cdk/testing/testbed';
import { MatMenuHarness } from '@angular/material/menu/testing';
import { MatPaginatorHarness } from '@angular/material/paginator/testing';
import { MatSortHarness } from '@angular/material/sort/testing';
import { Router } from '@angular/router';
import { type RouterTestingHarness } from '@angular/router/testing';

import {
  ACME, aUser, anOverview, buttonIn, openDialog, expectCall, openConsole, orgPath, settle, setUpConsole, text,
} from '../../../../testing/org-console-fixtures';
import { flushProblem } from '../../../../testing/problem-responses';

const USERS = orgPath(ACME.orgId, '/users');

describe('the users tab of the org console', () => {
  let http: HttpTestingController;
  let harness: RouterTestingHarness;

  beforeEach(() => {
    http = setUpConsole();
  });
  afterEach(() => http.verify());

  const page = () => harness.routeNativeElement as HTMLElement;
  const loader = () => TestbedHarnessEnvironment.documentRootLoader(harness.fixture);
  const rowMenu = (username = 'jdoe') => loader().getHarness(MatMenuHarness.with({ selector: `[aria-label="Actions for ${username}"]` }));
  const query = (request: { request: { params: { keys(): string[]; get(name: string): string | null } } }) =>
    Object.fromEntries(request.request.params.keys().map((key) => [key, request.request.params.get(key)]));

  async function showUsers(url = `/orgs/${ACME.orgId}/users`, items = [aUser()]): Promise<void> {
    harness = await openConsole(http, url);
    await settle(harness);
    expectCall(http, USERS).flush({ items, total: items.length, limit: 25, offset: 0 });
    await settle(harness);
  }

  it('asks the server for the page, sort and filters the address holds', async () => {
    harness = await openConsole(http, `/orgs/${ACME.orgId}/users?page=3&size=50&sort=email&order=desc&q=ann&state=suspended&mfa=false&locked=true`);
    await settle(harness);

    const request = expectCall(http, USERS);
    expect(query(request)).toEqual({
      limit: '50', offset: '100', sort: 'email', order: 'desc', search: 'ann', state: 'suspended', mfa: 'false', locked: 'true',
    });
    request.flush({ items: [], total: 0, limit: 50, offset: 100 });
    await settle(harness);
    expect(text(page())).toContain('No users match these filters');
  });

  it('sorts, pages and searches on the server, and keeps the state in the address', async () => {
    await showUsers(undefined, Array.from({ length: 25 }, (_, index) => aUser({ id: `u${index}`, username: `user${index}` })));

    await (await (await loader().getHarness(MatSortHarness)).getSortHeaders({ label: 'Username' }))[0].click();
    await settle(harness);
    const sorted = expectCall(http, USERS);
    expect(query(sorted)).toEqual({ limit: '25', offset: '0', sort: 'username', order: 'asc' });
    sorted.flush({ items: [aUser()], total: 60, limit: 25, offset: 0 });
    await settle(harness);

    await (await loader().getHarness(MatPaginatorHarness)).goToNextPage();
    await settle(harness);
    const paged = expectCall(http, USERS);
    expect(query(paged)).toEqual({ limit: '25', offset: '25', sort: 'username', order: 'asc' });
    paged.flush({ items: [aUser()], total: 60, limit: 25, offset: 25 });
    await settle(harness);
    expect(harness.fixture.debugElement.injector.get(Router).url).toBe(`/orgs/${ACME.orgId}/users?page=2&sort=username`);

    const search = page().querySelector<HTMLInputElement>('input[type="search"]')!;
    search.value = 'jan';
    search.dispatchEvent(new Event('input'));
    await settle(harness);
    const searched = expectCall(http, USERS);
    expect(query(searched)).toEqual({ limit: '25', offset: '0', sort: 'username', order: 'asc', search: 'jan' });
    searched.flush({ items: [], total: 0, limit: 25, offset: 0 });
    await settle(harness);
    expect(text(page())).toContain('No users match these filters');
  });

  it('says there are no users yet when an org has none and nothing filters them', async () => {
    await showUsers(undefined, []);
    expect(text(page())).toContain('No users yet');
  });

  it('shows a failure to load in words, with a way to try again', async () => {
    harness = await openConsole(http, `/orgs/${ACME.orgId}/users`);
    await settle(harness);
    flushProblem(expectCall(http, USERS), { title: 'Service Unavailable', status: 503 });
    await settle(harness);
    expect(text(page().querySelector('[role="alert"]'))).toContain('cannot reach the server');
  });

  it('suspends a user from the row menu, says so, and refreshes the table and the figures', async () => {
    await showUsers();
    const menu = await rowMenu();
    await menu.open();
    await menu.clickItem({ text: 'Suspend' });
    await settle(harness);

    expectCall(http, orgPath(ACME.orgId, '/users/u1/suspend'), 'POST').flush(aUser({ state: 'suspended' }));
    await settle(harness);
    expectCall(http, USERS).flush({ items: [aUser({ state: 'suspended' })], total: 1, limit: 25, offset: 0 });
    expectCall(http, orgPath(ACME.orgId)).flush(anOverview());
    await settle(harness);

    expect(text(document.querySelector('mat-snack-bar-container'))).toContain('Suspended jdoe');
    expect(text(page().querySelector('tr[data-username="jdoe"]'))).toContain('Suspended');
  });

  it('offers Unlock and Reset MFA only when they apply, each calling its endpoint', async () => {
    await showUsers(undefined, [aUser({ lockedOut: true, mfaEnrolled: true })]);
    const menu = await rowMenu();
    await menu.open();
    expect((await menu.getItems()).length).toBe(5);
    await menu.clickItem({ text: 'Unlock' });
    await settle(harness);
    expectCall(http, orgPath(ACME.orgId, '/users/u1/unlock'), 'POST').flush(aUser({ mfaEnrolled: true }));
    await settle(harness);
    http.match(() => true);
  });

  it('deletes a user only after a confirmation that names them', async () => {
    await showUsers();
    const menu = await rowMenu();
    await menu.open();
    await menu.clickItem({ text: 'Delete' });
    await settle(harness);

    const dialog = () => openDialog();
    expect(text(dialog())).toContain('Delete user jdoe (Jane Doe)?');
    http.expectNone((request) => request.method === 'DELETE');
    buttonIn(dialog(), 'Cancel').click();
    await settle(harness);
    http.expectNone((request) => request.method === 'DELETE');

    await menu.open();
    await menu.clickItem({ text: 'Delete' });
    await settle(harness);
    buttonIn(dialog(), 'Delete').click();
    await settle(harness);
    expectCall(http, orgPath(ACME.orgId, '/users/u1'), 'DELETE').flush(null, { status: 204, statusText: 'No Content' });
    await settle(harness);
    http.match(() => true);
    expect(text(document.querySelector('mat-snack-bar-container'))).toContain('Deleted jdoe');
  });
});
