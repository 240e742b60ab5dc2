import { TestbedHarnessEnvironment } from '@angular/cdk/testing/testbed';
import { type HttpTestingController, type TestRequest } from '@angular/common/http/testing';
import { MatAutocompleteHarness } from '@angular/material/autocomplete/testing';
import { MatFormFieldHarness } from '@angular/material/form-field/testing';
import { MatSelectHarness } from '@angular/material/select/testing';
import { MatSortHarness } from '@angular/material/sort/testing';
import { MatTabGroupHarness } from '@angular/material/tabs/testing';
import { Router } from '@angular/router';
import { RouterTestingHarness } from '@angular/router/testing';

import { ACME, GLOBEX, buttonIn, expectCall, openDialog, settle, text } from '../../../../testing/org-console-fixtures';
import { flushProblem } from '../../../../testing/problem-responses';
import {
  aPartnerOrg, aPortfolioSystem, aPortfolioUser, aSystemPage, aUserPage, anOrgDetails, anOrgPage, partnerPath, queryOf, setUpPartner,
} from '../testing/partner-fixtures';

const ORGS = partnerPath('/orgs');
const USERS = partnerPath('/users');
const SYSTEMS = partnerPath('/systems');
const ORG_CHOICES = { limit: '100' };

jest.setTimeout(30_000);

