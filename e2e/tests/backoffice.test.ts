import type { Browser, Page } from 'playwright-core';
import { launchBrowser, newWatchedContext, type WatchedContext, type WatchedPage } from '../support/browser.js';
import { startPortal, type DemoAccount, type PortalProcess } from '../support/portal-process.js';
import { freshTotpCode, wrongTotpCode } from '../support/totp.js';

/** How long AdminJS may take to settle its network on a busy machine. */
const NETWORK_IDLE_MS = 45_000;
const GOOGLE_FONTS = 'https://fonts.googleapis.com/css?family=Roboto:300,400,500,700';

describe('the back-office and the API docs in a browser', () => {
  let portal: PortalProcess;
  let browser: Browser;
  let staff: DemoAccount;
  const openContexts: WatchedContext[] = [];

  beforeAll(async () => {
    browser = await launchBrowser();
    portal = await startPortal({ database: 'fresh' });
    staff = portal.demoAccount('staff@demo.mtp.local');
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

  /** The back-office's own first step: email and password, on a server-rendered form. */
  async function submitPassword(page: Page, email: string, password: string): Promise<number | undefined> {
    await page.goto('/admin/login');
    await page.getByLabel('Email').fill(email);
    await page.getByLabel('Password').fill(password);
    const [answer] = await Promise.all([
      page.waitForResponse((response) => new URL(response.url()).pathname === '/admin/login' && response.request().method() === 'POST'),
      page.getByRole('button', { name: 'Continue' }).click(),
    ]);
    return answer.status();
  }

  async function submitCode(page: Page, code: string): Promise<void> {
    await page.getByLabel('Code from your authenticator app, or a recovery code').fill(code);
    await page.getByRole('button', { name: 'Sign in' }).click();
  }

  it('signs the enrolled demo staff account in with a code and lists it among the staff', async () => {
    const { page, problems } = await newVisitor();
    expect(staff.totpSecret).toMatch(/^[A-Z2-7]{32,}$/);

    expect(await submitPassword(page, staff.email, staff.password)).toBe(200);
    await page.getByRole('heading', { name: 'Verification code' }).waitFor();
    expect(await page.getByText(`Signing in as ${staff.email}`).count()).toBe(1);
    await submitCode(page, await freshTotpCode(staff.totpSecret!));
    await page.waitForURL((url) => url.pathname === '/admin');
    await page.goto('/admin/resources/StaffUser');

    const row = page.getByRole('row').filter({ has: page.getByRole('cell', { name: 'staff@demo.mtp.local', exact: true }) });
    await row.waitFor();
    expect(await row.getByRole('cell', { name: 'active', exact: true }).count()).toBe(1);
    expect(problems.filter((problem) => problem.kind === 'uncaught error')).toEqual([]);
  });

  it('keeps a wrong password on the sign-in form with an error, and opens nothing', async () => {
    const { page } = await newVisitor();

    expect(await submitPassword(page, staff.email, `${staff.password}-wrong`)).toBe(401);

    await page.getByRole('alert').filter({ hasText: 'Email or password is incorrect' }).waitFor();
    expect(new URL(page.url()).pathname).toBe('/admin/login');
    expect(await page.getByLabel('Email').inputValue()).toBe(staff.email);
    expect((await page.request.get('/admin/resources/StaffUser', { maxRedirects: 0 })).status()).toBe(302);
  });

  it('refuses a wrong code after the right password, and opens nothing', async () => {
    const { page } = await newVisitor();
    await submitPassword(page, staff.email, staff.password);

    await submitCode(page, wrongTotpCode(staff.totpSecret!));

    await page.getByRole('alert').waitFor();
    expect(await page.getByRole('heading', { name: 'Verification code' }).count()).toBe(1);
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

  // By design the back-office makes no third-party requests, so the Google web font AdminJS's own
  // pages link stays blocked by its Content-Security-Policy. The sign-in pages are the back-office's
  // own and link nothing from elsewhere.
  it('blocks nothing on the sign-in page, and only the Google Fonts stylesheet once in AdminJS', async () => {
    const { page, problems } = await newVisitor();
    await page.goto('/admin/login');
    await page.getByRole('button', { name: 'Continue' }).waitFor();
    // AdminJS loads its bundle after the page: on a machine busy with other tests that took over the
    // default 15 s once, so the wait for the network to settle gets longer.
    await page.waitForLoadState('networkidle', { timeout: NETWORK_IDLE_MS });
    expect(problems.filter((problem) => problem.kind === 'CSP violation')).toEqual([]);

    await page.getByLabel('Email').fill(staff.email);
    await page.getByLabel('Password').fill(staff.password);
    await page.getByRole('button', { name: 'Continue' }).click();
    await submitCode(page, await freshTotpCode(staff.totpSecret!));
    await page.waitForURL((url) => url.pathname === '/admin');
    await page.waitForLoadState('networkidle', { timeout: NETWORK_IDLE_MS });

    const violations = problems.filter((problem) => problem.kind === 'CSP violation');
    expect(violations.length).toBeGreaterThan(0);
    expect(new Set(violations.map((violation) => violation.url))).toEqual(new Set([GOOGLE_FONTS]));
  });

  it('sends no https-only headers from the back-office when served over plain http', async () => {
    const response = await fetch(`${portal.baseUrl}/admin/login`);
    await response.arrayBuffer();

    expect(response.headers.get('strict-transport-security')).toBeNull();
    expect(response.headers.get('content-security-policy')).not.toContain('upgrade-insecure-requests');
  });
});
