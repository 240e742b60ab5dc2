import type { Browser, Locator, Page } from 'playwright-core';
import { launchBrowser, newWatchedContext, type WatchedContext, type WatchedPage } from '../support/browser.js';
import { expectVisible, partnerOrgNames, problemsBeyondSignedOutRefresh, signIn } from '../support/pages.js';
import { startPortal, type PortalProcess } from '../support/portal-process.js';

const PARTNER = 'Northwind IT Services';
const CUSTOMER_ADMIN = 'olivia@demo.mtp.local';

/**
 * A partner's portfolio growing, each person in a browser profile of their own: the customer's own
 * admin reads the OrgIDs of two of her orgs from her console; the partner owner verifies one with the
 * code emailed to her (read in the dev mailbox), and asks for the other, which she approves through
 * the link; then the owner creates a brand-new org.
 */
describe('adding customers to a partner’s portfolio', () => {
  let portal: PortalProcess;
  let browser: Browser;
  const profiles: WatchedContext[] = [];
  let owner: WatchedPage;
  let customer: WatchedPage;
  const orgIds: Record<string, string> = {};

  beforeAll(async () => {
    browser = await launchBrowser();
    portal = await startPortal({ database: 'fresh' });
    owner = await newProfile();
    customer = await newProfile();
  });
  afterAll(async () => {
    for (const profile of profiles) await profile.close();
    await browser?.close();
    await portal?.stop();
  });

  async function newProfile(): Promise<WatchedPage> {
    const profile = await newWatchedContext(browser, portal.baseUrl);
    profiles.push(profile);
    return profile.newPage();
  }

  it('shows the customer’s admin the OrgIDs of her orgs, which no partner manages yet', async () => {
    const page = customer.page;
    await signIn(page, portal.demoAccount(CUSTOMER_ADMIN));
    for (const name of ['Tailspin Travel', 'Woodgrove Bakery']) {
      await page.getByRole('button', { name: 'Switch organization' }).click();
      await page.getByRole('menuitem', { name: new RegExp(name) }).click();
      await expectVisible(page.getByRole('main').getByRole('heading', { level: 1, name }));
      orgIds[name] = (await page.getByTestId('org-id').innerText()).trim();
      expect(orgIds[name]).toMatch(/^[0-9a-f]{24}$/);
    }
    expect(customer.problems).toEqual([]);
  });

  it('verifies Tailspin with the code its admin received, and lists it among the partner’s orgs', async () => {
    const page = owner.page;
    await signIn(page, portal.demoAccount('ana@demo.mtp.local'));
    expect(await partnerOrgNames(page)).not.toContain('Tailspin Travel');

    const dialog = await openAddOrganization(page);
    await dialog.getByLabel('OrgID').fill(orgIds['Tailspin Travel']!);
    await dialog.getByLabel('Email of one of its admins').fill(CUSTOMER_ADMIN);
    await dialog.getByRole('button', { name: 'Send code' }).click();
    await expectVisible(dialog.getByText(`If ${CUSTOMER_ADMIN} is an admin of organization ${orgIds['Tailspin Travel']}, a code has been sent to it.`));

    // The partner admin reads the code in the dev mailbox, as the customer would pass it on.
    const mailbox = await owner.page.context().newPage();
    const code = await codeFromMailbox(mailbox, 'Tailspin Travel');
    await mailbox.close();

    await dialog.getByLabel('Code').fill(code.toLowerCase());
    await dialog.getByRole('button', { name: 'Verify' }).click();
    await expectVisible(page.locator('mat-snack-bar-container').getByText('Tailspin Travel is now managed by your partner'));
    expect(await partnerOrgNames(page)).toContain('Tailspin Travel');
    expect(problemsBeyondSignedOutRefresh(owner.problems)).toEqual([]);
  });

  it('asks to manage Woodgrove, which its admin approves through the emailed link', async () => {
    const page = owner.page;
    const dialog = await openAddOrganization(page);
    await dialog.getByLabel('OrgID').fill(orgIds['Woodgrove Bakery']!);
    await dialog.getByLabel('Email of one of its admins').fill(CUSTOMER_ADMIN);
    await dialog.getByRole('button', { name: 'Send code' }).click();
    await expectVisible(dialog.getByLabel('Code'));
    await dialog.getByRole('button', { name: /later/i }).click();

    const approval = customer.page;
    await openVerificationEmail(approval, 'Woodgrove Bakery');
    await approval.getByRole('listitem').getByRole('link', { name: /\/verify-org\?token=/ }).click();
    await approval.waitForURL((url) => url.pathname === '/verify-org');
    await expectVisible(approval.getByText(PARTNER).first());
    await approval.getByRole('button', { name: 'Approve' }).click();
    await expectVisible(approval.getByRole('status').filter({ hasText: `${PARTNER} now manages Woodgrove Bakery` }));

    await page.reload();
    expect(await partnerOrgNames(page)).toContain('Woodgrove Bakery');
    expect(problemsBeyondSignedOutRefresh(customer.problems)).toEqual([]);
  });

  it('creates a brand-new org with its first admin invited, in the portfolio at once', async () => {
    const page = owner.page;
    const dialog = await openAddOrganization(page);
    await dialog.getByRole('tab', { name: 'New organization' }).click();
    await dialog.getByLabel('Organization name').fill('Lakeview Clinic');
    await dialog.getByLabel('First admin’s email').fill('it@lakeview.example');
    await dialog.getByLabel('User cap (optional)').fill('50');
    await dialog.getByRole('button', { name: 'Create organization' }).click();

    await expectVisible(page.locator('mat-snack-bar-container').getByText('Lakeview Clinic was created, with it@lakeview.example invited as its first admin'));
    expect(await partnerOrgNames(page)).toContain('Lakeview Clinic');
    expect(problemsBeyondSignedOutRefresh(owner.problems)).toEqual([]);
  });
});

async function openAddOrganization(page: Page): Promise<Locator> {
  await page.getByRole('button', { name: 'Add organization' }).click();
  const dialog = page.getByRole('dialog');
  // Material moves the focus into a dialog once it has finished opening: type only after that.
  await page.waitForFunction(() => document.activeElement?.closest('mat-dialog-container') != null);
  return dialog;
}

async function openVerificationEmail(page: Page, orgName: string): Promise<void> {
  await page.goto('/dev/mailbox');
  const email = page.getByRole('link').filter({ hasText: `asks to manage ${orgName}` }).filter({ hasText: `To ${CUSTOMER_ADMIN}` });
  await expectVisible(email.first());
  await email.first().click();
  await expectVisible(page.getByRole('heading', { name: 'Links in this email' }));
}

async function codeFromMailbox(page: Page, orgName: string): Promise<string> {
  await openVerificationEmail(page, orgName);
  const text = await page.locator('pre').innerText();
  const code = /this code: ([0-9A-Z]{4}-[0-9A-Z]{4})/.exec(text)?.[1];
  if (!code) throw new Error(`no code in the email:\n${text}`);
  return code;
}
