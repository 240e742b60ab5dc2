import { TestbedHarnessEnvironment } from '@angular/cdk/testing/testbed';
import { type HttpTestingController } from '@angular/common/http/testing';
import { MatAutocompleteHarness } from '@angular/material/autocomplete/testing';
import { MatTabGroupHarness } from '@angular/material/tabs/testing';
import { RouterTestingHarness } from '@angular/router/testing';

import { ACME, GLOBEX, buttonIn, expectCall, openDialog, settle, text } from '../../../testing/org-console-fixtures';
import { flushProblem } from '../../../testing/problem-responses';
import { aPartnerOrg, anOrgPage, partnerPath, queryOf, setUpPartner } from '../partner/testing/partner-fixtures';

const ORGS = partnerPath('/orgs');

// The first test of the file compiles the whole routed page, which takes several seconds on a busy machine.
jest.setTimeout(30_000);

describe('creating a new organization from the Organizations page', () => {
  let http: HttpTestingController;
  let harness: RouterTestingHarness;

  beforeEach(async () => {
    http = setUpPartner('admin');
    harness = await RouterTestingHarness.create('/partner/orgs');
    await settle(harness);
    expectCall(http, ORGS).flush(anOrgPage([aPartnerOrg(ACME)]));
    await settle(harness);
    buttonIn(harness.routeNativeElement as HTMLElement, 'Add organization').click();
    await settle(harness);
    await (await loader().getHarness(MatTabGroupHarness.with({ selector: 'mat-dialog-container mat-tab-group' }))).selectTab({ label: 'New organization' });
    await settle(harness);
    // The orgs to copy settings from are asked for once the tab opens, as many as the API answers at once.
    const choices = expectCall(http, ORGS);
    expect(queryOf(choices)).toEqual({ limit: '100' });
    choices.flush(anOrgPage([aPartnerOrg(ACME), aPartnerOrg(GLOBEX)]));
    await settle(harness);
  });
  afterEach(() => http.verify());

  const loader = () => TestbedHarnessEnvironment.documentRootLoader(harness.fixture);
  const dialog = () => openDialog() as HTMLElement;
  const errors = () => Array.from(dialog().querySelectorAll('mat-error'), (error) => text(error));

  async function type(name: string, value: string): Promise<void> {
    const input = dialog().querySelector<HTMLInputElement>(`[formcontrolname="${name}"]`)!;
    input.value = value;
    input.dispatchEvent(new Event('input'));
    await settle(harness);
  }

  async function create(): Promise<void> {
    buttonIn(dialog(), 'Create organization').click();
    await settle(harness);
  }

  it('says what is missing or wrong on each field, and sends nothing', async () => {
    await type('userCap', '0');
    await type('passwordExpiryDays', 'ninety');
    await create();

    http.expectNone((request) => request.method === 'POST');
    expect(errors()).toEqual([
      'Enter a name.',
      'Enter an email address.',
      'At least 1.',
      'Enter a whole number of days, or leave empty for never.',
    ]);
  });

  it('creates the organization with its first admin and the settings to copy, then says so and refreshes the table', async () => {
    await type('name', ' Initech ');
    await type('adminEmail', ' boss@initech.example ');
    await type('userCap', '50');
    await type('passwordExpiryDays', '90');
    const copyFrom = await loader().getHarness(MatAutocompleteHarness);
    await copyFrom.enterText('glo');
    await settle(harness);
    const searched = expectCall(http, ORGS);
    expect(queryOf(searched)).toEqual({ search: 'glo', limit: '100' });
    searched.flush(anOrgPage([aPartnerOrg(GLOBEX)]));
    await settle(harness);
    await copyFrom.selectOption({ text: /Globex Retail/ });
    await settle(harness);
    await create();

    const request = expectCall(http, ORGS, 'POST');
    expect(request.request.body).toEqual({
      name: 'Initech', adminEmail: 'boss@initech.example', userCap: 50, passwordExpiryDays: 90, cloneSettingsFrom: GLOBEX.orgId,
    });
    request.flush(aPartnerOrg({ orgId: 'c'.repeat(24), orgName: 'Initech' }), { status: 201, statusText: 'Created' });
    await settle(harness);

    expect(document.querySelectorAll('mat-dialog-container')).toHaveLength(0);
    expect(text(document.querySelector('mat-snack-bar-container'))).toContain('Initech was created, with boss@initech.example invited as its first admin');
    expectCall(http, ORGS).flush(anOrgPage([aPartnerOrg(ACME)]));
  });

  it('leaves out the optional settings left empty', async () => {
    await type('name', 'Initech');
    await type('adminEmail', 'boss@initech.example');
    await create();

    const request = expectCall(http, ORGS, 'POST');
    expect(request.request.body).toEqual({ name: 'Initech', adminEmail: 'boss@initech.example' });
    request.flush(aPartnerOrg({ orgId: 'c'.repeat(24), orgName: 'Initech' }), { status: 201, statusText: 'Created' });
    await settle(harness);
    expectCall(http, ORGS).flush(anOrgPage([]));
  });

  it('asks to choose the organization to copy from in the list, rather than type a name', async () => {
    await type('name', 'Initech');
    await type('adminEmail', 'boss@initech.example');
    const copyFrom = await loader().getHarness(MatAutocompleteHarness);
    await copyFrom.enterText('Nowhere Inc');
    await settle(harness);
    expectCall(http, ORGS).flush(anOrgPage([]));
    await create();

    http.expectNone((request) => request.method === 'POST');
    expect(errors()).toEqual(['Choose an organization from the list, or leave this empty.']);
  });

  it('puts the API’s refusals on the fields they are about', async () => {
    await type('name', 'Initech');
    await type('adminEmail', 'boss@initech.example');
    await create();
    flushProblem(expectCall(http, ORGS, 'POST'), {
      title: 'Bad Request', status: 400, code: 'request.validation_failed',
      errors: [{ field: 'adminEmail', messages: ['This email belongs to an admin of another partner'] }],
    });
    await settle(harness);

    expect(errors()).toEqual(['This email belongs to an admin of another partner']);
    expect(dialog().querySelector('[role="alert"]')).toBeNull();
  });
});
