import { TestbedHarnessEnvironment } from '@angular/cdk/testing/testbed';
import { type HttpTestingController } from '@angular/common/http/testing';
import { MatAutocompleteHarness } from '@angular/material/autocomplete/testing';
import { MatRadioButtonHarness } from '@angular/material/radio/testing';
import { MatSelectHarness } from '@angular/material/select/testing';
import { RouterTestingHarness } from '@angular/router/testing';

import { ACME, GLOBEX, buttonIn, expectCall, openDialog, settle, text } from '../../../../testing/org-console-fixtures';
import { flushProblem } from '../../../../testing/problem-responses';
import { aPartnerOrg, anAdmin, anInvitation, anOrgPage, partnerPath, queryOf, setUpPartner } from '../testing/partner-fixtures';

const ORGS = partnerPath('/orgs');
const INVITATIONS = partnerPath('/invitations');

describe('inviting a partner admin', () => {
  let http: HttpTestingController;
  let harness: RouterTestingHarness;

  beforeEach(async () => {
    http = setUpPartner('owner');
    harness = await RouterTestingHarness.create('/partner/admins');
    await settle(harness);
    expectCall(http, partnerPath('/admins')).flush([anAdmin()]);
    expectCall(http, INVITATIONS).flush([]);
    await settle(harness);
    buttonIn(harness.routeNativeElement as HTMLElement, 'Invite admin').click();
    await settle(harness);
  });
  afterEach(() => http.verify());

  const loader = () => TestbedHarnessEnvironment.documentRootLoader(harness.fixture);
  const errors = () => Array.from(openDialog()!.querySelectorAll('mat-error'), (error) => text(error));

  async function typeEmail(value: string): Promise<void> {
    const email = openDialog()!.querySelector<HTMLInputElement>('[formcontrolname="email"]')!;
    email.value = value;
    email.dispatchEvent(new Event('input'));
    await settle(harness);
  }

  async function submit(): Promise<void> {
    buttonIn(openDialog(), 'Send invitation').click();
    await settle(harness);
  }

  async function chooseSelectedAccess(): Promise<void> {
    await (await loader().getHarness(MatRadioButtonHarness.with({ label: 'Selected organizations only' }))).check();
    await settle(harness);
  }

  it('describes each role in one line where the role is chosen', async () => {
    const select = await loader().getHarness(MatSelectHarness);
    await select.open();
    const options = await select.getOptions();
    expect(options).toHaveLength(5);
    expect(await options[4].getText()).toContain('Read-only');
    expect(await options[4].getText()).toContain('Looks at the organizations they can reach, changes nothing');
  });

  it('asks for at least one organization when access is limited to some', async () => {
    await typeEmail('new@partner.example');
    await chooseSelectedAccess();
    expectCall(http, ORGS).flush(anOrgPage([aPartnerOrg(ACME), aPartnerOrg(GLOBEX)]));
    await submit();

    http.expectNone((request) => request.method === 'POST');
    expect(errors()).toEqual(['Choose at least one organization.']);
  });

  it('sends the email, role and chosen orgs, then says so and shows the invitation', async () => {
    await typeEmail(' grace@partner.example ');
    const role = await loader().getHarness(MatSelectHarness);
    await role.clickOptions({ text: /^Helpdesk/ });
    await chooseSelectedAccess();
    const first = expectCall(http, ORGS);
    expect(queryOf(first)).toEqual({ limit: '100' });
    first.flush(anOrgPage([aPartnerOrg(ACME), aPartnerOrg(GLOBEX)]));
    await settle(harness);

    const search = await loader().getHarness(MatAutocompleteHarness);
    await search.enterText('glo');
    await settle(harness);
    // Before the server answers, the list already narrows to what is typed, and keeps it meanwhile.
    const shown = await Promise.all((await search.getOptions()).map((option) => option.getText()));
    expect(shown).toEqual([expect.stringContaining('Globex Retail')]);
    const searched = expectCall(http, ORGS);
    expect(queryOf(searched)).toEqual({ search: 'glo', limit: '100' });
    searched.flush(anOrgPage([aPartnerOrg(GLOBEX)]));
    await settle(harness);
    await search.selectOption({ text: /Globex Retail/ });
    await settle(harness);
    // Once an org is chosen the search starts over, offering the whole list again.
    expect(queryOf(expectCall(http, ORGS))).toEqual({ limit: '100' });
    expect(text(openDialog()!.querySelector('mat-chip-grid'))).toContain('Globex Retail');

    await submit();
    const request = expectCall(http, INVITATIONS, 'POST');
    expect(request.request.body).toEqual({ email: 'grace@partner.example', role: 'helpdesk', orgAccess: 'selected', orgIds: [GLOBEX.orgId] });
    request.flush(anInvitation({ email: 'grace@partner.example', role: 'helpdesk' }), { status: 201, statusText: 'Created' });
    await settle(harness);

    expect(document.querySelectorAll('mat-dialog-container')).toHaveLength(0);
    expect(text(document.querySelector('mat-snack-bar-container'))).toContain('Invitation sent to grace@partner.example');
    expectCall(http, INVITATIONS).flush([anInvitation({ email: 'grace@partner.example', role: 'helpdesk' })]);
    await settle(harness);
    expect(text(harness.routeNativeElement!.querySelector('mtp-invitations-table'))).toContain('grace@partner.example');
  });

  it('invites an owner to every organization, whatever access was chosen before', async () => {
    await typeEmail('co-owner@partner.example');
    await chooseSelectedAccess();
    expectCall(http, ORGS).flush(anOrgPage([]));
    await (await loader().getHarness(MatSelectHarness)).clickOptions({ text: /^Owner/ });
    await settle(harness);
    expect(text(openDialog())).toContain('Owners reach every organization of the partner.');

    await submit();
    const request = expectCall(http, INVITATIONS, 'POST');
    expect(request.request.body).toEqual({ email: 'co-owner@partner.example', role: 'owner', orgAccess: 'all' });
    request.flush(anInvitation(), { status: 201, statusText: 'Created' });
    await settle(harness);
    expectCall(http, INVITATIONS).flush([anInvitation()]);
  });

  it.each([
    ['partners.admin_exists', 'This person is already an admin of this partner.'],
    ['partners.other_partner', 'This person is an admin of another partner, and an admin belongs to one partner only.'],
  ])('says on the email field when the API answers %s, and stays open', async (code, words) => {
    await typeEmail('ada@partner.example');
    await submit();
    flushProblem(expectCall(http, INVITATIONS, 'POST'), { title: 'Conflict', status: 409, code, detail: 'conflict' });
    await settle(harness);

    expect(errors()).toEqual([words]);
    expect(openDialog()).not.toBeNull();
  });
});
