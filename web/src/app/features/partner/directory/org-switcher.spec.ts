import { TestbedHarnessEnvironment } from '@angular/cdk/testing/testbed';
import { type HttpTestingController } from '@angular/common/http/testing';
import { type ComponentFixture, TestBed } from '@angular/core/testing';
import { MatAutocompleteHarness } from '@angular/material/autocomplete/testing';

import { ACME, GLOBEX, expectCall, openDialog, text } from '../../../../testing/org-console-fixtures';
import { flushProblem } from '../../../../testing/problem-responses';
import { API_READY_URL } from '../../../core/api/api-status.service';
import { TopBar } from '../../../core/layout/top-bar';
import { aPartnerOrg, anOrgDetails, anOrgPage, partnerPath, queryOf, setUpPartner } from '../testing/partner-fixtures';

const ORGS = partnerPath('/orgs');

jest.setTimeout(30_000);

describe('the Organizations finder of the top bar', () => {
  let http: HttpTestingController;
  let fixture: ComponentFixture<TopBar>;

  afterEach(() => http.verify());

  const bar = () => fixture.nativeElement as HTMLElement;
  const trigger = () => bar().querySelector<HTMLButtonElement>('mtp-partner-org-switcher button');
  const panel = () => document.querySelector<HTMLElement>('[role="dialog"][aria-label="Find an organization"]');
  const finder = () => TestbedHarnessEnvironment.documentRootLoader(fixture).getHarness(MatAutocompleteHarness);

  async function settle(): Promise<void> {
    for (let round = 0; round < 4; round++) {
      await new Promise((resolve) => setTimeout(resolve, 0));
      await fixture.whenStable();
    }
  }

  async function showBar(role: string | null): Promise<void> {
    http = setUpPartner(role);
    fixture = TestBed.createComponent(TopBar);
    await settle();
    http.expectOne(API_READY_URL).flush({ status: 'ok' });
    await settle();
  }

  async function openFinder(orgs = [aPartnerOrg(ACME), aPartnerOrg(GLOBEX)], total = orgs.length): Promise<void> {
    trigger()!.click();
    await settle();
    const request = expectCall(http, ORGS);
    expect(queryOf(request)).toEqual({ limit: '10' });
    request.flush(anOrgPage(orgs, total));
    await settle();
  }

  it('is there for every admin of a partner, and for no one else', async () => {
    await showBar(null);
    expect(trigger()).toBeNull();
    TestBed.resetTestingModule();

    await showBar('readonly');
    expect(text(trigger())).toBe('Organizations');
    expect(trigger()!.getAttribute('aria-expanded')).toBe('false');
  });

  it('opens on a field to find an organization, listing the first ones at once', async () => {
    await showBar('helpdesk');
    await openFinder([aPartnerOrg(ACME), aPartnerOrg(GLOBEX)], 37);

    expect(trigger()!.getAttribute('aria-expanded')).toBe('true');
    const input = panel()!.querySelector('input')!;
    expect(document.activeElement).toBe(input);
    expect(text(document.querySelector(`label[for="${input.id}"]`))).toBe('Find an organization');
    const options = await (await finder()).getOptions();
    expect(await Promise.all(options.map((option) => option.getText()))).toEqual([
      `Acme Manufacturing ${ACME.orgId}`,
      `Globex Retail ${GLOBEX.orgId}`,
    ]);
    expect(text(panel())).toContain('2 of 37 shown: type more to narrow them down.');
    expect(panel()!.querySelector('a[href="/partner/orgs"]')?.textContent?.trim()).toBe('All organizations');
  });

  it('searches the server as one types, and opens the details of the org chosen', async () => {
    await showBar('owner');
    await openFinder();

    const autocomplete = await finder();
    await autocomplete.enterText('glob');
    await settle();
    const searched = expectCall(http, ORGS);
    expect(queryOf(searched)).toEqual({ search: 'glob', limit: '10' });
    searched.flush(anOrgPage([aPartnerOrg(GLOBEX)]));
    await settle();
    await autocomplete.selectOption({ text: /Globex Retail/ });
    await settle();

    expect(panel()).toBeNull();
    expect(trigger()!.getAttribute('aria-expanded')).toBe('false');
    expectCall(http, partnerPath(`/orgs/${GLOBEX.orgId}`)).flush(anOrgDetails(GLOBEX));
    await settle();
    const dialog = openDialog() as HTMLElement;
    expect(text(dialog.querySelector('h2'))).toBe('Globex Retail');
    expect(text(dialog.querySelector('[data-testid="details-org-id"]'))).toBe(GLOBEX.orgId);
    // An owner launches from there, here or in a new tab.
    expect(dialog.querySelector<HTMLButtonElement>(`[aria-label="Launch ${GLOBEX.orgName}"]`)?.disabled).toBe(false);
    expect(dialog.querySelector(`[aria-label="Launch ${GLOBEX.orgName} in a new tab"]`)).not.toBeNull();
  });

  it('says when nothing matches, or when the search failed', async () => {
    await showBar('admin');
    await openFinder();
    const autocomplete = await finder();

    await autocomplete.enterText('zzz');
    await settle();
    expectCall(http, ORGS).flush(anOrgPage([]));
    await settle();
    expect(await Promise.all((await autocomplete.getOptions()).map((option) => option.getText()))).toEqual(['No organization matches.']);

    await autocomplete.enterText('z');
    await settle();
    flushProblem(expectCall(http, ORGS), { title: 'Service Unavailable', status: 503 });
    await settle();
    expect((await Promise.all((await autocomplete.getOptions()).map((option) => option.getText())))[0]).toContain('cannot reach the server');
  });

  it('closes on Escape, giving the focus back to its button', async () => {
    await showBar('manager');
    await openFinder();
    const input = panel()!.querySelector('input')!;

    const escape = async () => {
      input.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', keyCode: 27, bubbles: true, cancelable: true }));
      await settle();
    };
    expect(input.getAttribute('aria-expanded')).toBe('true');

    // The first Escape closes the list of orgs, the second the finder.
    await escape();
    expect(input.getAttribute('aria-expanded')).toBe('false');
    expect(panel()).not.toBeNull();
    await escape();

    expect(panel()).toBeNull();
    expect(document.activeElement).toBe(trigger());
  });
});
