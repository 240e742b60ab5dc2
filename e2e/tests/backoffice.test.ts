import type { Browser, Page } from 'playwright-core';
import { launchBrowser, newWatchedContext, type WatchedContext, type WatchedPage } from '../support/browser.js';
import { startPortal, type PortalProcess } from '../support/portal-process.js';

const STAFF_ROLE = 'platform staff (back-office)';

describe('the back-office and the API docs in a browser', () => {
  let portal: PortalProcess;
  let browser: Browser;
  let staff: { email: string; password: string };
  const openContexts: WatchedContext[] = [];

  beforeAll(async () => {
    browser = await launchBrowser();
    portal = await startPortal({ database: 'fresh' });
    staff = portal.demoAccounts().accounts.find((account) => account.role === STAFF_ROLE)!;
  });
  afterAll(async () => {
    for (const context of openContexts) await context.close();
    await browser?.close();
    await portal?.stop();
  });

  /** Each visitor gets a profile of their own, so one test's session never signs another in. */
  async function newVisitor(): Promise<WatchedPage> {
    const context = await newWatchedContext(browser, portal.baseUrl);
    openContexts.push(context);
    return context.newPage();
  }

  async function submitLogin(page: Page, email: string, password: string): Promise<void> {
    await page.goto('/admin/login');
    // AdminJS's labels are not tied to their inputs; the placeholders name them.
    await page.getByPlaceholder('Email').fill(email);
    await page.getByPlaceholder('Password').fill(password);
    await page.getByRole('button', { name: 'Login' }).click();
  }

  it('signs the demo staff account in and lists it among the staff', async () => {
    const { page, problems } = await newVisitor();
    expect(staff.email).toBe('staff@demo.mtp.local');

    await submitLogin(page, staff.email, staff.password);
    await page.waitForURL((url) => url.pathname === '/admin');
    await page.goto('/admin/resources/StaffUser');

    const row = page.getByRole('row').filter({ has: page.getByRole('cell', { name: 'staff@demo.mtp.local', exact: true }) });
    await row.waitFor();
    expect(await row.getByRole('cell', { name: 'active', exact: true }).count()).toBe(1);
    expect(problems.filter((problem) => problem.kind === 'uncaught error')).toEqual([]);
  });

  it('keeps a wrong password on the login page with an error', async () => {
    const { page } = await newVisitor();

    await submitLogin(page, staff.email, `${staff.password}-wrong`);

    await page.getByText('Wrong email and/or password').waitFor();
    expect(new URL(page.url()).pathname).toBe('/admin/login');
    expect((await page.request.get('/admin/resources/StaffUser', { maxRedirects: 0 })).status()).toBe(302);
  });

  it('shows the API docs in Swagger UI, with the health operations', async () => {
    const { page, problems } = await newVisitor();
    await page.goto('/api/docs');

    await page.getByRole('heading', { name: /^MTP API/ }).waitFor();
    expect(await page.title()).toBe('MTP API');
    const operations = page.locator('.opblock-summary');
    await operations.first().waitFor();
    const summaries = (await operations.allInnerTexts()).map((text) => text.replace(/\s+/g, ' ').trim());
    expect(summaries).toEqual(
      expect.arrayContaining([expect.stringMatching(/^GET \/api\/health\/live\b/), expect.stringMatching(/^GET \/api\/health\/ready\b/)]),
    );
    expect(problems).toEqual([]);
  });

  // KNOWN BUG (reported, not fixed here): AdminJS's page links Roboto from fonts.googleapis.com,
  // which the back-office's own Content-Security-Policy blocks; every back-office page logs it.
  it.failing('loads the back-office login page without Content-Security-Policy violations', async () => {
    const { page, problems } = await newVisitor();
    await page.goto('/admin/login');
    await page.getByRole('button', { name: 'Login' }).waitFor();

    expect(problems).toEqual([]);
  });

  // KNOWN BUG (reported, not fixed here): on plain http the back-office still sends HSTS and
  // upgrade-insecure-requests, so a browser reaching it by a non-loopback address (a LAN IP) fetches
  // its scripts over https and shows a blank page. The portal itself leaves both out on plain http.
  it.failing('sends no https-only headers from the back-office when served over plain http', async () => {
    const response = await fetch(`${portal.baseUrl}/admin/login`);
    await response.arrayBuffer();

    expect(response.headers.get('strict-transport-security')).toBeNull();
    expect(response.headers.get('content-security-policy')).not.toContain('upgrade-insecure-requests');
  });
});
