import { randomBytes } from 'node:crypto';
import { DataSource } from 'typeorm';
import { AuditEvent } from '../src/audit/audit-event.entity.js';
import { hashToken } from '../src/identity/crypto/opaque-tokens.js';
import type { Partner } from '../src/partners/partner.entity.js';
import type { PartnerRole } from '../src/partners/partner-roles.js';
import { FakeClock } from './support/fake-clock.js';
import { createAdministrator, type TestAdministrator } from './support/identity-fixtures.js';
import { createOrg, type TestOrg } from './support/org-fixtures.js';
import { createPartner, createPartnerAdmin, outboxTo, type OrgLike } from './support/partner-fixtures.js';
import { createTestApp, type TestApp } from './support/test-app.js';
import { activeAssociations, bearerFor, latestVerificationMail, verificationMailsTo, verificationRow, type VerificationMail } from './support/verification-fixtures.js';

const PUBLIC_URL = 'https://portal.example.com';
const MINUTE = 60_000;

interface Verification {
  id: string;
  status: string;
  orgName: string | null;
  completedAt: string | null;
}

interface PartnerOrg {
  orgId: string;
  name: string;
}

/** A code of the right form that is not this one (the same symbols shifted by one place in the alphabet). */
function wrongCodeFor(code: string): string {
  const alphabet = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
  return code.replace(/[0-9A-Z]/g, (symbol) => alphabet[(alphabet.indexOf(symbol) + 1) % 32]!);
}

