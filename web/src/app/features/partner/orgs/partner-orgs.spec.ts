import { Clipboard } from '@angular/cdk/clipboard';
import { TestbedHarnessEnvironment } from '@angular/cdk/testing/testbed';
import { type HttpTestingController, type TestRequest } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { MatFormFieldHarness } from '@angular/material/form-field/testing';
import { MatInputHarness } from '@angular/material/input/testing';
import { MatSelectHarness } from '@angular/material/select/testing';
import { MatSlideToggleHarness } from '@angular/material/slide-toggle/testing';
import { MatSortHarness } from '@angular/material/sort/testing';
import { RouterTestingHarness } from '@angular/router/testing';

import { ACME, GLOBEX, buttonIn, expectCall, settle, text } from '../../../../testing/org-console-fixtures';
import { flushProblem } from '../../../../testing/problem-responses';
import { FileSaver } from '../../../shared/files/file-saver';
import { aPartnerOrg, anOrgPage, partnerPath, queryOf, setUpPartner } from '../testing/partner-fixtures';
import { CANNOT_LAUNCH } from './launch-button';
import { exportFileName } from './org-query';

const ORGS = partnerPath('/orgs');
const EXPORT = partnerPath('/orgs/export');
const FIRST_PAGE = { sort: 'name', order: 'asc', limit: '25' };

// The first test of the file compiles the whole routed page, which takes several seconds on a busy machine.
jest.setTimeout(30_000);

