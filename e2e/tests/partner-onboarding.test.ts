import type { Browser, Locator, Page } from 'playwright-core';
import { launchBrowser, newWatchedContext, type WatchedContext, type WatchedPage } from '../support/browser.js';
import { expectVisible, partnerOrgNames, problemsBeyondSignedOutRefresh } from '../support/pages.js';
import { startPortal, type DemoAccount, type PortalProcess } from '../support/portal-process.js';
import { freshTotpCode } from '../support/totp.js';

const COMPANY = 'Lakeside Managed IT';
const OWNER = { name: 'Lena Lake', email: 'lena@lakeside.example', password: 'lakeside owner passphrase 1' };
const HELPDESK = { name: 'Hal Desk', email: 'hal@lakeside.example', password: 'lakeside helpdesk passphrase 2' };
/** Customers no partner manages in the demo data: staff attach all three to the new partner. */
const PORTFOLIO = ['Litware Labs', 'Tailspin Travel', 'Woodgrove Bakery'];
const HELPDESK_ORGS = ['Tailspin Travel', 'Woodgrove Bakery'];

/**
 * How a partner comes to exist, each person in a browser profile of their own: the applicant sends
 * the public form; staff approve it in the back-office and attach three customer orgs; the owner
 * accepts the emailed invitation, sets up MFA, and invites a helpdesk admin limited to two of the
 * orgs; that admin accepts in turn and sees only those two.
 */
