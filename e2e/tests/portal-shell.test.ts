import type { Browser, Locator, Page } from 'playwright-core';
import { launchBrowser, newWatchedContext, type PageProblem, type WatchedContext } from '../support/browser.js';
import { startPortal, type PortalProcess } from '../support/portal-process.js';

/** The portal's sign-in form posts the password step here. */
const SIGN_IN_ENDPOINT = '/api/v1/auth/login';

describe('the portal in a browser, on a fresh database', () => {
  let portal: PortalProcess;
  let browser: Browser;
  let tabs: WatchedContext;

  beforeAll(async () => {
    browser = await launchBrowser();
    portal = await startPortal({ database: 'fresh' });
    tabs = await newWatchedContext(browser, portal.baseUrl);
  });
  afterAll(async () => {
    await tabs?.close();
    await browser?.close();
    await portal?.stop();
  });

  const topBar = (page: Page) => page.locator('mat-toolbar');
  const mainNavigation = (page: Page) => page.getByRole('navigation', { name: 'Main' });

  it('opens on the home page with the product name and the API online', async () => {
    const { page, problems } = await tabs.newPage();
    await page.goto('/');

    await expectVisible(topBar(page).getByRole('link', { name: /^MTP/ }));
    await expectVisible(topBar(page).getByText('API online'));
    await expectVisible(page.getByRole('heading', { level: 1, name: 'MTP · Multi-Tenant Portal' }));
    expect(await page.title()).toBe('MTP — Multi-Tenant Portal');
    expect(problems).toEqual([]);
  });

  it('loads under its strict Content-Security-Policy with its stylesheet applied and no console errors', async () => {
    const { page, problems } = await tabs.newPage();
    const response = await page.goto('/');
    await expectVisible(topBar(page).getByText('API online'));

    const policy = response!.headers()['content-security-policy'] ?? '';
    expect(policy).toContain("script-src 'self'");
    expect(policy).toContain("default-src 'self'");
    const toolbarBackground = await topBar(page).evaluate((bar) => getComputedStyle(bar).backgroundColor);
    expect(toolbarBackground).not.toBe('rgba(0, 0, 0, 0)');
    const bodyFont = await page.evaluate(() => getComputedStyle(document.body).fontFamily);
    expect(bodyFont).toMatch(/^system-ui\b/);
    expect(problems).toEqual([]);
  });

  it('leads from the navigation to the sign-in page', async () => {
    const { page, problems } = await tabs.newPage();
    await page.goto('/');

    await mainNavigation(page).getByRole('link', { name: 'Sign in' }).click();

    await page.waitForURL('**/sign-in');
    await expectVisible(page.getByRole('heading', { level: 1, name: 'Sign in' }));
    expect(await page.title()).toBe('Sign in · MTP');
    expect(await mainNavigation(page).getByRole('link', { name: 'Sign in' }).getAttribute('aria-current')).toBe('page');
    expect(problems).toEqual([]);
  });

  it('shows the sign-in form with an email field, a password field and a submit button', async () => {
    const { page, problems } = await tabs.newPage();
    await page.goto('/sign-in');

    const email = page.getByLabel('Email');
    const password = page.getByLabel('Password');
    await expectVisible(email);
    expect(await email.getAttribute('type')).toBe('email');
    expect(await password.getAttribute('type')).toBe('password');
    expect(await email.inputValue()).toBe('');
    expect(await page.getByRole('button', { name: 'Sign in' }).isEnabled()).toBe(true);
    expect(problems).toEqual([]);
  });

  it('says in words that the email or password is wrong, and keeps both typed', async () => {
    const { page, problems } = await tabs.newPage();
    await page.goto('/sign-in');
    await page.getByLabel('Email').fill('ada@partner.example');
    await page.getByLabel('Password').fill('correct horse');

    const [answer] = await Promise.all([
      page.waitForResponse((response) => response.url().endsWith(SIGN_IN_ENDPOINT)),
      page.getByRole('button', { name: 'Sign in' }).click(),
    ]);

    const banner = page.getByRole('alert');
    await expectVisible(banner);
    expect(answer.status()).toBe(401);
    expect(answer.headers()['content-type']).toContain('application/problem+json');
    expect(await banner.innerText()).toContain('Email or password is incorrect.');
    expect(await banner.innerText()).toMatch(/Reference: \S+/);
    expect(await page.getByLabel('Email').inputValue()).toBe('ada@partner.example');
    expect(await page.getByLabel('Password').inputValue()).toBe('correct horse');
    expect(new URL(page.url()).pathname).toBe('/sign-in');
    expect(await page.getByRole('button', { name: 'Sign in' }).isEnabled()).toBe(true);
    // The browser logs the 401 itself; nothing else may go wrong.
    expect(problems.filter((problem) => !isTheRefusedSignIn(problem))).toEqual([]);
  });

  it('answers a deep link to an unknown page with the portal and its not-found page', async () => {
    const { page, problems } = await tabs.newPage();
    const response = await page.goto('/some/deep/route');

    expect(response!.status()).toBe(200);
    await expectVisible(page.getByRole('heading', { level: 1, name: 'Page not found' }));
    await expectVisible(topBar(page).getByText('API online'));
    expect(await page.title()).toBe('Page not found · MTP');

    await page.getByRole('link', { name: 'Go to the home page' }).click();
    await expectVisible(page.getByRole('heading', { level: 1, name: 'MTP · Multi-Tenant Portal' }));
    expect(new URL(page.url()).pathname).toBe('/');
    expect(problems).toEqual([]);
  });

  it('reports itself ready, with the database up', async () => {
    const { page } = await tabs.newPage();
    const response = await page.request.get('/api/health/ready');

    expect(response.status()).toBe(200);
    expect(await response.json()).toMatchObject({ status: 'ok', checks: { database: { status: 'up' } } });
  });
});

async function expectVisible(locator: Locator): Promise<void> {
  await locator.waitFor({ state: 'visible' });
}

function isTheRefusedSignIn(problem: PageProblem): boolean {
  return problem.kind === 'console error' && (problem.url ?? '').endsWith(SIGN_IN_ENDPOINT) && problem.text.includes('401');
}
