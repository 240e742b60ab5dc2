import type { Locator, Page } from 'playwright-core';
import type { PageProblem } from './browser.js';
import type { DemoAccount } from './portal-process.js';
import { freshTotpCode } from './totp.js';

/** Waits for the locator to show; on a timeout, says what the page showed instead (a bare timeout says nothing of why). */
export async function expectVisible(locator: Locator): Promise<void> {
  try {
    await locator.waitFor({ state: 'visible' });
  } catch (error) {
    const shown = await locator.page().locator('body').innerText().catch(() => '(the page is gone)');
    throw new Error(`${(error as Error).message}\n--- the page showed:\n${shown.slice(0, 3000)}`);
  }
}

/** The names in the partner home page's organizations table, once it has loaded. */
export async function partnerOrgNames(page: Page): Promise<string[]> {
  const table = page.getByRole('table', { name: 'Organizations' });
  await expectVisible(table.locator('tr[data-org-id]').first());
  await page.getByLabel('Loading organizations').waitFor({ state: 'detached' });
  return (await table.locator('tr[data-org-id] td:first-child').allInnerTexts()).map((name) => name.trim());
}

/** What went wrong on a page, apart from the session refresh the portal tries before anyone has signed in. */
export function problemsBeyondSignedOutRefresh(problems: PageProblem[]): PageProblem[] {
  return problems.filter((problem) => !(problem.kind === 'console error' && problem.text.includes('401')));
}

/** Reads `read` until it equals `wanted` or 10 s pass, and answers the last reading. */
export async function eventually<T>(read: () => Promise<T>, wanted: T): Promise<T> {
  const deadline = Date.now() + 10_000;
  let value = await read();
  while (JSON.stringify(value) !== JSON.stringify(wanted) && Date.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, 200));
    value = await read();
  }
  return value;
}

/** Signs a demo account in through the portal's own pages: password, then a fresh TOTP code. */
export async function signIn(page: Page, account: DemoAccount): Promise<void> {
  await page.goto('/sign-in');
  await page.getByLabel('Email').fill(account.email);
  await page.getByLabel('Password').fill(account.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.waitForURL((url) => url.pathname === '/sign-in/verify');
  await page.getByLabel('6-digit code').fill(await freshTotpCode(account.totpSecret!));
  await page.getByRole('button', { name: 'Verify' }).click();
  await page.waitForURL((url) => !url.pathname.startsWith('/sign-in'));
}
