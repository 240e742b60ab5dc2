import type { Browser, Locator, Page } from 'playwright-core';
import { launchBrowser, newWatchedContext, type WatchedContext, type WatchedPage } from '../support/browser.js';
import { eventually, expectVisible, partnerOrgNames, problemsBeyondSignedOutRefresh, signIn } from '../support/pages.js';
import { startPortal, type DemoAccount, type PortalProcess } from '../support/portal-process.js';
import { freshTotpCode } from '../support/totp.js';

const ANA = 'ana@demo.mtp.local';
const OLIVIA = 'olivia@demo.mtp.local';
const STAFF = 'staff@demo.mtp.local';
const ACME = 'Acme Manufacturing';
const REASON = 'E2E: Acme now runs its own IT';
const CONSOLE_PATH = /^\/orgs\/[0-9a-f]{24}$/;
const REQUEST_PATH = /^\/partner\/requests\/([0-9a-f-]{36})$/;

/**
 * Detaching an org, end to end: the demo partner's owner launches into Acme and keeps that console
 * open, then asks for Acme's detachment from its details in another tab; staff approve it in the
 * back-office; the partner's dashboard no longer lists Acme and its totals drop, the launched console
 * says its session ended at its next step, and Acme's own admin still signs in and sees all its users.
 */