describe('the organizations table', () => {
  let http: HttpTestingController;
  let harness: RouterTestingHarness;

  afterEach(() => http.verify());

  const page = () => harness.routeNativeElement as HTMLElement;
  const loader = () => TestbedHarnessEnvironment.documentRootLoader(harness.fixture);
  const row = (orgId: string) => text(page().querySelector(`tr[data-org-id="${orgId}"]`));
  const cells = (orgId: string) => Array.from(page().querySelectorAll(`tr[data-org-id="${orgId}"] td`), (cell) => text(cell));
  const total = () => text(page().querySelector('[data-testid="org-total"]'));
  const range = () => text(page().querySelector('[data-testid="page-range"]'));
  const field = (label: string) => loader().getHarness(MatFormFieldHarness.with({ floatingLabelText: label }));
  const select = async (label: string) => (await (await field(label)).getControl(MatSelectHarness))!;
  const input = async (label: string) => (await (await field(label)).getControl(MatInputHarness))!;

  /** The one request to the org list, checked whole, then answered. */
  async function expectOrgs(query: Record<string, string>, answer = anOrgPage([aPartnerOrg(ACME)])): Promise<TestRequest> {
    const request = expectCall(http, ORGS);
    expect(queryOf(request)).toEqual(query);
    request.flush(answer);
    await settle(harness);
    return request;
  }

  async function open(role = 'readonly', answer = anOrgPage([aPartnerOrg(ACME)])): Promise<void> {
    http = setUpPartner(role);
    harness = await RouterTestingHarness.create('/partner/orgs');
    await settle(harness);
    await expectOrgs(FIRST_PAGE, answer);
  }

  it('shows each org with its figures, by name, with how many match', async () => {
    await open('readonly', anOrgPage([
      aPartnerOrg(ACME),
      aPartnerOrg(GLOBEX, { status: 'suspended', mfaCoveragePercent: null, usersLockedOut: 0, lastActivityAt: null }),
    ], 60, 'c2'));

    const headers = Array.from(page().querySelectorAll('table[aria-label="Organizations"] th'), (header) => text(header));
    expect(headers.slice(0, 9)).toEqual(['Name', 'OrgID', 'Status', 'Users', 'Systems', 'Admins', 'MFA coverage', 'Locked out', 'Last activity']);
    expect(cells(ACME.orgId)).toEqual([
      'Acme Manufacturing', ACME.orgId, 'Active', '48 40 active', '36 30 active', '3', '62.5 %', '2', 'Mar 1, 2026', 'Launch Details',
    ]);
    expect(row(GLOBEX.orgId)).toContain('Suspended');
    expect(row(GLOBEX.orgId)).toContain('—');
    expect(row(GLOBEX.orgId)).toContain('Never');
    expect(total()).toBe('60 organizations');
    expect(range()).toBe('Page 1 · rows 1–2 of 60');
  });

  it('shows a read-only admin Launch disabled, saying why, and no new-tab launch', async () => {
    await open('readonly');

    const launch = page().querySelector<HTMLButtonElement>(`[aria-label="Launch ${ACME.orgName}"]`)!;
    expect(launch.getAttribute('aria-disabled')).toBe('true');
    launch.dispatchEvent(new Event('focus'));
    expect(text(document.getElementById(launch.getAttribute('aria-describedby')!.split(' ')[0]))).toBe(CANNOT_LAUNCH);
    expect(page().querySelector(`[aria-label="Launch ${ACME.orgName} in a new tab"]`)).toBeNull();
  });

  it('sorts on the server by the header clicked, from the first page again', async () => {
    await open('readonly', anOrgPage([aPartnerOrg(ACME)], 60, 'c2'));
    buttonIn(page(), 'Next').click();
    await settle(harness);
    await expectOrgs({ ...FIRST_PAGE, cursor: 'c2' }, anOrgPage([aPartnerOrg(GLOBEX)], 60, 'c3'));

    const sort = await loader().getHarness(MatSortHarness);
    const [users] = await sort.getSortHeaders({ label: 'Users' });
    await users.click();
    await settle(harness);
    await expectOrgs({ sort: 'users', order: 'asc', limit: '25' });
    await users.click();
    await settle(harness);
    await expectOrgs({ sort: 'users', order: 'desc', limit: '25' });

    const labels = await Promise.all((await sort.getSortHeaders()).map((header) => header.getLabel()));
    expect(labels).toEqual(['Name', 'Users', 'Systems', 'Admins', 'MFA coverage', 'Locked out', 'Last activity']);
    for (const [label, key] of [['MFA coverage', 'mfaCoverage'], ['Locked out', 'lockedOut'], ['Last activity', 'lastActivity']]) {
      await (await sort.getSortHeaders({ label }))[0].click();
      await settle(harness);
      await expectOrgs({ sort: key, order: 'asc', limit: '25' });
    }
    expect(range()).toBe('Page 1 · rows 1–1 of 1');
  });

  it('filters on the server by status, MFA coverage and lockouts, together', async () => {
    await open();

    await (await select('Status')).clickOptions({ text: 'Suspended' });
    await settle(harness);
    await expectOrgs({ ...FIRST_PAGE, status: 'suspended' });

    await (await input('MFA coverage below (%)')).setValue('50');
    await settle(harness);
    await expectOrgs({ ...FIRST_PAGE, status: 'suspended', mfaBelow: '50' });

    await (await loader().getHarness(MatSlideToggleHarness.with({ label: 'Has lockouts' }))).toggle();
    await settle(harness);
    await expectOrgs({ ...FIRST_PAGE, status: 'suspended', mfaBelow: '50', hasLockouts: 'true' }, anOrgPage([], 0));

    expect(total()).toBe('0 organizations');
    expect(text(page().querySelector('table'))).toContain('No organization matches these filters.');
    buttonIn(page(), 'Clear filters').click();
    await settle(harness);
    await expectOrgs(FIRST_PAGE);
    expect(await (await input('MFA coverage below (%)')).getValue()).toBe('');
  });

  it('sends no MFA percent the API would refuse, and says what it takes', async () => {
    await open();

    await (await input('MFA coverage below (%)')).setValue('150');
    await (await input('MFA coverage below (%)')).blur();
    await settle(harness);

    http.expectNone((request) => request.url === ORGS);
    expect(text(page().querySelector('mat-error'))).toBe('A whole percent from 1 to 100.');
  });

  it('searches names and OrgIDs on the server, from the first page', async () => {
    await open('readonly', anOrgPage([aPartnerOrg(ACME)], 60, 'c2'));
    buttonIn(page(), 'Next').click();
    await settle(harness);
    await expectOrgs({ ...FIRST_PAGE, cursor: 'c2' });

    await (await input('Search organizations')).setValue(' glob ');
    await settle(harness);
    await expectOrgs({ ...FIRST_PAGE, search: 'glob' }, anOrgPage([]));

    expect(text(page().querySelector('table'))).toContain('No organization matches “glob”.');
  });

  it('pages forward by the cursor the server gave, and back by the ones it gave before', async () => {
    await open('readonly', anOrgPage([aPartnerOrg(ACME)], 60, 'c2'));
    const previous = () => buttonIn(page(), 'Previous');
    const next = () => buttonIn(page(), 'Next');
    expect(previous().getAttribute('aria-disabled')).toBe('true');

    next().click();
    await settle(harness);
    await expectOrgs({ ...FIRST_PAGE, cursor: 'c2' }, anOrgPage(Array.from({ length: 25 }, () => aPartnerOrg(GLOBEX)), 60, 'c3'));
    expect(range()).toBe('Page 2 · rows 26–50 of 60');
    next().click();
    await settle(harness);
    await expectOrgs({ ...FIRST_PAGE, cursor: 'c3' }, anOrgPage([aPartnerOrg(GLOBEX)], 60, null));
    expect(next().getAttribute('aria-disabled')).toBe('true');
    expect(range()).toBe('Page 3 · rows 51–51 of 60');

    previous().click();
    await settle(harness);
    await expectOrgs({ ...FIRST_PAGE, cursor: 'c2' }, anOrgPage([aPartnerOrg(GLOBEX)], 60, 'c3'));
    previous().click();
    await settle(harness);
    await expectOrgs(FIRST_PAGE, anOrgPage([aPartnerOrg(ACME)], 60, 'c2'));
    expect(range()).toBe('Page 1 · rows 1–1 of 60');
    expect(previous().getAttribute('aria-disabled')).toBe('true');
  });

  it('changes the page size from the first page', async () => {
    await open('readonly', anOrgPage([aPartnerOrg(ACME)], 60, 'c2'));
    buttonIn(page(), 'Next').click();
    await settle(harness);
    await expectOrgs({ ...FIRST_PAGE, cursor: 'c2' });

    const size = await select('Rows per page');
    await size.open();
    expect(await Promise.all((await size.getOptions()).map((option) => option.getText()))).toEqual(['10', '25', '50', '100']);
    await size.clickOptions({ text: '50' });
    await settle(harness);
    await expectOrgs({ ...FIRST_PAGE, limit: '50' });
  });

  it('exports the filtered list in its order as a CSV file of the day', async () => {
    jest.useFakeTimers({ now: new Date(2026, 10, 20, 15, 0), doNotFake: ['setTimeout', 'clearTimeout', 'setInterval', 'clearInterval', 'setImmediate', 'queueMicrotask', 'nextTick', 'requestAnimationFrame', 'cancelAnimationFrame', 'requestIdleCallback', 'cancelIdleCallback', 'performance'] });
    try {
      await open();
      const saveBlob = jest.spyOn(TestBed.inject(FileSaver), 'saveBlob').mockImplementation(() => undefined);
      await (await select('Status')).clickOptions({ text: 'Active' });
      await settle(harness);
      await expectOrgs({ ...FIRST_PAGE, status: 'active' });
      await (await loader().getHarness(MatSortHarness)).getSortHeaders({ label: 'Locked out' }).then(([header]) => header.click());
      await settle(harness);
      await expectOrgs({ sort: 'lockedOut', order: 'asc', limit: '25', status: 'active' });

      buttonIn(page(), 'Export CSV').click();
      await settle(harness);
      const request = expectCall(http, EXPORT);
      expect(queryOf(request)).toEqual({ sort: 'lockedOut', order: 'asc', status: 'active' });
      const csv = new Blob(['\ufeffOrgID,Name\n'], { type: 'text/csv' });
      request.flush(csv);
      await settle(harness);

      expect(saveBlob).toHaveBeenCalledWith('orgs-2026-11-20.csv', csv);
    } finally {
      jest.useRealTimers();
    }
  });

  it('says when the export failed, and offers to try again', async () => {
    await open();
    const saveBlob = jest.spyOn(TestBed.inject(FileSaver), 'saveBlob').mockImplementation(() => undefined);

    buttonIn(page(), 'Export CSV').click();
    await settle(harness);
    expectCall(http, EXPORT).flush(new Blob(['{}']), { status: 503, statusText: 'Service Unavailable' });
    await settle(harness);

    expect(saveBlob).not.toHaveBeenCalled();
    expect(text(page().querySelector('[role="alert"]'))).toContain('cannot reach the server');
    buttonIn(page().querySelector('[role="alert"]'), 'Try again').click();
    await settle(harness);
    expectCall(http, EXPORT).flush(new Blob(['OrgID\n']));
    await settle(harness);
    expect(saveBlob).toHaveBeenCalledTimes(1);
  });

  it('copies an OrgID from its row', async () => {
    await open();
    // jsdom cannot write to a clipboard: stand in for it, and see what would have been written.
    const copy = jest.spyOn(TestBed.inject(Clipboard), 'copy').mockReturnValue(true);

    page().querySelector<HTMLButtonElement>(`[aria-label="Copy OrgID of ${ACME.orgName}"]`)!.click();
    await settle(harness);

    expect(copy).toHaveBeenCalledWith(ACME.orgId);
    expect(text(document.querySelector('mat-snack-bar-container'))).toContain('OrgID of Acme Manufacturing copied');
  });

  it('says no organizations are connected yet when the partner has none', async () => {
    await open('readonly', anOrgPage([]));

    expect(text(page().querySelector('table'))).toContain('No organizations are connected yet.');
    expect(total()).toBe('0 organizations');
  });

  it('shows a failure to load in words, and loads again on request', async () => {
    http = setUpPartner('readonly');
    harness = await RouterTestingHarness.create('/partner/orgs');
    await settle(harness);
    flushProblem(expectCall(http, ORGS), { title: 'Service Unavailable', status: 503 });
    await settle(harness);

    expect(text(page().querySelector('table'))).toContain('The organizations could not be loaded.');
    buttonIn(page().querySelector('[role="alert"]'), 'Try again').click();
    await settle(harness);
    await expectOrgs(FIRST_PAGE);
    expect(row(ACME.orgId)).toContain('Acme Manufacturing');
  });
});

describe('exportFileName', () => {
  it('names the file after the local day, with zero-padded month and day', () => {
    expect(exportFileName(new Date(2026, 0, 5, 23, 30))).toBe('orgs-2026-01-05.csv');
  });
});