describe('a partner from its application to its first helpdesk admin', () => {
  let portal: PortalProcess;
  let browser: Browser;
  let staff: DemoAccount;
  const profiles: WatchedContext[] = [];
  let applicant: WatchedPage;
  let backoffice: WatchedPage;

  beforeAll(async () => {
    browser = await launchBrowser();
    portal = await startPortal({ database: 'fresh' });
    staff = portal.demoAccount('staff@demo.mtp.local');
    applicant = await newProfile();
    backoffice = await newProfile();
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

  it('takes an application to become a partner from the public form', async () => {
    const page = applicant.page;
    await page.goto('/apply');
    await expectVisible(page.getByRole('heading', { level: 1, name: 'Become a partner' }));
    await page.getByLabel('Company').fill(COMPANY);
    await page.getByLabel('Your name').fill(OWNER.name);
    await page.getByLabel('Work email').fill(OWNER.email);
    await page.getByLabel('Number of customers (optional)').fill('40');
    await page.getByRole('radio', { name: /managed service provider/ }).check();
    await page.getByLabel('Message (optional)').fill('We look after 40 small businesses around the lake.');
    await page.getByRole('button', { name: 'Send my application' }).click();

    await expectVisible(page.getByRole('status').filter({ hasText: OWNER.email }));
    expect(applicant.problems).toEqual([]);
  });

  it('lets staff approve it in the back-office, and attach three customer orgs to the new partner', async () => {
    const page = backoffice.page;
    await signInToBackoffice(page, staff);
    await page.goto('/admin/resources/PartnerApplication');
    await page.getByRole('row').filter({ hasText: COMPANY }).getByText(COMPANY, { exact: true }).click();
    await page.getByRole('link', { name: 'Approve' }).or(page.getByRole('button', { name: 'Approve' })).click();
    await page.getByRole('button', { name: 'Confirm' }).click();
    await expectVisible(page.getByText(`Partner ${COMPANY} created; ${OWNER.email} was invited as its owner`));

    // Attaching goes through the back-office's own API with the staff session, as its form does.
    const partnerId = await firstRecordId(page, 'Partner', { name: COMPANY });
    for (const name of PORTFOLIO) {
      const orgs = await records(page, 'Organization', { name });
      const attached = await page.request.post('/admin/api/resources/PartnerAssociation/actions/new', {
        multipart: { partnerId, orgPublicId: String(orgs[0]!.params.publicId) },
      });
      expect(attached.ok()).toBe(true);
      expect(((await attached.json()) as { notice?: { type: string } }).notice?.type).toBe('success');
    }
    expect(backoffice.problems.filter((problem) => problem.kind === 'uncaught error')).toEqual([]);
  });

  it('brings the owner in from the emailed invitation, through MFA set-up, to the partner’s three orgs', async () => {
    await acceptInvitationFromMailbox(applicant.page, OWNER, 'owner');
    await expectVisible(applicant.page.getByRole('heading', { level: 1, name: `Welcome, ${OWNER.name}` }));
    expect(await partnerOrgNames(applicant.page)).toEqual(PORTFOLIO);
    expect(problemsBeyondSignedOutRefresh(applicant.problems)).toEqual([]);
  });

  it('lets the owner invite a helpdesk admin limited to two of the orgs', async () => {
    const page = applicant.page;
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Partner admins' }).click();
    await expectVisible(page.getByRole('table', { name: 'Partner admins' }).getByText(OWNER.email));
    await page.getByRole('button', { name: 'Invite admin' }).click();

    const dialog = page.getByRole('dialog');
    await expectFocusSettled(dialog.getByLabel('Email'));
    await dialog.getByLabel('Email').fill(HELPDESK.email);
    await dialog.getByRole('combobox', { name: 'Role' }).click();
    await page.getByRole('option', { name: /Help desk|Helpdesk/ }).click();
    await dialog.getByRole('radio', { name: 'Selected organizations only' }).check();
    for (const name of HELPDESK_ORGS) {
      await dialog.getByRole('combobox', { name: 'Search organizations' }).fill(name.split(' ')[0]!);
      // The list answers the search after a pause in typing: choose only once it shows that answer
      // alone, or the click lands on a list that is being replaced.
      await page.waitForFunction((wanted) => {
        const options = Array.from(document.querySelectorAll('mat-option'));
        return options.length === 1 && (options[0]!.textContent ?? '').includes(wanted);
      }, name);
      await page.getByRole('option', { name: new RegExp(name) }).click();
      await expectVisible(dialog.locator('mat-chip-row').filter({ hasText: name }));
    }
    await dialog.getByRole('button', { name: 'Send invitation' }).click();

    await expectVisible(page.locator('mat-snack-bar-container').getByText(`Invitation sent to ${HELPDESK.email}`));
    const invitation = page.getByRole('table', { name: 'Invitations' }).getByRole('row').filter({ hasText: HELPDESK.email });
    await expectVisible(invitation.getByText('Pending', { exact: true }));
    expect(problemsBeyondSignedOutRefresh(applicant.problems)).toEqual([]);
  });

  it('shows the helpdesk admin, once in, only the two orgs they were given', async () => {
    const helpdesk = await newProfile();
    await acceptInvitationFromMailbox(helpdesk.page, HELPDESK, 'helpdesk');
    await expectVisible(helpdesk.page.getByRole('heading', { level: 1, name: `Welcome, ${HELPDESK.name}` }));
    expect(await partnerOrgNames(helpdesk.page)).toEqual(HELPDESK_ORGS);
    // A helpdesk admin manages no admins: the page is not in their menu.
    expect(await helpdesk.page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Partner admins' }).count()).toBe(0);
    expect(problemsBeyondSignedOutRefresh(helpdesk.problems)).toEqual([]);
  });
});

async function signInToBackoffice(page: Page, staff: DemoAccount): Promise<void> {
  await page.goto('/admin/login');
  await page.getByLabel('Email').fill(staff.email);
  await page.getByLabel('Password').fill(staff.password);
  await page.getByRole('button', { name: 'Continue' }).click();
  await page.getByLabel('Code from your authenticator app, or a recovery code').fill(await freshTotpCode(staff.totpSecret!));
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.waitForURL((url) => url.pathname === '/admin');
}

interface AdminRecord {
  id: string;
  params: Record<string, unknown>;
}

async function records(page: Page, resource: string, filters: Record<string, string>): Promise<AdminRecord[]> {
  const query = new URLSearchParams(Object.entries(filters).map(([key, value]) => [`filters.${key}`, value]));
  const answer = await page.request.get(`/admin/api/resources/${resource}/actions/list?${query}`);
  expect(answer.ok()).toBe(true);
  const found = ((await answer.json()) as { records: AdminRecord[] }).records;
  expect(found.length).toBeGreaterThan(0);
  return found;
}

async function firstRecordId(page: Page, resource: string, filters: Record<string, string>): Promise<string> {
  return (await records(page, resource, filters))[0]!.id;
}

/** Opens the newest invitation to `person` in the dev mailbox, follows its link, and goes through MFA set-up. */
async function acceptInvitationFromMailbox(page: Page, person: { name: string; email: string; password: string }, role: string): Promise<void> {
  await page.goto('/dev/mailbox');
  const email = page.getByRole('link').filter({ hasText: 'Join' }).filter({ hasText: `To ${person.email}` });
  await expectVisible(email.first());
  await email.first().click();
  const link = page.getByRole('listitem').getByRole('link', { name: /\/accept-invitation\?token=/ });
  await expectVisible(link);
  await link.click();

  await page.waitForURL((url) => url.pathname === '/accept-invitation');
  await expectVisible(page.getByText(`invited ${person.email}`));
  expect(await page.locator('.lead').innerText()).toMatch(new RegExp(role, 'i'));
  await page.getByLabel('Your name').fill(person.name);
  await page.getByLabel('Password', { exact: true }).fill(person.password);
  await page.getByLabel('Confirm password').fill(person.password);
  await page.getByRole('button', { name: 'Create account and continue' }).click();

  await page.waitForURL((url) => url.pathname === '/sign-in/set-up-mfa');
  const secret = (await page.getByTestId('totp-secret').innerText()).trim();
  await page.getByLabel('6-digit code').fill(await freshTotpCode(secret));
  await page.getByRole('button', { name: 'Turn on two-step sign-in' }).click();
  await page.getByRole('checkbox', { name: 'I have saved these codes' }).check();
  await page.getByRole('button', { name: 'Continue' }).click();
  await page.waitForURL((url) => url.pathname === '/');
}

/** Material focuses a dialog's first field when it has finished opening: type only after that. */
async function expectFocusSettled(locator: Locator): Promise<void> {
  const handle = await locator.elementHandle();
  await locator.page().waitForFunction((element) => document.activeElement === element, handle);
}
