import { TestbedHarnessEnvironment } from '@angular/cdk/testing/testbed';
import { type HttpTestingController } from '@angular/common/http/testing';
import { MatFormFieldHarness } from '@angular/material/form-field/testing';
import { MatMenuHarness } from '@angular/material/menu/testing';
import { MatSelectHarness } from '@angular/material/select/testing';
import { RouterTestingHarness } from '@angular/router/testing';

import { ACME, buttonIn, expectCall, settle, text } from '../../../../testing/org-console-fixtures';
import { flushProblem } from '../../../../testing/problem-responses';
import { partnerPath, queryOf, setUpPartner } from '../testing/partner-fixtures';
import { aDetachRequest, aRequest, aRequestPage } from '../testing/request-fixtures';

const REQUESTS = partnerPath('/requests');

jest.setTimeout(30_000);

describe('the requests page of the partner', () => {
  let http: HttpTestingController;
  let harness: RouterTestingHarness;

  afterEach(() => http.verify());

  const page = () => harness.routeNativeElement as HTMLElement;
  const loader = () => TestbedHarnessEnvironment.documentRootLoader(harness.fixture);
  const rows = () =>
    Array.from(page().querySelectorAll('table[aria-label="Requests"] tr[data-request-id]'), (row) => Array.from(row.querySelectorAll('td'), (cell) => text(cell)));
  const empty = () => text(page().querySelector('td.empty'));

  async function open(role = 'owner'): Promise<void> {
    http = setUpPartner(role);
    harness = await RouterTestingHarness.create('/partner/requests');
    await settle(harness);
  }

  async function answer(query: Record<string, string>, page = aRequestPage([])): Promise<void> {
    const request = expectCall(http, REQUESTS);
    expect(queryOf(request)).toEqual(query);
    request.flush(page);
    await settle(harness);
  }

  async function choose(label: string, option: string): Promise<void> {
    const field = await loader().getHarness(MatFormFieldHarness.with({ floatingLabelText: label }));
    const select = (await field.getControl(MatSelectHarness))!;
    await select.clickOptions({ text: option });
    await settle(harness);
  }

  it('lists the requests: number, subject, kind, org of a detachment, status, who filed it and when', async () => {
    await open();
    await answer(
      { limit: '25' },
      aRequestPage([aDetachRequest({ status: 'in_progress', createdBy: 'grace@partner.example', updatedAt: '2026-11-21T10:00:00.000Z' }), aRequest()]),
    );

    expect(text(page().querySelector('h1'))).toBe('Requests');
    const [detach, general] = rows();
    expect(detach.slice(0, 6)).toEqual(['#13', 'Detach an organization', 'Detach an organization', `Acme Manufacturing ${ACME.orgId}`, 'In progress', 'grace@partner.example']);
    expect(detach[6]).toMatch(/^Nov 20, 2026/);
    expect(detach[7]).toMatch(/^Nov 21, 2026/);
    expect(general.slice(0, 6)).toEqual(['#12', 'VPN set-up for a branch', 'General help', '—', 'Open', 'ada@partner.example']);
    const link = page().querySelector<HTMLAnchorElement>(`tr[data-request-id="${aRequest().id}"] a`)!;
    expect(link.getAttribute('href')).toBe(`/partner/requests/${aRequest().id}`);
  });

  it('filters by kind and by status on the server, each from the first page, and clears the filters', async () => {
    await open();
    await answer({ limit: '25' }, aRequestPage([aRequest()], 'c1'));
    buttonIn(page().querySelector('mtp-keyset-paginator'), 'Next').click();
    await settle(harness);
    await answer({ limit: '25', cursor: 'c1' }, aRequestPage([aDetachRequest()]));

    await choose('Kind', 'Detach an organization');
    await answer({ kind: 'detach', limit: '25' }, aRequestPage([aDetachRequest()]));
    await choose('Status', 'Rejected');
    await answer({ kind: 'detach', status: 'rejected', limit: '25' });

    expect(rows()).toEqual([]);
    expect(empty()).toContain('No request matches these filters.');
    buttonIn(page().querySelector('td.empty'), 'Clear filters').click();
    await settle(harness);
    await answer({ limit: '25' }, aRequestPage([aRequest()]));
    expect(rows()).toHaveLength(1);
  });

  it('pages with Next and Previous through the cursors the API gives', async () => {
    await open();
    await answer({ limit: '25' }, aRequestPage([aRequest()], 'c1'));
    const pager = () => page().querySelector('mtp-keyset-paginator');
    // Disabled yet focusable (disabledInteractive): said by aria-disabled.
    expect(buttonIn(pager(), 'Previous').getAttribute('aria-disabled')).toBe('true');

    buttonIn(pager(), 'Next').click();
    await settle(harness);
    await answer({ limit: '25', cursor: 'c1' }, aRequestPage([aDetachRequest()]));
    expect(rows()[0][0]).toBe('#13');
    expect(buttonIn(pager(), 'Next').getAttribute('aria-disabled')).toBe('true');

    buttonIn(pager(), 'Previous').click();
    await settle(harness);
    await answer({ limit: '25' }, aRequestPage([aRequest()], 'c1'));
    expect(rows()[0][0]).toBe('#12');
  });

  it('says when the partner has asked nothing yet', async () => {
    await open('readonly');
    await answer({ limit: '25' });

    expect(empty()).toContain('Your partner has not asked platform support anything yet.');
  });

  it('shows a failure to load in words, and loads again on request', async () => {
    await open();
    flushProblem(expectCall(http, REQUESTS), { title: 'Service Unavailable', status: 503 });
    await settle(harness);

    expect(text(page().querySelector('[role="alert"]'))).toContain('cannot reach the server');
    expect(empty()).toBe('The requests could not be loaded.');
    buttonIn(page().querySelector('[role="alert"]'), 'Try again').click();
    await settle(harness);
    await answer({ limit: '25' }, aRequestPage([aRequest()]));
    expect(rows()).toHaveLength(1);
  });

  it.each([
    ['owner', ['Detach an organization', 'Training', 'General help']],
    ['admin', ['Detach an organization', 'Training', 'General help']],
    ['manager', ['Training', 'General help']],
    ['readonly', ['Training', 'General help']],
  ])('offers a %s the kinds of request its role may file', async (role, kinds) => {
    await open(role);
    await answer({ limit: '25' });

    const menu = await loader().getHarness(MatMenuHarness.with({ triggerText: /New request/ }));
    await menu.open();
    expect(await Promise.all((await menu.getItems()).map((item) => item.getText()))).toEqual(kinds);
  });
});
