import { DataSource } from 'typeorm';
import { AuditEvent } from '../src/audit/audit-event.entity.js';
import type { Partner } from '../src/partners/partner.entity.js';
import type { PartnerRole } from '../src/partners/partner-roles.js';
import { FakeClock } from './support/fake-clock.js';
import { createAdministrator, type TestAdministrator } from './support/identity-fixtures.js';
import { createOrg, type TestOrg } from './support/org-factory.js';
import { completeEnrollment, createPartner, createPartnerAdmin, outboxTo } from './support/partner-fixtures.js';
import { createTestApp, type TestApp } from './support/test-app.js';
import { activeAssociations, bearerFor } from './support/verification-fixtures.js';

const PUBLIC_URL = 'https://portal.example.com';

interface PartnerOrg {
  orgId: string;
  name: string;
}

describe('a partner creating a new customer org', () => {
  const clock = new FakeClock();
  let testApp: TestApp;
  let db: DataSource;
  let partner: Partner;
  /** In the partner's portfolio, with settings to copy. */
  let template: TestOrg;
  let plain: TestOrg;
  let othersOrg: TestOrg;
  let freeOrg: TestOrg;
  let owner: TestAdministrator;
  let ownerAuth: string;
  let emails = 0;

  const nextEmail = () => `first.admin${(emails += 1)}@new-customer.example`;
  const create = (auth: string, body: object) => testApp.http.post('/api/v1/partner/orgs').set('authorization', auth).send(body);
  const partnerOrgs = async (auth: string): Promise<PartnerOrg[]> => (await testApp.http.get('/api/v1/partner/orgs').query({ limit: 100 }).set('authorization', auth).expect(200)).body.items;
  const orgCount = async (): Promise<number> => (await db.query('SELECT count(*)::int AS count FROM organizations'))[0].count;
  const settingsOf = async (publicId: string): Promise<{ user_cap: number | null; password_expiry_days: number | null }> =>
    (await db.query('SELECT user_cap, password_expiry_days FROM organizations WHERE public_id = $1', [publicId]))[0];
  const accountsWith = async (email: string): Promise<{ id: string; status: string }[]> => db.query('SELECT id, status FROM administrators WHERE email = $1', [email]);
  async function memberAuth(role: PartnerRole, access: { orgAccess?: 'all' | 'selected'; orgs?: TestOrg[] } = {}): Promise<string> {
    return bearerFor(testApp.http, await createPartnerAdmin(testApp.app, clock, partner.id, { role, ...access }), clock);
  }

  beforeAll(async () => {
    testApp = await createTestApp({ clock, env: { MAIL_POLL_INTERVAL_MS: '0', PUBLIC_URL } });
    db = testApp.app.get(DataSource);
    template = await createOrg(db, { name: 'Template Clinic' });
    plain = await createOrg(db, { name: 'Plain Office' });
    othersOrg = await createOrg(db, { name: 'Someone Else’s Org' });
    freeOrg = await createOrg(db, { name: 'Free Org' });
    await db.query('UPDATE organizations SET user_cap = 50, password_expiry_days = 90 WHERE id = $1', [template.id]);
    await db.query('UPDATE organizations SET user_cap = 5, password_expiry_days = 30 WHERE id = $1', [othersOrg.id]);
    partner = await createPartner(testApp.app, { name: 'Creating Partner', orgs: [template, plain] });
    await createPartner(testApp.app, { name: 'Other Partner', orgs: [othersOrg] });
    owner = await createPartnerAdmin(testApp.app, clock, partner.id, { role: 'owner' });
    ownerAuth = await bearerFor(testApp.http, owner, clock);
  });
  afterAll(() => testApp.close());

  it('creates the org with zero figures and one admin, in the portfolio at once as `created`', async () => {
    const created = await create(ownerAuth, { name: '  Contoso Dental  ', adminEmail: nextEmail() }).expect(201);
    expect(created.body).toEqual({
      orgId: expect.stringMatching(/^[0-9a-f]{24}$/),
      name: 'Contoso Dental',
      status: 'active',
      usersTotal: 0,
      usersActive: 0,
      usersSuspended: 0,
      usersStaged: 0,
      usersLockedOut: 0,
      systemsTotal: 0,
      systemsActive: 0,
      admins: 1,
      mfaCoveragePercent: null,
      lastActivityAt: null,
    });
    // Listed like any other org of the partner, with the same figures.
    expect((await partnerOrgs(ownerAuth)).find((org) => org.orgId === created.body.orgId)).toEqual(created.body);
    const [org] = await db.query('SELECT id FROM organizations WHERE public_id = $1', [created.body.orgId]);
    expect(await activeAssociations(testApp.app, org.id)).toEqual([{ partner_id: partner.id, source: 'created' }]);
    // No settings asked for, none copied: no cap, no expiry.
    expect(await settingsOf(created.body.orgId)).toEqual({ user_cap: null, password_expiry_days: null });

    const actions = (await db.getRepository(AuditEvent).find({ where: { orgId: org.id }, order: { id: 'ASC' } })).map((event) => [event.action, event.actorId]);
    expect(actions).toEqual(
      expect.arrayContaining([
        ['orgs.created', owner.id],
        ['orgs.admin.added', owner.id],
        ['partners.org.attached', owner.id],
      ]),
    );
  });

  it('invites a new address as the first admin: the email’s set-password link leads to an account that sees the org', async () => {
    const email = nextEmail();
    const created = await create(ownerAuth, { name: 'Fabrikam Law', adminEmail: ` ${email.toUpperCase()} ` }).expect(201);
    const mails = await outboxTo(testApp.app, email);
    expect(mails.map((mail) => [mail.template, mail.subject])).toEqual([['org-admin-invitation', 'You are now an administrator of Fabrikam Law']]);
    const token = /\/reset-password\?token=([A-Za-z0-9_%-]+)/.exec(mails[0]!.textBody)?.[1];
    expect(mails[0]!.textBody).toContain(`${PUBLIC_URL}/reset-password?token=`);
    expect(await accountsWith(email)).toHaveLength(1);

    // The invited admin chooses a password, sets up MFA, and finds the org among their memberships.
    await testApp.http.post('/api/v1/auth/password-reset').send({ token: decodeURIComponent(token!), newPassword: 'a long enough passphrase' }).expect(204);
    const login = await testApp.http.post('/api/v1/auth/login').send({ email, password: 'a long enough passphrase' }).expect(200);
    expect(login.body.status).toBe('mfa_enrollment_required');
    const accessToken = await completeEnrollment(testApp.http, login.body.enrollmentToken, clock);
    const me = await testApp.http.get('/api/v1/me').set('authorization', `Bearer ${accessToken}`).expect(200);
    expect(me.body.orgMemberships).toEqual([{ orgId: created.body.orgId, orgName: 'Fabrikam Law' }]);
  });

  it('maps an existing administrator as the first admin, who then sees the org in GET /me', async () => {
    const existing = await createAdministrator(testApp.app, clock, { email: nextEmail() });
    const created = await create(ownerAuth, { name: 'Northwind Traders', adminEmail: existing.email }).expect(201);

    // No second account; the email says to sign in as usual, with no set-password link.
    expect(await accountsWith(existing.email)).toEqual([{ id: existing.id, status: 'active' }]);
    const [mail] = await outboxTo(testApp.app, existing.email);
    expect(mail).toMatchObject({ template: 'org-admin-invitation', subject: 'You are now an administrator of Northwind Traders' });
    expect(mail!.textBody).toContain(`${PUBLIC_URL}/sign-in`);
    expect(mail!.textBody).not.toContain('reset-password');

    const auth = await bearerFor(testApp.http, existing, clock);
    const me = await testApp.http.get('/api/v1/me').set('authorization', auth).expect(200);
    expect(me.body.orgMemberships).toEqual([{ orgId: created.body.orgId, orgName: 'Northwind Traders' }]);
    const overview = await testApp.http.get(`/api/v1/orgs/${created.body.orgId}`).set('authorization', auth).expect(200);
    expect(overview.body).toMatchObject({ name: 'Northwind Traders', settings: { userCap: null, passwordExpiryDays: null }, stats: { admins: 1, usersTotal: 0 } });
  });

  it('copies the user cap and password expiry of a portfolio org; explicit values win', async () => {
    const firstAdmin = await createAdministrator(testApp.app, clock, { email: nextEmail() });
    const cloned = await create(ownerAuth, { name: 'Cloned Clinic', adminEmail: firstAdmin.email, cloneSettingsFrom: template.publicId }).expect(201);
    // What the new org's own admin sees in its console.
    const overview = await testApp.http.get(`/api/v1/orgs/${cloned.body.orgId}`).set('authorization', await bearerFor(testApp.http, firstAdmin, clock)).expect(200);
    expect(overview.body.settings).toEqual({ userCap: 50, passwordExpiryDays: 90 });

    const capped = await create(ownerAuth, { name: 'Capped Clinic', adminEmail: nextEmail(), cloneSettingsFrom: template.publicId, userCap: 10 }).expect(201);
    expect(await settingsOf(capped.body.orgId)).toEqual({ user_cap: 10, password_expiry_days: 90 });
    // An explicit null (no expiry) wins over the copied 90 days too.
    const noExpiry = await create(ownerAuth, { name: 'No Expiry Clinic', adminEmail: nextEmail(), cloneSettingsFrom: template.publicId, passwordExpiryDays: null }).expect(201);
    expect(await settingsOf(noExpiry.body.orgId)).toEqual({ user_cap: 50, password_expiry_days: null });
    const explicit = await create(ownerAuth, { name: 'Explicit Clinic', adminEmail: nextEmail(), userCap: 7, passwordExpiryDays: 45 }).expect(201);
    expect(await settingsOf(explicit.body.orgId)).toEqual({ user_cap: 7, password_expiry_days: 45 });
    // The template itself is untouched.
    expect(await settingsOf(template.publicId)).toEqual({ user_cap: 50, password_expiry_days: 90 });
  });

  it('refuses to copy from an org outside the portfolio (another partner’s, a free one, or none) with 404, creating nothing', async () => {
    const before = await orgCount();
    for (const source of [othersOrg.publicId, freeOrg.publicId, 'ffffffffffffffffffffffff']) {
      const email = nextEmail();
      const refused = await create(ownerAuth, { name: 'Should Not Exist', adminEmail: email, cloneSettingsFrom: source }).expect(404);
      expect([source, refused.body.code]).toEqual([source, 'partners.org_not_found']);
      expect(refused.body.detail).toContain(source);
      // Neither an invitation nor an account for the would-be admin.
      expect(await outboxTo(testApp.app, email)).toEqual([]);
      expect(await accountsWith(email)).toEqual([]);
    }
    expect(await orgCount()).toBe(before);
    expect(await db.query(`SELECT id FROM organizations WHERE name = 'Should Not Exist'`)).toEqual([]);
  });

  it('lets an admin limited to selected orgs copy only from those, and shows them the org they created', async () => {
    const limited = await memberAuth('admin', { orgAccess: 'selected', orgs: [plain] });
    const outOfReach = await create(limited, { name: 'Out Of Reach', adminEmail: nextEmail(), cloneSettingsFrom: template.publicId }).expect(404);
    expect(outOfReach.body.code).toBe('partners.org_not_found');

    const created = await create(limited, { name: 'Limited Creation', adminEmail: nextEmail(), cloneSettingsFrom: plain.publicId }).expect(201);
    expect(created.body).toMatchObject({ name: 'Limited Creation', usersTotal: 0 });
    expect((await partnerOrgs(limited)).map((org) => org.name)).toEqual(['Limited Creation', 'Plain Office']);
  });

  it('refuses bad input with 400 naming the field, and creates nothing', async () => {
    const before = await orgCount();
    const cases: [object, string][] = [
      [{ name: '', adminEmail: nextEmail() }, 'name'],
      [{ name: '   ', adminEmail: nextEmail() }, 'name'],
      [{ name: 'x'.repeat(201), adminEmail: nextEmail() }, 'name'],
      [{ adminEmail: nextEmail() }, 'name'],
      [{ name: 'Bad Email Org', adminEmail: 'not-an-email' }, 'adminEmail'],
      [{ name: 'No Email Org' }, 'adminEmail'],
      [{ name: 'Zero Cap Org', adminEmail: nextEmail(), userCap: 0 }, 'userCap'],
      [{ name: 'Half Cap Org', adminEmail: nextEmail(), userCap: 1.5 }, 'userCap'],
      [{ name: 'Long Expiry Org', adminEmail: nextEmail(), passwordExpiryDays: 3651 }, 'passwordExpiryDays'],
      [{ name: 'Bad Clone Org', adminEmail: nextEmail(), cloneSettingsFrom: 'not-an-org-id' }, 'cloneSettingsFrom'],
      [{ name: 'Partner Id Org', adminEmail: nextEmail(), partnerId: partner.id }, 'partnerId'],
    ];
    for (const [body, field] of cases) {
      const refused = await create(ownerAuth, body).expect(400);
      expect([field, refused.body.code, refused.body.errors.map((error: { field: string }) => error.field)]).toEqual([field, 'request.validation_failed', [field]]);
    }
    expect(await orgCount()).toBe(before);
  });

  it('lets only owners and admins create: managers, helpdesk and read-only admins get 403 and nothing is created', async () => {
    const before = await orgCount();
    for (const role of ['manager', 'helpdesk', 'readonly'] as const) {
      const email = nextEmail();
      const refused = await create(await memberAuth(role), { name: `By ${role}`, adminEmail: email }).expect(403);
      expect([role, refused.body.code]).toEqual([role, 'partners.forbidden']);
      expect(await outboxTo(testApp.app, email)).toEqual([]);
    }
    expect(await orgCount()).toBe(before);
    await create(await memberAuth('admin'), { name: 'By admin', adminEmail: nextEmail() }).expect(201);
    expect(await orgCount()).toBe(before + 1);
  });
});
