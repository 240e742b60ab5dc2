import { readFile } from 'node:fs/promises';
import type { Browser, Locator, Page } from 'playwright-core';
import { launchBrowser, newWatchedContext, type WatchedContext, type WatchedPage } from '../support/browser.js';
import { eventually, expectVisible, partnerOrgNames, problemsBeyondSignedOutRefresh, signIn } from '../support/pages.js';
import { startPortal, type PortalProcess } from '../support/portal-process.js';

/** The demo partner's portfolio, as the demo seed makes it. */
const PORTFOLIO = ['Acme Manufacturing', 'Contoso Dental', 'Fabrikam Design', 'Globex Retail', 'Initech Legal'];

/**
 * The partner's home at a glance and in use: the owner reads the totals, sorts, filters, searches and
 * exports the org table, then unlocks two users of two different orgs from the lockout widget and
 * sees the figures follow.
 */
describe('the partner dashboard', () => {
  let portal: PortalProcess;
  let browser: Browser;
  let profile: WatchedContext;
  let owner: WatchedPage;
  let page: Page;

  beforeAll(async () => {
    browser = await launchBrowser();
    portal = await startPortal({ database: 'fresh' });
    profile = await newWatchedContext(browser, portal.baseUrl);
    owner = await profile.newPage();
    page = owner.page;
    await signIn(page, portal.demoAccount('ana@demo.mtp.local'));
  });
  afterAll(async () => {
    await profile?.close();
    await browser?.close();
    await portal?.stop();
  });

  const totals = () => page.getByRole('region', { name: 'Totals' });
  const figure = async (label: string): Promise<number> => {
    const value = totals().getByRole('group', { name: label, exact: true }).getByTestId('figure-value');
    await expectVisible(value);
    return Number((await value.innerText()).replace(/[^\d.]/g, ''));
  };
  const orgTable = () => page.getByRole('table', { name: 'Organizations' });
  /** The org table's rows once the table has settled after a change. */
  async function settledRows(): Promise<Locator> {
    await page.getByLabel('Loading organizations').waitFor({ state: 'detached' });
    return orgTable().locator('tr[data-org-id]');
  }
  /** Picks a status in the filter's list, once the list has opened and until it has closed again. */
  async function chooseStatus(option: string): Promise<void> {
    await page.getByRole('combobox', { name: 'Status' }).click();
    const list = page.getByRole('listbox', { name: 'Status' });
    await expectVisible(list);
    await list.getByRole('option', { name: option }).click();
    await list.waitFor({ state: 'detached' });
  }
  async function columnOf(header: string): Promise<string[]> {
    const headers = (await orgTable().locator('th').allInnerTexts()).map((text) => text.trim());
    const index = headers.findIndex((text) => text.startsWith(header));
    expect(index).toBeGreaterThanOrEqual(0);
    // A figure's cell leads with the figure; a detail (e.g. "45 active") may follow on its own line.
    return (await (await settledRows()).locator(`td:nth-child(${index + 1})`).allInnerTexts()).map((text) => text.trim().split('\n')[0]!.trim());
  }

  it('shows the home figures of the whole portfolio', async () => {
    expect(await figure('Organizations')).toBe(PORTFOLIO.length);
    // 48 + 27 + 14 + 22 + 9 users in the demo's five orgs, 8 of them locked out.
    expect(await figure('Users')).toBe(120);
    expect(await figure('Locked out')).toBe(8);
    await expectVisible(page.getByRole('table', { name: /^Users per organization/ }));
    expect((await partnerOrgNames(page)).sort()).toEqual(PORTFOLIO);
  });

  it('sorts the org table by users, largest first', async () => {
    const header = orgTable().getByRole('columnheader', { name: 'Users', exact: true });
    await header.click();
    expect(await eventually(() => header.getAttribute('aria-sort'), 'ascending')).toBe('ascending');
    await header.click();
    expect(await eventually(() => header.getAttribute('aria-sort'), 'descending')).toBe('descending');
    expect(await eventually(async () => (await columnOf('Users')).map(Number), [48, 27, 22, 14, 9])).toEqual([48, 27, 22, 14, 9]);
  });

  it('filters to the orgs with lockouts, and searches by name', async () => {
    await chooseStatus('Suspended');
    await expectVisible(page.getByText('No organization matches these filters.'));
    await chooseStatus('Any status');
    expect(await eventually(async () => (await partnerOrgNames(page)).length, PORTFOLIO.length)).toBe(PORTFOLIO.length);
    await page.getByRole('switch', { name: 'Has lockouts' }).click();
    expect(await eventually(async () => (await columnOf('Locked out')).every((count) => Number(count) > 0), true)).toBe(true);
    await page.getByRole('switch', { name: 'Has lockouts' }).click();

    await page.getByLabel('Search organizations').fill('glob');
    expect(await eventually(() => partnerOrgNames(page), ['Globex Retail'])).toEqual(['Globex Retail']);
    await page.getByLabel('Search organizations').fill('');
    expect(await eventually(async () => (await partnerOrgNames(page)).length, PORTFOLIO.length)).toBe(PORTFOLIO.length);
  });

  it('exports the listed orgs as CSV', async () => {
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export CSV' }).click()]);
    expect(download.suggestedFilename()).toMatch(/^orgs-\d{4}-\d{2}-\d{2}\.csv$/);
    const lines = (await readFile((await download.path())!, 'utf8')).replace(/^\uFEFF/, '').trim().split(/\r?\n/);
    expect(lines[0]).toMatch(/^OrgID,Name,Status,Users,/);
    expect(lines.slice(1).map((line) => line.split(',')[1]).sort()).toEqual(PORTFOLIO);
  });

  it('unlocks two users of two orgs from the lockout widget, and the figures follow', async () => {
    const widget = page.getByRole('region', { name: 'User lockouts' });
    const rows = widget.getByRole('table', { name: 'Locked-out users' }).locator('tr[data-user-id]');
    await expectVisible(rows.first());
    const before = await figure('Locked out');
    const listed = await rows.evaluateAll((trs) =>
      trs.map((tr) => ({ id: tr.getAttribute('data-user-id')!, username: tr.getAttribute('data-username')!, text: (tr as HTMLElement).innerText })),
    );
    // Two users whose rows name different orgs.
    const orgOf = (text: string) => PORTFOLIO.find((org) => text.includes(org))!;
    const first = listed[0]!;
    const second = listed.find((row) => orgOf(row.text) !== orgOf(first.text))!;
    expect(second).toBeDefined();
    for (const chosen of [first, second]) {
      await widget.getByRole('checkbox', { name: `Select ${chosen.username} (${orgOf(chosen.text)})` }).check();
    }
    await widget.getByRole('button', { name: 'Unlock', exact: true }).click();

    const results = page.getByRole('table', { name: 'Unlock results' });
    await expectVisible(results);
    const resultRows = async () => (await results.locator('tbody tr').allInnerTexts()).map((text) => text.replace(/\s+/g, ' ').trim());
    const done = (row: { username: string; text: string }) => new RegExp(`${row.username}.*${orgOf(row.text)}.*Done`);
    expect(await eventually(async () => (await resultRows()).length, 2)).toBe(2);
    const [firstResult, secondResult] = await resultRows();
    expect(firstResult).toMatch(done(first));
    expect(secondResult).toMatch(done(second));
    expect(await eventually(() => figure('Locked out'), before - 2)).toBe(before - 2);
    // Usernames repeat across orgs: the rows are told apart by the user's id.
    const stillListed = () => rows.evaluateAll((trs) => trs.map((tr) => tr.getAttribute('data-user-id')));
    expect(await eventually(async () => (await stillListed()).includes(first.id), false)).toBe(false);
    expect(await stillListed()).not.toContain(second.id);
    expect(problemsBeyondSignedOutRefresh(owner.problems)).toEqual([]);
  });
});