describe('detaching an organization from a partner', () => {
  let portal: PortalProcess;
  let browser: Browser;
  const profiles: WatchedContext[] = [];
  let ana: WatchedContext;
  let consoleTab: WatchedPage;
  let portalTab: WatchedPage;
  let requestId: string;
  let before: { orgs: number; users: number; acmeUsers: number };

  beforeAll(async () => {
    browser = await launchBrowser();
    portal = await startPortal({ database: 'fresh' });
    ana = await newProfile();
    consoleTab = await ana.newPage();
    await signIn(consoleTab.page, portal.demoAccount(ANA));
  });
  afterAll(async () => {
    for (const profile of profiles) await profile.close();
    await browser?.close();
    await portal?.stop();
  });

  async function newProfile(): Promise<WatchedContext> {
    const profile = await newWatchedContext(browser, portal.baseUrl);
    profiles.push(profile);
    return profile;
  }

  const figure = async (page: Page, label: string): Promise<number> => {
    const value = page.getByRole('region', { name: 'Totals' }).getByRole('group', { name: label, exact: true }).getByTestId('figure-value');
    await expectVisible(value);
    return Number((await value.innerText()).replace(/[^\d]/g, ''));
  };
  const acmeRow = (page: Page) => page.getByRole('table', { name: 'Organizations' }).locator('tr[data-org-id]').filter({ hasText: ACME });

  it('launches the owner into Acme from the dashboard, and keeps that console open', async () => {
    const page = consoleTab.page;
    await page.goto('/');
    expect(await partnerOrgNames(page)).toContain(ACME);
    before = {
      orgs: await figure(page, 'Organizations'),
      users: await figure(page, 'Users'),
      acmeUsers: Number((await acmeRow(page).locator('td').nth(3).innerText()).trim().split('\n')[0]),
    };
    expect(before.acmeUsers).toBeGreaterThan(0);

    await page.getByRole('button', { name: `Launch ${ACME}`, exact: true }).click();
    await page.waitForURL((url) => CONSOLE_PATH.test(url.pathname));
    await expectVisible(page.getByRole('main').getByRole('heading', { level: 1, name: ACME }));
    await expectVisible(page.getByRole('region', { name: 'Launch session', exact: true }));
    expect(consoleTab.problems).toEqual([]);
  });

  it('asks platform staff to detach Acme from its details, in another tab', async () => {
    portalTab = await ana.newPage();
    const page = portalTab.page;
    await page.goto('/');
    await expectVisible(acmeRow(page));
    await acmeRow(page).getByRole('button', { name: `Details of ${ACME}` }).click();
    const details = page.getByRole('dialog', { name: `Details of ${ACME}` });
    await details.getByRole('button', { name: `Request detachment of ${ACME}` }).click();

    const dialog = page.getByRole('dialog', { name: 'Ask to detach an organization' });
    await expectVisible(dialog);
    expect(await dialog.getByRole('combobox', { name: 'Organization' }).inputValue()).toBe(ACME);
    // With the org chosen already, the dialog starts at the reason once it has opened.
    await expectFocused(dialog.getByLabel('Reason'));
    await dialog.getByLabel('Reason').fill(REASON);
    await dialog.getByRole('button', { name: 'Send request' }).click();

    await page.waitForURL((url) => REQUEST_PATH.test(url.pathname));
    requestId = REQUEST_PATH.exec(new URL(page.url()).pathname)![1]!;
    await expectVisible(page.getByRole('heading', { level: 1, name: /^#\d+ · Detach an organization$/ }));
    expect(await page.getByTestId('request-status').innerText()).toBe('Open');
    expect(await page.getByRole('dialog').count()).toBe(0);
    await expectVisible(page.getByText(REASON));
    await expectVisible(timeline(page).getByText(`${ANA} filed the request`));

    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Requests' }).click();
    const row = page.getByRole('table', { name: 'Requests' }).locator(`tr[data-request-id="${requestId}"]`);
    await expectVisible(row);
    expect(await row.innerText()).toMatch(new RegExp(`${ACME}[\\s\\S]*Open[\\s\\S]*${ANA}`));
    expect(portalTab.problems).toEqual([]);
  });

  it('lets staff approve the detachment from the request in the back-office', async () => {
    const staff = await (await newProfile()).newPage();
    const page = staff.page;
    await signInToBackoffice(page, portal.demoAccount(STAFF));
    await page.goto(`/admin/resources/SupportRequest/records/${requestId}/show`);
    const approve = page.getByRole('link', { name: /approve detachment/i }).or(page.getByRole('button', { name: /approve detachment/i }));
    await expectVisible(approve.first());
    await approve.first().click();
    const [answer] = await Promise.all([
      page.waitForResponse((response) => new URL(response.url()).pathname.endsWith(`/records/${requestId}/approveDetachment`)),
      page.getByRole('button', { name: 'Confirm' }).click(),
    ]);
    const body = (await answer.json()) as { notice?: { type: string; message: string } };
    expect(body.notice).toMatchObject({ type: 'success' });
    await expectVisible(page.getByText(/Detachment approved/).first());
    expect(staff.problems.filter((problem) => problem.kind === 'uncaught error')).toEqual([]);
  });

  it('shows the partner the request resolved, and a dashboard without Acme, its totals lower', async () => {
    const page = portalTab.page;
    await page.goto(`/partner/requests/${requestId}`);
    await expectVisible(timeline(page).getByText('Platform support resolved the request'));
    expect(await page.getByTestId('request-status').innerText()).toBe('Resolved');
    expect(await page.getByRole('form', { name: 'Add a comment' }).count()).toBe(0);

    await page.goto('/');
    expect(await partnerOrgNames(page)).not.toContain(ACME);
    expect(await figure(page, 'Organizations')).toBe(before.orgs - 1);
    expect(await eventually(() => figure(page, 'Users'), before.users - before.acmeUsers)).toBe(before.users - before.acmeUsers);
    expect(portalTab.problems).toEqual([]);
  });

  it('tells the console launched into Acme, at its next step, that its session has ended', async () => {
    const page = consoleTab.page;
    await page.getByRole('tablist', { name: 'Organization console' }).getByRole('tab', { name: 'Users', exact: true }).click();

    await expectVisible(page.getByRole('heading', { level: 1, name: 'This launch session has ended' }));
    expect(await page.getByTestId('ended-detail').innerText()).toMatch(/detached/i);
    expect(await page.getByRole('table', { name: 'Users' }).count()).toBe(0);
    expect(await page.getByRole('region', { name: 'Launch session', exact: true }).count()).toBe(0);
    // The refusal of the ended session's token is the expected 401; nothing else may go wrong.
    expect(problemsBeyondSignedOutRefresh(consoleTab.problems)).toEqual([]);
  });

  it('still lets Acme’s own admin sign in and see all of Acme’s users', async () => {
    const olivia = await (await newProfile()).newPage();
    const page = olivia.page;
    await signIn(page, portal.demoAccount(OLIVIA));
    await page.waitForURL((url) => CONSOLE_PATH.test(url.pathname));
    await expectVisible(page.getByRole('main').getByRole('heading', { level: 1, name: ACME }));

    await page.getByRole('tablist', { name: 'Organization console' }).getByRole('tab', { name: 'Users', exact: true }).click();
    await expectVisible(page.getByRole('table', { name: 'Users' }).locator('tr[data-username]').first());
    const range = () => page.locator('.mat-mdc-paginator-range-label').innerText().then((words) => words.replace(/\s+/g, ' ').trim());
    const all = `1 – 25 of ${before.acmeUsers}`;
    expect(await eventually(range, all)).toBe(all);
    expect(olivia.problems).toEqual([]);
  });
});

/** A dialog focuses its first field once it has opened; typing before that could lose the keys. */
async function expectFocused(locator: Locator): Promise<void> {
  const handle = await locator.elementHandle();
  await locator.page().waitForFunction((element) => document.activeElement === element, handle);
}

function timeline(page: Page): Locator {
  return page.getByRole('list', { name: 'Timeline' });
}

/** The back-office's own sign-in: password, then the code (its Login-style buttons are found by name). */
async function signInToBackoffice(page: Page, staff: DemoAccount): Promise<void> {
  await page.goto('/admin/login');
  await page.getByLabel('Email').fill(staff.email);
  await page.getByLabel('Password').fill(staff.password);
  await page.getByRole('button', { name: 'Continue' }).click();
  await page.getByLabel('Code from your authenticator app, or a recovery code').fill(await freshTotpCode(staff.totpSecret!));
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.waitForURL((url) => url.pathname === '/admin');
}
