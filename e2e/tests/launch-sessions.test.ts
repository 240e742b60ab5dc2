import { randomBytes } from 'node:crypto';
import type { Browser, Locator, Page } from 'playwright-core';
import { launchBrowser, newWatchedContext, type WatchedContext, type WatchedPage } from '../support/browser.js';
import { eventually, expectVisible, partnerOrgNames, signIn } from '../support/pages.js';
import { startPortal, type PortalProcess } from '../support/portal-process.js';

const ANA = 'ana@demo.mtp.local';
const OLIVIA = 'olivia@demo.mtp.local';
const PARTNER = 'Northwind IT Services';
const ACME = 'Acme Manufacturing';
const GLOBEX = 'Globex Retail';
const REASON = 'E2E: onboarding a new starter';
const TICKET = `PSA-${randomBytes(2).toString('hex')}`;
const CONSOLE_PATH = /^\/orgs\/[0-9a-f]{24}$/;

/**
 * Launch sessions, end to end: the partner's owner asks for reasons, launches into Acme from the
 * dashboard and creates a user there, opens Globex in a second tab with "Launch in a new tab", ends
 * the Acme session and finds the Globex tab still working (after a reload too). Acme's own admin,
 * signed in elsewhere, then sees the session, with its reason, under "Partner access".
 */