describe('the Organizations page', () => {
  let http: HttpTestingController;
  let harness: RouterTestingHarness;

  beforeEach(() => {
    http = setUpPartner('manager');
  });
  afterEach(() => http.verify());

  const page = () => harness.routeNativeElement as HTMLElement;
  const loader = () => TestbedHarnessEnvironment.documentRootLoader(harness.fixture);
  const select = async (label: string) =>
    (await (await loader().getHarness(MatFormFieldHarness.with({ floatingLabelText: label }))).getControl(MatSelectHarness))!;
  const url = () => harness.fixture.debugElement.injector.get(Router).url;

  /** The one request to this path, checked whole, then answered. */
  async function expectList(path: string, query: Record<string, string>, answer: object): Promise<TestRequest> {
    const request = expectCall(http, path);
    expect(queryOf(request)).toEqual(query);
    request.flush(answer);
    await settle(harness);
    return request;
  }

  /** The org filter's own list of orgs, asked for when its tab opens. */
  async function answerOrgChoices(query: Record<string, string> = ORG_CHOICES, orgs = [aPartnerOrg(ACME), aPartnerOrg(GLOBEX)]): Promise<void> {
    const request = expectCall(http, ORGS);
    expect(queryOf(request)).toEqual(query);
    request.flush(anOrgPage(orgs));
    await settle(harness);
  }

  async function chooseOrg(typed: string, name: RegExp): Promise<void> {
    const org = await loader().getHarness(MatAutocompleteHarness);
    await org.enterText(typed);
    await settle(harness);
    await answerOrgChoices({ search: typed, limit: '100' }, [aPartnerOrg(GLOBEX)]);
    await org.selectOption({ text: name });
    await settle(harness);
  }

  it('has the organizations, their users and their systems as tabs, the organizations first', async () => {
    harness = await RouterTestingHarness.create('/partner/orgs');
    await settle(harness);
    await expectList(ORGS, { sort: 'name', order: 'asc', limit: '25' }, anOrgPage([aPartnerOrg(ACME)]));

    expect(text(page().querySelector('h1'))).toBe('Organizations');
    const tabs = await loader().getHarness(MatTabGroupHarness);
    expect(await Promise.all((await tabs.getTabs()).map((tab) => tab.getLabel()))).toEqual(['Organizations', 'Users', 'Systems']);
    expect(page().querySelector('table[aria-label="Organizations"]')).not.toBeNull();

    await tabs.selectTab({ label: 'Systems' });
    await settle(harness);
    await answerOrgChoices();
    await expectList(SYSTEMS, { sort: 'hostname', order: 'asc', limit: '25' }, aSystemPage([aPortfolioSystem()]));
    expect(url()).toBe('/partner/orgs?tab=systems');
  });

  describe('Users', () => {
    const FIRST = { sort: 'username', order: 'asc', limit: '25' };

    beforeEach(async () => {
      harness = await RouterTestingHarness.create('/partner/orgs?tab=users');
      await settle(harness);
      await answerOrgChoices();
      await expectList(USERS, FIRST, aUserPage([
        aPortfolioUser(),
        aPortfolioUser({ id: 'u2', username: 'wcoyote', firstName: '', lastName: '', org: { orgId: GLOBEX.orgId, name: GLOBEX.orgName },
          state: 'suspended', mfaEnrolled: false, lockedOut: true, lockedOutAt: '2026-11-19T10:00:00.000Z', lastLoginAt: null }),
      ], 'u-c2'));
    });

    it('lists the users of every org with their org, state, MFA and lockout', () => {
      const headers = Array.from(page().querySelectorAll('table[aria-label="Users"] th'), (header) => text(header));
      expect(headers).toEqual(['Username', 'Name', 'Email', 'Organization', 'State', 'MFA', 'Locked out', 'Last sign-in', 'Created']);
      const cells = (id: string) => Array.from(page().querySelectorAll(`tr[data-user-id="${id}"] td`), (cell) => text(cell));
      expect(cells('u1')).toEqual(['jdoe', 'Jane Doe', 'jdoe@acme.example', 'Acme Manufacturing', 'Active', 'Yes', 'No', 'Mar 2, 2026', 'Feb 1, 2026']);
      expect(cells('u2')).toEqual(['wcoyote', '—', 'jdoe@acme.example', 'Globex Retail', 'Suspended', 'No', 'Locked out', 'Never', 'Feb 1, 2026']);
      // No total: the API counts users in the overview only.
      expect(text(page().querySelector('[data-testid="page-range"]'))).toBe('Page 1 · rows 1–2');
    });

    it('filters by org, state, MFA and lockout on the server, from the first page', async () => {
      buttonIn(page(), 'Next').click();
      await settle(harness);
      await expectList(USERS, { ...FIRST, cursor: 'u-c2' }, aUserPage([aPortfolioUser()], null));

      await chooseOrg('glo', /Globex Retail/);
      await expectList(USERS, { ...FIRST, orgId: GLOBEX.orgId }, aUserPage([aPortfolioUser()]));
      await (await select('State')).clickOptions({ text: 'Suspended' });
      await settle(harness);
      await expectList(USERS, { ...FIRST, orgId: GLOBEX.orgId, state: 'suspended' }, aUserPage([aPortfolioUser()]));
      await (await select('MFA')).clickOptions({ text: 'Not enrolled' });
      await settle(harness);
      await expectList(USERS, { ...FIRST, orgId: GLOBEX.orgId, state: 'suspended', mfa: 'false' }, aUserPage([aPortfolioUser()]));
      await (await select('Locked out')).clickOptions({ text: 'Locked out' });
      await settle(harness);
      await expectList(USERS, { ...FIRST, orgId: GLOBEX.orgId, state: 'suspended', mfa: 'false', locked: 'true' }, aUserPage([]));

      expect(text(page().querySelector('table'))).toContain('No users match these filters.');
      buttonIn(page(), 'Clear filters').click();
      await settle(harness);
      await expectList(USERS, FIRST, aUserPage([aPortfolioUser()]));
    });

    it('sorts by username, creation and last sign-in on the server, and pages by cursor', async () => {
      const sort = await loader().getHarness(MatSortHarness);
      expect(await Promise.all((await sort.getSortHeaders()).map((header) => header.getLabel()))).toEqual(['Username', 'Last sign-in', 'Created']);

      buttonIn(page(), 'Next').click();
      await settle(harness);
      await expectList(USERS, { ...FIRST, cursor: 'u-c2' }, aUserPage([aPortfolioUser()], 'u-c3'));
      expect(text(page().querySelector('[data-testid="page-range"]'))).toBe('Page 2 · rows 26–26');

      const [lastSignIn] = await sort.getSortHeaders({ label: 'Last sign-in' });
      await lastSignIn.click();
      await settle(harness);
      await expectList(USERS, { sort: 'lastLoginAt', order: 'asc', limit: '25' }, aUserPage([aPortfolioUser()], 'u-c9'));
      await lastSignIn.click();
      await settle(harness);
      await expectList(USERS, { sort: 'lastLoginAt', order: 'desc', limit: '25' }, aUserPage([aPortfolioUser()], 'u-c9'));
      await (await sort.getSortHeaders({ label: 'Created' }))[0].click();
      await settle(harness);
      await expectList(USERS, { sort: 'createdAt', order: 'asc', limit: '25' }, aUserPage([aPortfolioUser()], 'u-c9'));

      buttonIn(page(), 'Next').click();
      await settle(harness);
      await expectList(USERS, { sort: 'createdAt', order: 'asc', limit: '25', cursor: 'u-c9' }, aUserPage([aPortfolioUser()]));
      buttonIn(page(), 'Previous').click();
      await settle(harness);
      await expectList(USERS, { sort: 'createdAt', order: 'asc', limit: '25' }, aUserPage([aPortfolioUser()], 'u-c9'));

      await (await select('Rows per page')).clickOptions({ text: '100' });
      await settle(harness);
      await expectList(USERS, { sort: 'createdAt', order: 'asc', limit: '100' }, aUserPage([aPortfolioUser()]));
    });

    it('opens the details of a user’s org', async () => {
      page().querySelector<HTMLButtonElement>(`tr[data-user-id="u2"] [aria-label="Details of ${GLOBEX.orgName}"]`)!.click();
      await settle(harness);

      expectCall(http, partnerPath(`/orgs/${GLOBEX.orgId}`)).flush(anOrgDetails(GLOBEX));
      await settle(harness);
      expect(text(openDialog()?.querySelector('h2') ?? null)).toBe('Globex Retail');
    });
  });

  describe('Systems', () => {
    const FIRST = { sort: 'hostname', order: 'asc', limit: '25' };

    beforeEach(async () => {
      harness = await RouterTestingHarness.create('/partner/orgs?tab=systems');
      await settle(harness);
      await answerOrgChoices();
      await expectList(SYSTEMS, FIRST, aSystemPage([
        aPortfolioSystem(),
        aPortfolioSystem({ id: 's2', hostname: 'globex-srv', org: { orgId: GLOBEX.orgId, name: GLOBEX.orgName }, osFamily: 'linux',
          osVersion: 'Ubuntu 24.04', agentVersion: '4.1.9', active: false, lastContactAt: null }),
      ], 's-c2'));
    });

    it('lists the systems of every org with their OS, agent and last contact', () => {
      const headers = Array.from(page().querySelectorAll('table[aria-label="Systems"] th'), (header) => text(header));
      expect(headers).toEqual(['Hostname', 'Organization', 'OS', 'Agent', 'Active', 'Last contact']);
      const cells = (id: string) => Array.from(page().querySelectorAll(`tr[data-system-id="${id}"] td`), (cell) => text(cell));
      expect(cells('s1')).toEqual(['acme-ws-01', 'Acme Manufacturing', 'Windows 11 23H2', '4.2.0', 'Active', 'Mar 2, 2026']);
      expect(cells('s2')).toEqual(['globex-srv', 'Globex Retail', 'Linux Ubuntu 24.04', '4.1.9', 'Inactive', 'Never']);
    });

    it('filters by org, OS and activity on the server, sorts by last contact, and pages by cursor', async () => {
      await (await select('OS')).clickOptions({ text: 'Linux' });
      await settle(harness);
      await expectList(SYSTEMS, { ...FIRST, osFamily: 'linux' }, aSystemPage([aPortfolioSystem()]));
      await (await select('Active')).clickOptions({ text: 'Inactive' });
      await settle(harness);
      await expectList(SYSTEMS, { ...FIRST, osFamily: 'linux', active: 'false' }, aSystemPage([aPortfolioSystem()]));
      await chooseOrg('glo', /Globex Retail/);
      await expectList(SYSTEMS, { ...FIRST, osFamily: 'linux', active: 'false', orgId: GLOBEX.orgId }, aSystemPage([aPortfolioSystem()], 's-c5'));

      const filters = { osFamily: 'linux', active: 'false', orgId: GLOBEX.orgId };
      await (await (await loader().getHarness(MatSortHarness)).getSortHeaders({ label: 'Last contact' }))[0].click();
      await settle(harness);
      await expectList(SYSTEMS, { sort: 'lastContactAt', order: 'asc', limit: '25', ...filters }, aSystemPage([aPortfolioSystem()], 's-c7'));
      buttonIn(page(), 'Next').click();
      await settle(harness);
      await expectList(SYSTEMS, { sort: 'lastContactAt', order: 'asc', limit: '25', ...filters, cursor: 's-c7' }, aSystemPage([aPortfolioSystem()]));
      buttonIn(page(), 'Previous').click();
      await settle(harness);
      await expectList(SYSTEMS, { sort: 'lastContactAt', order: 'asc', limit: '25', ...filters }, aSystemPage([aPortfolioSystem()], 's-c7'));
    });

    it('shows a failure to load in words, and loads again on request', async () => {
      buttonIn(page(), 'Next').click();
      await settle(harness);
      flushProblem(expectCall(http, SYSTEMS), { title: 'Service Unavailable', status: 503 });
      await settle(harness);

      expect(text(page().querySelector('[role="alert"]'))).toContain('cannot reach the server');
      buttonIn(page().querySelector('[role="alert"]'), 'Try again').click();
      await settle(harness);
      await expectList(SYSTEMS, { ...FIRST, cursor: 's-c2' }, aSystemPage([]));
    });
  });
});