describe('completing a verification', () => {
  const clock = new FakeClock();
  let testApp: TestApp;
  let db: DataSource;
  let people = 0;

  const account = () => createAdministrator(testApp.app, clock, { email: `org.admin${(people += 1)}@customer.example`, enrolled: false });
  /** A free org (no partner) with this many admins of its own. */
  async function orgWithAdmins(name: string, count = 1): Promise<{ org: TestOrg; admins: TestAdministrator[] }> {
    const admins: TestAdministrator[] = [];
    for (let index = 0; index < count; index += 1) admins.push(await account());
    return { org: await createOrg(testApp.app, name, admins.map((admin) => admin.id)), admins };
  }
  /** A partner of its own with a signed-in admin: each test has fresh rate-limit counters. */
  async function partnerWithAdmin(
    name: string,
    access: { role?: PartnerRole; orgAccess?: 'all' | 'selected'; orgs?: OrgLike[] } = {},
    portfolio: OrgLike[] = [],
  ): Promise<{ partner: Partner; admin: TestAdministrator; auth: string }> {
    const partner = await createPartner(testApp.app, { name, orgs: portfolio });
    const admin = await createPartnerAdmin(testApp.app, clock, partner.id, { role: access.role ?? 'owner', orgAccess: access.orgAccess, orgs: access.orgs });
    return { partner, admin, auth: await bearerFor(testApp.http, admin, clock) };
  }
  /** A real request (202), and the email its recipient got. */
  async function requestReal(auth: string, org: TestOrg, email: string): Promise<{ id: string; mail: VerificationMail }> {
    const answer = await testApp.http.post('/api/v1/partner/verifications').set('authorization', auth).send({ orgId: org.publicId, email }).expect(202);
    return { id: answer.body.id, mail: await latestVerificationMail(testApp.app, email) };
  }
  const submit = (auth: string, id: string, code: string) => testApp.http.post(`/api/v1/partner/verifications/${id}/code`).set('authorization', auth).send({ code });
  const link = (step: 'lookup' | 'approve' | 'decline', token: string) => testApp.http.post(`/api/v1/public/verifications/${step}`).send({ token });
  const partnerOrgs = async (auth: string): Promise<PartnerOrg[]> => (await testApp.http.get('/api/v1/partner/orgs').query({ limit: 100 }).set('authorization', auth).expect(200)).body.items;
  /** How the org came to the partner, as its details panel tells. */
  const associationOf = async (auth: string, orgId: string): Promise<{ since: string; source: string }> =>
    (await testApp.http.get(`/api/v1/partner/orgs/${orgId}`).set('authorization', auth).expect(200)).body.association;
  const listed = async (auth: string, id: string): Promise<Verification | undefined> =>
    ((await testApp.http.get('/api/v1/partner/verifications').query({ status: 'all', limit: 100 }).set('authorization', auth).expect(200)).body.items as Verification[]).find(
      (item) => item.id === id,
    );
  const noticesTo = async (email: string) => (await outboxTo(testApp.app, email)).filter((mail) => mail.template === 'org-partner-notice');

  beforeAll(async () => {
    testApp = await createTestApp({ clock, env: { MAIL_POLL_INTERVAL_MS: '0', PUBLIC_URL } });
    db = testApp.app.get(DataSource);
  });
  afterAll(() => testApp.close());

  describe('with the code', () => {
    it('verifies the org with the emailed code: it joins the portfolio, its admins are told, and it is audited', async () => {
      const { org, admins } = await orgWithAdmins('Acme Dental', 2);
      const { partner, admin, auth } = await partnerWithAdmin('Verifying Partner');
      const { id, mail } = await requestReal(auth, org, admins[0]!.email);
      expect(mail.code).toMatch(/^[0-9A-Z]{4}-[0-9A-Z]{4}$/);
      expect(await partnerOrgs(auth)).toEqual([]);

      const verified = await submit(auth, id, mail.code).expect(200);
      expect(verified.body).toEqual({ orgId: org.publicId, name: 'Acme Dental', associatedSince: expect.any(String) });

      expect(await partnerOrgs(auth)).toEqual([expect.objectContaining({ orgId: org.publicId, name: 'Acme Dental' })]);
      expect(await associationOf(auth, org.publicId)).toMatchObject({ source: 'verified', since: verified.body.associatedSince });
      expect(await listed(auth, id)).toMatchObject({ status: 'verified', orgName: 'Acme Dental', completedAt: expect.any(String) });
      expect(await activeAssociations(testApp.app, org.id)).toEqual([{ partner_id: partner.id, source: 'verified' }]);

      // Both of the org's own admins learn who manages it now, and how it was confirmed.
      for (const orgAdmin of admins) {
        const notices = await noticesTo(orgAdmin.email);
        expect(notices.map((notice) => notice.subject)).toEqual(['Verifying Partner now manages Acme Dental']);
        expect(notices[0]!.textBody).toContain(`confirmed with the code sent to ${admins[0]!.email}`);
      }

      const events = await db.getRepository(AuditEvent).find({ where: { partnerId: partner.id }, order: { id: 'ASC' } });
      expect(events.map((event) => [event.action, event.actorId, event.outcome])).toEqual([
        ['partners.created', null, 'success'],
        ['verification.requested', admin.id, 'success'],
        ['partners.org.attached', admin.id, 'success'],
        ['verification.verified', admin.id, 'success'],
      ]);
      expect(events[3]).toMatchObject({ orgId: org.id, targetId: id, details: { via: 'code' } });
      expect((await verificationRow(testApp.app, id)).completed_via).toBe('code');
    });

    it('reads the code as typed: lower case, with spaces, without the dash', async () => {
      const { org, admins } = await orgWithAdmins('Typed Org');
      const { auth } = await partnerWithAdmin('Typing Partner');
      const { id, mail } = await requestReal(auth, org, admins[0]!.email);
      const typed = ` ${mail.code.toLowerCase().replace('-', ' ').split('').join(' ')} `;
      expect((await submit(auth, id, typed).expect(200)).body.orgId).toBe(org.publicId);
    });

    it('lets a code work once when it is sent 5 times at the same moment: one 200, one association, one notice', async () => {
      const { partner, auth } = await partnerWithAdmin('Racing Partner');
      for (let round = 0; round < 3; round += 1) {
        const { org, admins } = await orgWithAdmins(`Race Org ${round}`);
        const { id, mail } = await requestReal(auth, org, admins[0]!.email);
        const answers = await Promise.all(Array.from({ length: 5 }, () => submit(auth, id, mail.code)));
        const statuses = answers.map((answer) => answer.status);
        expect(statuses.filter((status) => status === 200)).toHaveLength(1);
        // The others were refused as used (410) or, at worst, as already associated (409): never a second success.
        for (const answer of answers.filter((each) => each.status !== 200)) {
          expect([answer.status, answer.body.code]).toEqual(answer.status === 410 ? [410, 'verification.void'] : [409, 'partners.org_already_yours']);
        }
        expect(await activeAssociations(testApp.app, org.id)).toEqual([{ partner_id: partner.id, source: 'verified' }]);
        expect(await noticesTo(admins[0]!.email)).toHaveLength(1);
        expect((await submit(auth, id, mail.code).expect(410)).body.code).toBe('verification.void');
      }
    });

    it('refuses the code after 30 minutes with 410 verification.expired; a resend starts 30 new minutes', async () => {
      const { org, admins } = await orgWithAdmins('Slow Org', 2);
      const { auth } = await partnerWithAdmin('Patient Partner');
      const early = await requestReal(auth, org, admins[0]!.email);
      const late = await requestReal(auth, org, admins[1]!.email);

      clock.advance(29 * MINUTE);
      // Still in time at 29 minutes (looking does not use the link up)...
      expect((await link('lookup', early.mail.token).expect(200)).body.orgId).toBe(org.publicId);
      // ...and past its time at 31.
      clock.advance(2 * MINUTE);
      expect((await link('lookup', early.mail.token).expect(410)).body.code).toBe('verification.expired');
      const expired = await submit(auth, late.id, late.mail.code).expect(410);
      expect(expired.body.code).toBe('verification.expired');
      expect((await listed(auth, late.id))?.status).toBe('expired');
      for (const step of ['lookup', 'approve', 'decline'] as const) expect([step, (await link(step, late.mail.token).expect(410)).body.code]).toEqual([step, 'verification.expired']);
      expect(await activeAssociations(testApp.app, org.id)).toEqual([]);

      await testApp.http.post(`/api/v1/partner/verifications/${late.id}/resend`).set('authorization', auth).expect(200);
      expect((await listed(auth, late.id))?.status).toBe('pending');
      const fresh = await latestVerificationMail(testApp.app, admins[1]!.email);
      await submit(auth, late.id, fresh.code).expect(200);
    });

    it('takes 4 wrong codes with the attempts left, voids the request at the 5th, and then refuses even the right code', async () => {
      const { org, admins } = await orgWithAdmins('Guarded Org');
      const { auth } = await partnerWithAdmin('Guessing Partner');
      const { id, mail } = await requestReal(auth, org, admins[0]!.email);
      const wrong = wrongCodeFor(mail.code);
      for (let attempt = 1; attempt <= 4; attempt += 1) {
        const refused = await submit(auth, id, wrong).expect(400);
        expect(refused.body.code).toBe('verification.code_invalid');
        expect(refused.body.detail).toContain(`${5 - attempt} attempt(s) left`);
      }
      const voided = await submit(auth, id, wrong).expect(410);
      expect(voided.body.code).toBe('verification.void');
      expect((await submit(auth, id, mail.code).expect(410)).body.code).toBe('verification.void');
      expect((await link('approve', mail.token).expect(410)).body.code).toBe('verification.void');

      expect((await listed(auth, id))?.status).toBe('void');
      expect(await verificationRow(testApp.app, id)).toMatchObject({ status: 'void', failed_attempts: 5 });
      expect(await activeAssociations(testApp.app, org.id)).toEqual([]);
      const rejected = await db.getRepository(AuditEvent).findBy({ targetId: id, action: 'verification.code_rejected' });
      expect(rejected.map((event) => event.outcome)).toEqual(Array(5).fill('failure'));
    });

    it('counts wrong codes sent at the same moment one by one: 8 at once give 4 × 400 and 4 × 410, and the request is void', async () => {
      const { org, admins } = await orgWithAdmins('Hammered Org');
      const { auth } = await partnerWithAdmin('Hammering Partner');
      const { id, mail } = await requestReal(auth, org, admins[0]!.email);
      const answers = await Promise.all(Array.from({ length: 8 }, () => submit(auth, id, wrongCodeFor(mail.code))));
      expect(answers.map((answer) => `${answer.status} ${answer.body.code}`).sort()).toEqual([
        ...Array(4).fill('400 verification.code_invalid'),
        ...Array(4).fill('410 verification.void'),
      ]);
      expect(await verificationRow(testApp.app, id)).toMatchObject({ status: 'void', failed_attempts: 5 });
      expect((await submit(auth, id, mail.code).expect(410)).body.code).toBe('verification.void');
    });
  });

  describe('bound to its partner and its org', () => {
    it('does not let another partner use a verification id, even with the right code (404), and leaves it usable', async () => {
      const { org, admins } = await orgWithAdmins('Bound Org');
      const owner = await partnerWithAdmin('Owner Partner');
      const intruder = await partnerWithAdmin('Intruding Partner');
      const { id, mail } = await requestReal(owner.auth, org, admins[0]!.email);

      expect((await submit(intruder.auth, id, mail.code).expect(404)).body.code).toBe('verification.not_found');
      expect((await testApp.http.post(`/api/v1/partner/verifications/${id}/resend`).set('authorization', intruder.auth).expect(404)).body.code).toBe('verification.not_found');
      expect((await testApp.http.delete(`/api/v1/partner/verifications/${id}`).set('authorization', intruder.auth).expect(404)).body.code).toBe('verification.not_found');
      expect(await listed(intruder.auth, id)).toBeUndefined();

      expect(await verificationRow(testApp.app, id)).toMatchObject({ status: 'pending', failed_attempts: 0, sent_count: 1 });
      await submit(owner.auth, id, mail.code).expect(200);
      expect(await partnerOrgs(intruder.auth)).toEqual([]);
    });

    it('does not take the code sent for org X on the verification of org Y', async () => {
      const x = await orgWithAdmins('Org X');
      const y = await orgWithAdmins('Org Y');
      const { auth } = await partnerWithAdmin('Two Orgs Partner');
      const forX = await requestReal(auth, x.org, x.admins[0]!.email);
      const forY = await requestReal(auth, y.org, y.admins[0]!.email);

      const crossed = await submit(auth, forY.id, forX.mail.code).expect(400);
      expect(crossed.body.code).toBe('verification.code_invalid');
      expect(await activeAssociations(testApp.app, x.org.id)).toEqual([]);
      expect(await activeAssociations(testApp.app, y.org.id)).toEqual([]);

      expect((await submit(auth, forX.id, forX.mail.code).expect(200)).body.orgId).toBe(x.org.publicId);
      expect((await submit(auth, forY.id, forY.mail.code).expect(200)).body.orgId).toBe(y.org.publicId);
    });

    it('never verifies a request that went nowhere, even with the code drawn for it or a real one’s', async () => {
      const { org, admins } = await orgWithAdmins('Unreachable Org');
      const { auth } = await partnerWithAdmin('Hopeful Partner');
      const real = await requestReal(auth, org, admins[0]!.email);
      const stranger = await account();
      const nowhere = (await testApp.http.post('/api/v1/partner/verifications').set('authorization', auth).send({ orgId: org.publicId, email: stranger.email }).expect(202)).body;
      expect(await verificationRow(testApp.app, nowhere.id)).toMatchObject({ deliverable: false, undeliverable_reason: 'not_an_admin' });

      // The code of a real request, in the same pattern, is just a wrong code here.
      expect((await submit(auth, nowhere.id, real.mail.code).expect(400)).body.code).toBe('verification.code_invalid');
      // Even had someone learnt the code and link drawn for it, neither works: nothing was sent, nothing can complete.
      await db.query('UPDATE verification_requests SET code_hash = $2, link_token_hash = $3 WHERE id = $1', [nowhere.id, hashToken('7K2M9QX4'), hashToken('known-link-token')]);
      const drawn = await submit(auth, nowhere.id, '7K2M-9QX4').expect(400);
      expect(drawn.body).toMatchObject({ code: 'verification.code_invalid', detail: expect.stringContaining('3 attempt(s) left') });
      expect((await link('lookup', 'known-link-token').expect(404)).body.code).toBe('verification.not_found');
      expect((await link('approve', 'known-link-token').expect(404)).body.code).toBe('verification.not_found');
      expect(await activeAssociations(testApp.app, org.id)).toEqual([]);
      expect(await outboxTo(testApp.app, stranger.email)).toEqual([]);
    });
  });

  describe('one partner per org', () => {
    it('gives the org to the partner that completes first; the other gets 409 partners.org_associated and nothing changes', async () => {
      const { org, admins } = await orgWithAdmins('Contested Org', 2);
      const first = await partnerWithAdmin('First Partner');
      const second = await partnerWithAdmin('Second Partner');
      // Both asked while the org was free, each through one of its two admins: both codes are real.
      const won = await requestReal(first.auth, org, admins[0]!.email);
      const lost = await requestReal(second.auth, org, admins[1]!.email);

      await submit(first.auth, won.id, won.mail.code).expect(200);
      const refused = await submit(second.auth, lost.id, lost.mail.code).expect(409);
      expect(refused.body.code).toBe('partners.org_associated');
      expect((await link('approve', lost.mail.token).expect(409)).body.code).toBe('partners.org_associated');

      expect(await activeAssociations(testApp.app, org.id)).toEqual([{ partner_id: first.partner.id, source: 'verified' }]);
      expect(await partnerOrgs(second.auth)).toEqual([]);
      expect(await verificationRow(testApp.app, lost.id)).toMatchObject({ status: 'pending', failed_attempts: 0 });
      // The org's admins were told once, about the first partner only.
      for (const orgAdmin of admins) expect((await noticesTo(orgAdmin.email)).map((notice) => notice.subject)).toEqual(['First Partner now manages Contested Org']);
    });

    it('gives the org to exactly one of two partners completing at the same moment', async () => {
      for (let round = 0; round < 3; round += 1) {
        const { org, admins } = await orgWithAdmins(`Raced Org ${round}`, 2);
        const one = await partnerWithAdmin(`Racer A${round}`);
        const other = await partnerWithAdmin(`Racer B${round}`);
        const a = await requestReal(one.auth, org, admins[0]!.email);
        const b = await requestReal(other.auth, org, admins[1]!.email);
        const answers = await Promise.all([submit(one.auth, a.id, a.mail.code), submit(other.auth, b.id, b.mail.code)]);
        expect(answers.map((answer) => answer.status).sort()).toEqual([200, 409]);
        expect(answers.find((answer) => answer.status === 409)!.body.code).toBe('partners.org_associated');
        expect(await activeAssociations(testApp.app, org.id)).toHaveLength(1);
      }
    });
  });

  describe('when things change after the request', () => {
    it('refuses the link of someone who is no longer an admin of the org, and leaves the org free', async () => {
      const { org, admins } = await orgWithAdmins('Changed Org', 2);
      const { auth } = await partnerWithAdmin('Late Partner');
      const { mail } = await requestReal(auth, org, admins[0]!.email);
      await db.query('DELETE FROM org_admins WHERE org_id = $1 AND administrator_id = $2', [org.id, admins[0]!.id]);

      expect((await link('approve', mail.token).expect(410)).body.code).toBe('verification.void');
      expect(await activeAssociations(testApp.app, org.id)).toEqual([]);
    });

    it('sends no new code on resend once the recipient is no longer an admin; the old code no longer works either', async () => {
      const { org, admins } = await orgWithAdmins('Resent Org', 2);
      const { auth } = await partnerWithAdmin('Resending Partner');
      const { id, mail } = await requestReal(auth, org, admins[0]!.email);
      await db.query('DELETE FROM org_admins WHERE org_id = $1 AND administrator_id = $2', [org.id, admins[0]!.id]);

      const resent = await testApp.http.post(`/api/v1/partner/verifications/${id}/resend`).set('authorization', auth).expect(200);
      expect(resent.body).toMatchObject({ id, status: 'pending', sentCount: 2 });
      expect(await verificationMailsTo(testApp.app, admins[0]!.email)).toHaveLength(1);
      expect((await submit(auth, id, mail.code).expect(400)).body.code).toBe('verification.code_invalid');
      expect(await verificationRow(testApp.app, id)).toMatchObject({ deliverable: false, undeliverable_reason: 'not_an_admin' });
    });
  });

  describe('through the link', () => {
    it('shows the org admin who asks, and approving verifies and associates the org, once', async () => {
      const { org, admins } = await orgWithAdmins('Linked Org');
      const { partner, admin, auth } = await partnerWithAdmin('Linking Partner');
      const { id, mail } = await requestReal(auth, org, admins[0]!.email);
      expect(mail.link).toBe(`${PUBLIC_URL}/verify-org?token=${encodeURIComponent(mail.token)}`);

      const preview = await link('lookup', mail.token).expect(200);
      expect(preview.body).toEqual({
        partnerName: 'Linking Partner',
        partnerKind: 'msp',
        orgName: 'Linked Org',
        orgId: org.publicId,
        email: admins[0]!.email,
        requestedBy: admin.email,
        expiresAt: expect.any(String),
      });

      const approved = await link('approve', mail.token).expect(200);
      expect(approved.body).toEqual({ status: 'verified', partnerName: 'Linking Partner', orgName: 'Linked Org' });
      expect(await activeAssociations(testApp.app, org.id)).toEqual([{ partner_id: partner.id, source: 'verified' }]);
      expect(await partnerOrgs(auth)).toEqual([expect.objectContaining({ orgId: org.publicId })]);
      expect(await associationOf(auth, org.publicId)).toMatchObject({ source: 'verified' });
      expect(await listed(auth, id)).toMatchObject({ status: 'verified', orgName: 'Linked Org' });
      expect((await verificationRow(testApp.app, id)).completed_via).toBe('link');
      expect((await noticesTo(admins[0]!.email))[0]!.textBody).toContain(`approved by ${admins[0]!.email}`);

      expect((await link('approve', mail.token).expect(410)).body.code).toBe('verification.void');
      expect((await submit(auth, id, mail.code).expect(410)).body.code).toBe('verification.void');
      const [approval] = await db.getRepository(AuditEvent).findBy({ targetId: id, action: 'verification.verified' });
      expect(approval).toMatchObject({ actorId: admins[0]!.id, actorLabel: admins[0]!.email, details: { via: 'link' } });
    });

    it('declines: the request is declined, nothing is associated, and its code then fails with 410', async () => {
      const { org, admins } = await orgWithAdmins('Declining Org');
      const { auth } = await partnerWithAdmin('Declined Partner');
      const { id, mail } = await requestReal(auth, org, admins[0]!.email);

      const declined = await link('decline', mail.token).expect(200);
      expect(declined.body).toEqual({ status: 'declined', partnerName: 'Declined Partner', orgName: 'Declining Org' });
      expect(await listed(auth, id)).toMatchObject({ status: 'declined', orgName: null, completedAt: expect.any(String) });
      expect(await activeAssociations(testApp.app, org.id)).toEqual([]);
      expect((await submit(auth, id, mail.code).expect(410)).body.code).toBe('verification.void');
      expect((await link('lookup', mail.token).expect(410)).body.code).toBe('verification.void');
      expect((await link('approve', mail.token).expect(410)).body.code).toBe('verification.void');
      expect(await noticesTo(admins[0]!.email)).toEqual([]);
    });

    it('answers 404 verification.not_found for a token that was never sent', async () => {
      const token = randomBytes(32).toString('base64url');
      for (const step of ['lookup', 'approve', 'decline'] as const) {
        const answer = await link(step, token).expect(404);
        expect([step, answer.body.code]).toEqual([step, 'verification.not_found']);
      }
      expect((await link('lookup', '').expect(400)).body.code).toBe('request.validation_failed');
    });
  });

  describe('an admin limited to selected orgs', () => {
    it('sees the org they verified with the code in their list at once', async () => {
      const known = await orgWithAdmins('Known Org');
      const { org, admins } = await orgWithAdmins('Newly Verified Org');
      const { auth } = await partnerWithAdmin('Scoped Partner', { role: 'admin', orgAccess: 'selected', orgs: [known.org] }, [known.org]);
      expect((await partnerOrgs(auth)).map((each) => each.name)).toEqual(['Known Org']);

      const { id, mail } = await requestReal(auth, org, admins[0]!.email);
      await submit(auth, id, mail.code).expect(200);
      expect((await partnerOrgs(auth)).map((each) => each.name)).toEqual(['Known Org', 'Newly Verified Org']);
    });

    it('sees the org their request verified when its admin approved through the link', async () => {
      const known = await orgWithAdmins('Known Org 2');
      const { org, admins } = await orgWithAdmins('Approved For Scoped');
      const scoped = await partnerWithAdmin('Scoped Partner 2', { role: 'admin', orgAccess: 'selected', orgs: [known.org] }, [known.org]);
      const { mail } = await requestReal(scoped.auth, org, admins[0]!.email);
      await link('approve', mail.token).expect(200);
      expect((await partnerOrgs(scoped.auth)).map((each) => each.name)).toEqual(['Approved For Scoped', 'Known Org 2']);
    });
  });

  it('sends one verification email per real request, with the partner, org, asker, code and link', async () => {
    const { org, admins } = await orgWithAdmins('Mail Org');
    const { admin, auth } = await partnerWithAdmin('Mailing Partner');
    await requestReal(auth, org, admins[0]!.email);
    const [mail] = await verificationMailsTo(testApp.app, admins[0]!.email);
    expect(mail!.subject).toBe('Mailing Partner asks to manage Mail Org');
    expect(mail!.textBody).toContain(`${admin.email} of Mailing Partner asked to manage your organization Mail Org (OrgID ${org.publicId})`);
    expect(mail!.textBody).toContain('expire in 30 minutes');
  });
});