describe('launch sessions into customer orgs', () => {
  let portal: PortalProcess;
  let browser: Browser;
  let anaProfile: WatchedContext;
  let oliviaProfile: WatchedContext | undefined;
  let tabA: WatchedPage;
  let tabB: WatchedPage;
  const username = `e2e.${randomBytes(3).toString('hex')}`;

  beforeAll(async () => {
    browser = await launchBrowser();
    portal = await startPortal({ database: 'fresh' });
    anaProfile = await newWatchedContext(browser, portal.baseUrl);
    tabA = await anaProfile.newPage();
    await signIn(tabA.page, portal.demoAccount(ANA));
  });
  afterAll(async () => {
    await oliviaProfile?.close();
    await anaProfile?.close();
    await browser?.close();
    await portal?.stop();
  });

  const a = (): Page => tabA.page;
  const b = (): Page => tabB.page;
  const banner = (page: Page) => page.getByRole('region', { name: 'Launch session', exact: true });
  const consoleTab = (page: Page, name: string) =>
    page.getByRole('tablist', { name: 'Organization console' }).getByRole('tab', { name, exact: true });
  const usersTable = (page: Page) => page.getByRole('table', { name: 'Users' });

  /** The reason dialog of a launch: fills it in and launches. */
  async function giveReason(page: Page, org: string): Promise<void> {
    const dialog = page.getByRole('dialog', { name: `Launch ${org}` });
    await expectVisible(dialog);
    await expectFocused(dialog.getByLabel('Reason'));
    await dialog.getByLabel('Reason').fill(REASON);
    await dialog.getByLabel('Ticket (optional)').fill(TICKET);
  }

  it('lets the owner require a reason with every launch', async () => {
    await a().goto('/partner/settings');
    const toggle = a().getByRole('switch', { name: 'Require a reason when launching into an organization' });
    await expectVisible(toggle);
    await toggle.click();
    expect(await toggle.getAttribute('aria-checked')).toBe('true');
    await a().getByRole('button', { name: 'Save settings' }).click();
    await expectVisible(a().locator('mat-snack-bar-container').getByText('Settings saved'));
  });

  it('launches into Acme from the dashboard, with a reason, and creates a user there', async () => {
    await a().goto('/');
    expect(await partnerOrgNames(a())).toContain(ACME);
    await a().getByRole('button', { name: `Launch ${ACME}`, exact: true }).click();
    await giveReason(a(), ACME);
    await a().getByRole('dialog', { name: `Launch ${ACME}` }).getByRole('button', { name: 'Launch', exact: true }).click();

    await a().waitForURL((url) => CONSOLE_PATH.test(url.pathname));
    await expectVisible(banner(a()).getByText(`Managing as Ana Admin of ${PARTNER}`));
    expect(await banner(a()).getByTestId('launch-time-left').innerText()).toMatch(/^\d+ minutes left$/);
    await expectVisible(a().getByRole('main').getByRole('heading', { level: 1, name: ACME }));

    await consoleTab(a(), 'Users').click();
    await expectVisible(usersTable(a()).locator('tr[data-username]').first());
    await a().getByRole('main').getByRole('button', { name: 'Create user' }).click();
    const dialog = a().getByRole('dialog', { name: 'Create user' });
    await expectFocused(dialog.getByLabel('Username'));
    await dialog.getByLabel('Username').fill(username);
    await dialog.getByLabel('Email').fill(`${username}@acme.example`);
    await dialog.getByRole('button', { name: 'Create user' }).click();
    await expectVisible(a().locator('mat-snack-bar-container').getByText(`Created ${username}`));
    await a().getByRole('main').getByLabel('Search users').fill(username);
    await expectVisible(usersTable(a()).locator(`tr[data-username="${username}"]`));
    expect(tabA.problems).toEqual([]);
  });

  it('opens Globex in a second tab from the top bar’s finder, with "Launch in a new tab"', async () => {
    await a().getByRole('button', { name: 'Organizations', exact: true }).click();
    await a().getByRole('combobox', { name: 'Find an organization' }).fill('Globex');
    await a().getByRole('option', { name: new RegExp(GLOBEX) }).click();
    const details = a().getByRole('dialog', { name: `Details of ${GLOBEX}` });
    await details.getByRole('button', { name: `Launch ${GLOBEX} in a new tab` }).click();
    await giveReason(a(), GLOBEX);
    const [opened] = await Promise.all([
      anaProfile.context.waitForEvent('page'),
      a().getByRole('dialog', { name: `Launch ${GLOBEX}` }).getByRole('button', { name: 'Launch', exact: true }).click(),
    ]);
    tabB = anaProfile.adopt(opened);

    await b().waitForURL((url) => CONSOLE_PATH.test(url.pathname));
    await expectVisible(b().getByRole('main').getByRole('heading', { level: 1, name: GLOBEX }));
    await expectVisible(banner(b()).getByText(`Managing as Ana Admin of ${PARTNER}`));
    await consoleTab(b(), 'Users').click();
    await expectVisible(usersTable(b()).locator('tr[data-username]').first());

    // The first tab stays in Acme's console, with its own session.
    await details.getByRole('button', { name: 'Close' }).click();
    await details.waitFor({ state: 'detached' });
    expect(await banner(a()).locator('.org').innerText()).toBe(ACME);
    expect(tabB.problems).toEqual([]);
  });

  it('ends the Acme session: its tab stops, without signing out, and the Globex tab still works', async () => {
    await banner(a()).getByRole('button', { name: 'End session' }).click();
    await expectVisible(a().getByRole('heading', { level: 1, name: 'This launch session has ended' }));
    expect(await a().getByTestId('ended-detail').innerText()).toBe('You ended this launch session.');
    expect(await usersTable(a()).count()).toBe(0);
    expect(await banner(a()).count()).toBe(0);

    await consoleTab(b(), 'Overview').click();
    await expectVisible(b().getByRole('group', { name: 'Users', exact: true }));
    await consoleTab(b(), 'Users').click();
    await expectVisible(usersTable(b()).locator('tr[data-username]').first());
    // A reload forgets the token: the tab finds Ana's session again and asks a token of its own.
    await b().reload();
    await expectVisible(banner(b()).getByText(`Managing as Ana Admin of ${PARTNER}`));
    await expectVisible(usersTable(b()).locator('tr[data-username]').first());
    expect(await usersTable(b()).getByText(username).count()).toBe(0);

    await a().getByRole('link', { name: 'Return to the portal' }).click();
    expect(await partnerOrgNames(a())).toContain(ACME);
    expect(tabA.problems).toEqual([]);
    expect(tabB.problems).toEqual([]);
  });

  it('lists the Globex session as active and the Acme one as ended on the Sessions page', async () => {
    await a().getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Sessions' }).click();
    const table = a().getByRole('table', { name: 'Launch sessions' });
    const rows = table.locator('tr[data-session-id]');
    await expectVisible(rows.first());
    expect(await eventually(async () => (await rowTexts(rows)).length, 1)).toBe(1);
    expect((await rowTexts(rows))[0]).toContain(GLOBEX);

    await a().getByRole('switch', { name: 'Include ended sessions' }).click();
    expect(await eventually(async () => (await rowTexts(rows)).length, 2)).toBe(2);
    const acmeRow = (await rowTexts(rows)).find((row) => row.includes(ACME))!;
    expect(acmeRow).toContain(REASON);
    expect(acmeRow).toContain('Ended by the admin');
  });

  it('shows Acme’s own admin the session, with its reason, under "Partner access"', async () => {
    oliviaProfile = await newWatchedContext(browser, portal.baseUrl);
    const olivia = await oliviaProfile.newPage();
    const page = olivia.page;
    await signIn(page, portal.demoAccount(OLIVIA));
    await page.waitForURL((url) => CONSOLE_PATH.test(url.pathname));
    await expectVisible(page.getByRole('main').getByRole('heading', { level: 1, name: ACME }));
    expect(await banner(page).count()).toBe(0);

    await consoleTab(page, 'Partner access').click();
    const rows = page.getByRole('table', { name: 'Partner access' }).locator('tr[data-session-id]');
    await expectVisible(rows.first());
    const texts = await rowTexts(rows);
    expect(texts).toHaveLength(1);
    for (const words of [PARTNER, 'Ana Admin', ANA, 'Owner', REASON, TICKET, 'Ended by the admin']) {
      expect(texts[0]).toContain(words);
    }

    await consoleTab(page, 'Activity').click();
    const created = page.getByRole('list', { name: 'Activity' }).getByRole('listitem').filter({ hasText: username });
    await expectVisible(created.first());
    expect(await created.first().innerText()).toContain(`via ${PARTNER} session`);
    expect(olivia.problems).toEqual([]);
  });
});

async function rowTexts(rows: Locator): Promise<string[]> {
  return (await rows.allInnerTexts()).map((text) => text.replace(/\s+/g, ' ').trim());
}

/** A dialog focuses its first field once it has opened; typing before that would lose the keys. */
async function expectFocused(locator: Locator): Promise<void> {
  const handle = await locator.elementHandle();
  await locator.page().waitForFunction((element) => document.activeElement === element, handle);
}
