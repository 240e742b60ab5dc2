import { readFile } from 'node:fs/promises';
import type { Browser, Locator } from 'playwright-core';
import { launchBrowser, newWatchedContext, type PageProblem, type WatchedContext, type WatchedPage } from '../support/browser.js';
import { startPortal, type DemoAccount, type PortalProcess } from '../support/portal-process.js';
import { freshTotpCode, wrongTotpCode } from '../support/totp.js';

const NEWCOMER_EMAIL = 'new.admin@demo.mtp.local';
const NEWCOMER_NAME = 'Noah Newcomer';
const RECOVERY_CODE = /^[A-Z0-9]{5}-[A-Z0-9]{5}$/;

/**
 * A new portal admin's first days, in one browser profile: first sign-in with the authenticator
 * set-up, a reload, sign-out, a second sign-in (a wrong code first), then a forgotten password
 * reset through the email the dev mailbox shows. The tests follow that story, in order.
 */
describe('signing in to the portal, from the first time to a forgotten password', () => {
  let portal: PortalProcess;
  let browser: Browser;
  let profile: WatchedContext;
  let tab: WatchedPage;
  let newcomer: DemoAccount;
  let totpSecret: string;
  let password: string;

  beforeAll(async () => {
    browser = await launchBrowser();
    portal = await startPortal({ database: 'fresh' });
    newcomer = portal.demoAccount(NEWCOMER_EMAIL);
    password = newcomer.password;
    profile = await newWatchedContext(browser, portal.baseUrl);
    tab = await profile.newPage();
  });
  afterAll(async () => {
    await profile?.close();
    await browser?.close();
    await portal?.stop();
  });

  const page = () => tab.page;
  const userMenu = () => page().getByTestId('user-menu');

  async function signInWithPassword(email: string, secret: string): Promise<void> {
    await page().getByLabel('Email').fill(email);
    await page().getByLabel('Password').fill(secret);
    await page().getByRole('button', { name: 'Sign in' }).click();
  }

  async function verify(code: string): Promise<void> {
    await page().getByLabel('6-digit code').fill(code);
    await page().getByRole('button', { name: 'Verify' }).click();
  }

  async function expectSignedInAs(name: string): Promise<void> {
    await expectVisible(userMenu().getByText(name));
  }

  async function signOut(): Promise<void> {
    await userMenu().click();
    await page().getByRole('menuitem', { name: 'Sign out' }).click();
    await page().waitForURL((url) => url.pathname === '/sign-in');
    await expectVisible(page().getByRole('status').filter({ hasText: 'You have signed out.' }));
  }

  it('sets up two-step sign-in at the first sign-in, saves the recovery codes and lands signed in', async () => {
    expect(newcomer.totpSecret).toBeUndefined();
    await page().goto('/sign-in');
    await signInWithPassword(NEWCOMER_EMAIL, password);

    await page().waitForURL((url) => url.pathname === '/sign-in/set-up-mfa');
    const qr = page().getByRole('img', { name: 'QR code that adds MTP to your authenticator app' });
    await expectVisible(qr);
    expect(await qr.evaluate((image: HTMLImageElement) => image.naturalWidth)).toBeGreaterThan(0);
    totpSecret = (await page().getByTestId('totp-secret').innerText()).trim();
    expect(totpSecret).toMatch(/^[A-Z2-7]{32,}$/);
    await page().getByLabel('6-digit code').fill(await freshTotpCode(totpSecret));
    await page().getByRole('button', { name: 'Turn on two-step sign-in' }).click();

    const codes = page().getByTestId('recovery-codes').getByRole('listitem');
    await expectVisible(codes.first());
    expect(await codes.count()).toBe(10);
    const [download] = await Promise.all([page().waitForEvent('download'), page().getByRole('button', { name: 'Download' }).click()]);
    expect(download.suggestedFilename()).toBe('mtp-recovery-codes.txt');
    const file = await readFile(await download.path(), 'utf8');
    const saved = file.split('\n').filter((line) => RECOVERY_CODE.test(line));
    expect(saved).toHaveLength(10);
    expect(saved).toEqual(await codes.allInnerTexts());
    expect(file).toContain(`Account: ${NEWCOMER_EMAIL}`);

    const next = page().getByRole('button', { name: 'Continue' });
    expect(await next.isDisabled()).toBe(true);
    await page().getByRole('checkbox', { name: 'I have saved these codes' }).check();
    await next.click();

    // The demo admins are members of no partner or organization yet.
    await page().waitForURL((url) => url.pathname === '/no-access');
    await expectVisible(page().getByRole('heading', { level: 1, name: 'No portal access yet' }));
    await expectSignedInAs(NEWCOMER_NAME);
    expect(tab.problems).toEqual([]);
  });

  it('stays signed in across a reload, and the home page greets them with no organizations yet', async () => {
    await page().reload();

    await expectSignedInAs(NEWCOMER_NAME);
    expect(new URL(page().url()).pathname).toBe('/no-access');
    await page().getByRole('link', { name: 'Home' }).click();
    await expectVisible(page().getByRole('heading', { level: 1, name: `Welcome, ${NEWCOMER_NAME}` }));
    await expectVisible(page().getByText('No organizations are connected yet.'));
    expect(tab.problems).toEqual([]);
  });

  it('signs out, refuses a wrong code in words, and signs in again with the next code', async () => {
    await signOut();
    await page().reload();
    await expectVisible(page().getByRole('heading', { level: 1, name: 'Sign in' }));
    expect(await userMenu().count()).toBe(0);

    await signInWithPassword(NEWCOMER_EMAIL, password);
    await page().waitForURL((url) => url.pathname === '/sign-in/verify');
    await verify(wrongTotpCode(totpSecret));
    await expectVisible(page().getByRole('alert').filter({ hasText: 'That code is not right. Enter the code your authenticator app shows now.' }));
    expect(new URL(page().url()).pathname).toBe('/sign-in/verify');

    await verify(await freshTotpCode(totpSecret));
    await page().waitForURL((url) => url.pathname === '/no-access');
    await expectSignedInAs(NEWCOMER_NAME);
    expect(unexpected(tab.problems, ['/api/v1/auth/mfa'])).toEqual([]);
  });

  it('resets a forgotten password with the link from the dev mailbox, and signs in with the new one', async () => {
    await signOut();
    await page().getByRole('link', { name: 'Forgot password?' }).click();
    await page().getByLabel('Email').fill(NEWCOMER_EMAIL);
    await page().getByRole('button', { name: 'Email me a link' }).click();
    await expectVisible(page().getByRole('status').filter({ hasText: `If an account uses ${NEWCOMER_EMAIL}` }));

    await page().getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Dev mailbox' }).click();
    const email = page().getByRole('link').filter({ hasText: 'Reset your MTP password' }).filter({ hasText: `To ${NEWCOMER_EMAIL}` });
    await expectVisible(email);
    await email.click();
    await expectVisible(page().getByRole('heading', { name: 'Links in this email' }));
    const resetLink = page().getByRole('listitem').getByRole('link', { name: /\/reset-password\?token=/ });
    expect(await page().locator('pre').innerText()).toContain(await resetLink.innerText());
    await resetLink.click();

    await page().waitForURL((url) => url.pathname === '/reset-password');
    const newPassword = `${password}-renewed`;
    await page().getByLabel('New password', { exact: true }).fill(newPassword);
    await page().getByLabel('Confirm new password').fill(newPassword);
    await page().getByRole('button', { name: 'Save the new password' }).click();
    await expectVisible(page().getByText('Your password was changed'));
    await page().getByRole('main').getByRole('link', { name: 'Sign in' }).click();

    await signInWithPassword(NEWCOMER_EMAIL, password);
    await expectVisible(page().getByRole('alert').filter({ hasText: 'Email or password is incorrect.' }));
    await page().getByLabel('Password').fill(newPassword);
    await page().getByRole('button', { name: 'Sign in' }).click();
    await page().waitForURL((url) => url.pathname === '/sign-in/verify');
    await verify(await freshTotpCode(totpSecret));
    await expectSignedInAs(NEWCOMER_NAME);
    password = newPassword;
    expect(unexpected(tab.problems, ['/api/v1/auth/mfa', '/api/v1/auth/login'])).toEqual([]);
  });
});

async function expectVisible(locator: Locator): Promise<void> {
  await locator.waitFor({ state: 'visible' });
}

/** What went wrong on the page apart from the refusals the test caused on purpose (the browser logs each 401). */
function unexpected(problems: PageProblem[], refusedPaths: string[]): PageProblem[] {
  return problems.filter(
    (problem) =>
      !(problem.kind === 'console error' && problem.text.includes('401') && refusedPaths.some((path) => (problem.url ?? '').endsWith(path))),
  );
}

