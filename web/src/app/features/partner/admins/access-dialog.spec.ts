import { TestbedHarnessEnvironment } from '@angular/cdk/testing/testbed';
import { type HttpTestingController } from '@angular/common/http/testing';
import { MatChipRowHarness } from '@angular/material/chips/testing';
import { MatMenuHarness } from '@angular/material/menu/testing';
import { MatRadioButtonHarness } from '@angular/material/radio/testing';
import { MatSelectHarness } from '@angular/material/select/testing';
import { RouterTestingHarness } from '@angular/router/testing';

import { ACME, GLOBEX, buttonIn, expectCall, openDialog, settle, text } from '../../../../testing/org-console-fixtures';
import { flushProblem } from '../../../../testing/problem-responses';
import { aHelpdesk, aPartnerOrg, anAdmin, anOrgPage, partnerPath, setUpPartner } from '../testing/partner-fixtures';

const ADMINS = partnerPath('/admins');

describe('changing the role and access of a partner admin', () => {
  let http: HttpTestingController;
  let harness: RouterTestingHarness;

  beforeEach(async () => {
    http = setUpPartner('owner');
    harness = await RouterTestingHarness.create('/partner/admins');
    await settle(harness);
    expectCall(http, ADMINS).flush([anAdmin(), aHelpdesk()]);
    expectCall(http, partnerPath('/invitations')).flush([]);
    await settle(harness);
  });
  afterEach(() => http.verify());

  const loader = () => TestbedHarnessEnvironment.documentRootLoader(harness.fixture);

  async function openFor(email: string): Promise<void> {
    const menu = await loader().getHarness(MatMenuHarness.with({ selector: `[aria-label="Actions for ${email}"]` }));
    await menu.open();
    await menu.clickItem({ text: 'Change role and access' });
    await settle(harness);
  }

  async function save(): Promise<void> {
    buttonIn(openDialog(), 'Save').click();
    await settle(harness);
  }

  it('starts from the admin’s role and orgs, and saves the new ones', async () => {
    await openFor('grace@partner.example');
    expectCall(http, partnerPath('/orgs')).flush(anOrgPage([aPartnerOrg(ACME), aPartnerOrg(GLOBEX)]));
    await settle(harness);
    const chips = await loader().getAllHarnesses(MatChipRowHarness);
    expect(await Promise.all(chips.map((chip) => chip.getText()))).toEqual(['Acme Manufacturing', 'Globex Retail', 'Initech']);

    await chips[2].remove();
    await (await loader().getHarness(MatSelectHarness)).clickOptions({ text: /^Manager/ });
    await save();

    const request = expectCall(http, partnerPath('/admins/a2'), 'PATCH');
    expect(request.request.body).toEqual({ role: 'manager', orgAccess: 'selected', orgIds: [ACME.orgId, GLOBEX.orgId] });
    request.flush(aHelpdesk({ role: 'manager' }));
    await settle(harness);

    expect(document.querySelectorAll('mat-dialog-container')).toHaveLength(0);
    expect(text(document.querySelector('mat-snack-bar-container'))).toContain('Changed the role and access of grace@partner.example');
    expectCall(http, ADMINS).flush([anAdmin(), aHelpdesk({ role: 'manager' })]);
    await settle(harness);
    expect(text(harness.routeNativeElement!.querySelector('tr[data-email="grace@partner.example"]'))).toContain('Manager');
  });

  it('sends no orgs when the admin is given every organization', async () => {
    await openFor('grace@partner.example');
    expectCall(http, partnerPath('/orgs')).flush(anOrgPage([]));
    await (await loader().getHarness(MatRadioButtonHarness.with({ label: /^All organizations/ }))).check();
    await save();

    const request = expectCall(http, partnerPath('/admins/a2'), 'PATCH');
    expect(request.request.body).toEqual({ role: 'helpdesk', orgAccess: 'all' });
    request.flush(aHelpdesk({ orgAccess: 'all', orgs: [] }));
    await settle(harness);
    expectCall(http, ADMINS).flush([anAdmin(), aHelpdesk({ orgAccess: 'all', orgs: [] })]);
  });

  it('keeps the dialog open with the reason when the last owner would step down', async () => {
    await openFor('ada@partner.example');
    await (await loader().getHarness(MatSelectHarness)).clickOptions({ text: /^Admin/ });
    await save();

    const request = expectCall(http, partnerPath('/admins/a1'), 'PATCH');
    expect(request.request.body).toEqual({ role: 'admin', orgAccess: 'all' });
    flushProblem(request, { title: 'Conflict', status: 409, code: 'partners.last_owner', detail: 'last owner' });
    await settle(harness);

    expect(text(openDialog()!.querySelector('[role="alert"]'))).toBe('A partner keeps at least one active owner: make another admin an owner first.');
  });
});
