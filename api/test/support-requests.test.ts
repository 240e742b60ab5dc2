import type TestAgent from 'supertest/lib/agent.js';
import { DataSource } from 'typeorm';
import { StaffRequestsService } from '../src/support/staff-requests.service.js';
import type { Partner } from '../src/partners/partner.entity.js';
import type { PartnerRole } from '../src/partners/partner-roles.js';
import { FakeClock } from './support/fake-clock.js';
import { createAdministrator, type TestAdministrator } from './support/identity-fixtures.js';
import { addUsers } from './support/org-factory.js';
import { createOrg, type TestOrg } from './support/org-fixtures.js';
import { createPartner, createPartnerAdmin } from './support/partner-fixtures.js';
import { signIn } from './support/sign-in.js';
import { signedInStaff } from './support/staff-browser.js';
import { createTestApp, type TestApp } from './support/test-app.js';

const DAY = 86_400_000;
const STAFF_EMAIL = 'desk@platform.example';

interface RequestBody {
  id: string;
  number: number;
  kind: string;
  status: string;
  subject: string;
  details: Record<string, unknown>;
  org: { orgId: string; name: string } | null;
  cancellable: boolean;
  timeline: { kind: string; side: string; actor: string | null; status: string | null; comment: string | null }[];
}

describe('support requests and detachment', () => {
  const clock = new FakeClock();
  let testApp: TestApp;
  let db: DataSource;
  let partner: Partner;
  const admins = {} as Record<PartnerRole, TestAdministrator>;
  const auth = {} as Record<PartnerRole, string>;
  let staff: { browser: TestAgent; id: string; email: string };
  let orgAdmin: TestAdministrator;
  let spareOrgs: TestOrg[];
  let orgCount = 0;

  const http = () => testApp.http;
  const today = () => clock.now().toISOString().slice(0, 10);
  const inDays = (days: number) => new Date(clock.now().getTime() + days * DAY).toISOString().slice(0, 10);
  const bearer = async (administrator: TestAdministrator) => `Bearer ${(await signIn(http(), administrator, clock)).accessToken}`;
  const file = (token: string, body: object) => http().post('/api/v1/partner/requests').set('authorization', token).send(body);
  const staffPost = (path: string, body: object = {}) => staff.browser.post(`/api/v1/staff/requests${path}`).send(body);
  const mailsTo = (recipient: string): Promise<{ template: string; subject: string }[]> =>
    db.query(`SELECT template, subject FROM mail_outbox WHERE recipient = $1 ORDER BY created_at, id`, [recipient]);

  /** A fresh org of the partner, with its own admin and a few users. */
  async function portfolioOrg(): Promise<TestOrg> {
    orgCount += 1;
    const org = await createOrg(testApp.app, `Customer ${orgCount}`, [orgAdmin.id]);
    await addUsers(db, org.id, 3);
    await db.query(`INSERT INTO partner_associations (partner_id, org_id, source, created_by_type) VALUES ($1, $2, 'staff', 'system')`, [partner.id, org.id]);
    return org;
  }

  beforeAll(async () => {
    testApp = await createTestApp({ clock, env: { MAIL_POLL_INTERVAL_MS: '0', STAFF_EMAIL } });
    db = testApp.app.get(DataSource);
    orgAdmin = await createAdministrator(testApp.app, clock);
    partner = await createPartner(testApp.app, { name: 'Northwind MSP' });
    spareOrgs = [await portfolioOrg(), await portfolioOrg()];
    for (const role of ['owner', 'admin', 'manager', 'helpdesk', 'readonly'] as const) {
      admins[role] = await createPartnerAdmin(testApp.app, clock, partner.id, { role });
      auth[role] = await bearer(admins[role]);
    }
    staff = await signedInStaff(testApp.app, clock);
  }, 60_000);

  afterAll(() => testApp?.close());

  describe('filing', () => {
    it('files each kind, with its timeline, and tells staff by email', async () => {
      const before = (await mailsTo(STAFF_EMAIL)).length;
      const training = await file(auth.helpdesk, { kind: 'training', topic: 'Conditional access', preferredDates: [inDays(9), inDays(7), inDays(7)], attendees: 6, notes: 'Remote' }).expect(201);
      expect(training.body).toMatchObject({
        kind: 'training',
        status: 'open',
        subject: 'Training: Conditional access',
        details: { topic: 'Conditional access', preferredDates: [inDays(7), inDays(9)], attendees: 6, notes: 'Remote' },
        org: null,
        createdBy: admins.helpdesk.email,
        cancellable: true,
        timeline: [{ kind: 'filed', side: 'partner', actor: admins.helpdesk.email }],
      });
      const general = await file(auth.readonly, { kind: 'general', subject: 'Invoices', message: 'Where are our invoices?' }).expect(201);
      expect(general.body).toMatchObject({ kind: 'general', subject: 'Invoices', details: { message: 'Where are our invoices?' } });
      const org = await portfolioOrg();
      const detach = await file(auth.admin, { kind: 'detach', orgId: org.publicId.toUpperCase(), reason: 'Contract ended', effectiveDate: today() }).expect(201);
      expect(detach.body).toMatchObject({ kind: 'detach', subject: 'Detach an organization', org: { orgId: org.publicId, name: org.name }, details: { reason: 'Contract ended', effectiveDate: today() } });
      expect(detach.body.number).toBeGreaterThan(general.body.number);

      const staffMail = (await mailsTo(STAFF_EMAIL)).slice(before);
      expect(staffMail.map((mail) => mail.template)).toEqual(['support-request-filed', 'support-request-filed', 'support-request-filed']);
      expect(staffMail[2]!.subject).toBe(`Request ${detach.body.number} from Northwind MSP: Detach an organization`);
    });

    it.each([
      [{ kind: 'general', subject: 'No message' }, 'message'],
      [{ kind: 'general', message: 'No subject' }, 'subject'],
      [{ kind: 'general', subject: 'x', message: 'y', topic: 'stray' }, 'topic'],
      [{ kind: 'training', topic: 'T', attendees: 3 }, 'preferredDates'],
      [{ kind: 'training', topic: 'T', attendees: 3, preferredDates: ['2020-01-01'] }, 'preferredDates'],
      [{ kind: 'training', topic: 'T', attendees: 3, preferredDates: ['2030-02-30'] }, 'preferredDates'],
      [{ kind: 'training', topic: 'T', attendees: 0, preferredDates: ['2030-02-01'] }, 'attendees'],
      [{ kind: 'training', topic: 'T', attendees: 3, preferredDates: Array(6).fill('2030-02-01') }, 'preferredDates'],
      [{ kind: 'detach', reason: 'No org' }, 'orgId'],
      [{ kind: 'detach', orgId: 'aaaaaaaaaaaaaaaaaaaaaaaa' }, 'reason'],
      [{ kind: 'detach', orgId: 'aaaaaaaaaaaaaaaaaaaaaaaa', reason: 'x', effectiveDate: '2020-01-01' }, 'effectiveDate'],
      [{ kind: 'detach', orgId: 'aaaaaaaaaaaaaaaaaaaaaaaa', reason: 'x'.repeat(2001) }, 'reason'],
      [{ kind: 'refund', subject: 'x' }, 'kind'],
    ])('refuses %j with a problem on %s, and files nothing', async (body, field) => {
      const [{ n: before }] = await db.query('SELECT count(*)::int AS n FROM support_requests');
      const refused = await file(auth.owner, body).expect(400);
      expect(refused.body.code).toBe('request.validation_failed');
      expect(refused.body.errors.map((problem: { field: string }) => problem.field)).toContain(field);
      expect(await db.query('SELECT count(*)::int AS n FROM support_requests')).toEqual([{ n: before }]);
    });

    it('lets only owners and admins ask to detach, and only an org in their reach', async () => {
      const org = spareOrgs[0]!;
      for (const role of ['manager', 'helpdesk', 'readonly'] as const) {
        expect((await file(auth[role], { kind: 'detach', orgId: org.publicId, reason: 'x' }).expect(403)).body.code).toBe('partners.forbidden');
      }
      const elsewhere = await createOrg(testApp.app, 'Not Ours', [orgAdmin.id]);
      await file(auth.owner, { kind: 'detach', orgId: elsewhere.publicId, reason: 'x' }).expect(404);
      const limited = await createPartnerAdmin(testApp.app, clock, partner.id, { role: 'admin', orgAccess: 'selected', orgs: [spareOrgs[1]!] });
      const limitedAuth = await bearer(limited);
      expect((await file(limitedAuth, { kind: 'detach', orgId: org.publicId, reason: 'x' }).expect(404)).body.code).toBe('orgs.not_found');
    });

    it('keeps one open detach request per org, also when two admins ask at once', async () => {
      const org = await portfolioOrg();
      const answers = await Promise.all([file(auth.owner, { kind: 'detach', orgId: org.publicId, reason: 'a' }), file(auth.admin, { kind: 'detach', orgId: org.publicId, reason: 'b' })]);
      expect(answers.map((answer) => answer.status).sort()).toEqual([201, 409]);
      expect(answers.find((answer) => answer.status === 409)!.body.code).toBe('support.detach_pending');
      const open = answers.find((answer) => answer.status === 201)!.body as RequestBody;
      await staffPost(`/${open.id}/reject`, { comment: 'Talk to your customer first' }).expect(200);
      await file(auth.owner, { kind: 'detach', orgId: org.publicId, reason: 'again' }).expect(201);
    });
  });

  describe('the partner’s side', () => {
    it('lists the partner’s requests newest first, filtered, paged', async () => {
      const seen: RequestBody[] = [];
      let cursor: string | null = null;
      do {
        const page: { body: { items: RequestBody[]; nextCursor: string | null } } = await http()
          .get('/api/v1/partner/requests')
          .query({ limit: 2, ...(cursor ? { cursor } : {}) })
          .set('authorization', auth.readonly)
          .expect(200);
        seen.push(...page.body.items);
        cursor = page.body.nextCursor;
      } while (cursor);
      const [{ n }] = await db.query('SELECT count(*)::int AS n FROM support_requests WHERE partner_id = $1', [partner.id]);
      expect(seen.length).toBe(n);
      expect(new Set(seen.map((item) => item.id)).size).toBe(n);
      const numbers = seen.map((item) => item.number);
      expect([...numbers].sort((a, b) => b - a)).toEqual(numbers);
      const detaches = (await http().get('/api/v1/partner/requests').query({ kind: 'detach', status: 'open' }).set('authorization', auth.owner).expect(200)).body.items as RequestBody[];
      expect(detaches.length).toBeGreaterThan(0);
      expect(detaches.every((item) => item.kind === 'detach' && item.status === 'open')).toBe(true);
    });

    it('hides another partner’s requests and detach requests about orgs out of an admin’s reach', async () => {
      const other = await createPartner(testApp.app, { name: 'Elsewhere IT' });
      const outsider = await createPartnerAdmin(testApp.app, clock, other.id, { role: 'owner' });
      const outsiderAuth = await bearer(outsider);
      const mine = await file(auth.owner, { kind: 'general', subject: 'Private', message: 'Ours only' }).expect(201);
      await http().get(`/api/v1/partner/requests/${mine.body.id}`).set('authorization', outsiderAuth).expect(404);
      expect((await http().get('/api/v1/partner/requests').set('authorization', outsiderAuth).expect(200)).body.items).toEqual([]);

      const org = await portfolioOrg();
      const detach = await file(auth.owner, { kind: 'detach', orgId: org.publicId, reason: 'Leaving' }).expect(201);
      const limited = await createPartnerAdmin(testApp.app, clock, partner.id, { role: 'manager', orgAccess: 'selected', orgs: [spareOrgs[1]!] });
      const limitedAuth = await bearer(limited);
      await http().get(`/api/v1/partner/requests/${detach.body.id}`).set('authorization', limitedAuth).expect(404);
      const listed = (await http().get('/api/v1/partner/requests').query({ limit: 100 }).set('authorization', limitedAuth).expect(200)).body.items as RequestBody[];
      expect(listed.map((item) => item.id)).toContain(mine.body.id);
      expect(listed.map((item) => item.id)).not.toContain(detach.body.id);
    });

    it('comments from both sides into one timeline, shows staff as platform support, and tells the requester', async () => {
      const filed = await file(auth.manager, { kind: 'general', subject: 'SSO question', message: 'How?' }).expect(201);
      await http().post(`/api/v1/partner/requests/${filed.body.id}/comments`).set('authorization', auth.owner).send({ comment: 'Also for our sub-orgs' }).expect(201);
      await staffPost(`/${filed.body.id}/take`).expect(200);
      await staffPost(`/${filed.body.id}/comments`, { comment: 'Looking into it' }).expect(200);
      const resolved = await staffPost(`/${filed.body.id}/resolve`, { comment: 'See the SSO guide' }).expect(200);
      expect(resolved.body).toMatchObject({ status: 'resolved', assignee: staff.email, partnerName: 'Northwind MSP' });

      const seen = (await http().get(`/api/v1/partner/requests/${filed.body.id}`).set('authorization', auth.readonly).expect(200)).body as RequestBody;
      expect(seen.timeline).toEqual([
        expect.objectContaining({ kind: 'filed', side: 'partner', actor: admins.manager.email }),
        expect.objectContaining({ kind: 'comment', side: 'partner', actor: admins.owner.email, comment: 'Also for our sub-orgs' }),
        expect.objectContaining({ kind: 'status', side: 'staff', actor: 'Platform support', status: 'in_progress' }),
        expect.objectContaining({ kind: 'comment', side: 'staff', actor: 'Platform support', comment: 'Looking into it' }),
        expect.objectContaining({ kind: 'status', side: 'staff', actor: 'Platform support', status: 'resolved', comment: 'See the SSO guide' }),
      ]);
      expect(seen.cancellable).toBe(false);
      expect((await http().post(`/api/v1/partner/requests/${filed.body.id}/comments`).set('authorization', auth.owner).send({ comment: 'Thanks' }).expect(409)).body.code).toBe('support.request_closed');
      expect((await mailsTo(admins.manager.email)).map((mail) => mail.template)).toEqual(['support-request-updated', 'support-request-updated']);
      const staffView = (await staff.browser.get(`/api/v1/staff/requests/${filed.body.id}`).expect(200)).body as RequestBody;
      expect(staffView.timeline[2]).toMatchObject({ side: 'staff', actor: staff.email });
    });

    it('cancels only while open, by whoever filed it or an owner or admin', async () => {
      const filed = await file(auth.helpdesk, { kind: 'general', subject: 'Never mind', message: 'x' }).expect(201);
      expect(filed.body.cancellable).toBe(true);
      expect((await http().get(`/api/v1/partner/requests/${filed.body.id}`).set('authorization', auth.manager).expect(200)).body.cancellable).toBe(false);
      expect((await http().get(`/api/v1/partner/requests/${filed.body.id}`).set('authorization', auth.admin).expect(200)).body.cancellable).toBe(true);
      expect((await http().post(`/api/v1/partner/requests/${filed.body.id}/cancel`).set('authorization', auth.manager).send({}).expect(403)).body.code).toBe('partners.forbidden');
      const cancelled = await http().post(`/api/v1/partner/requests/${filed.body.id}/cancel`).set('authorization', auth.helpdesk).send({ comment: 'Solved it' }).expect(200);
      expect(cancelled.body).toMatchObject({ status: 'cancelled', cancellable: false });
      expect(cancelled.body.closedAt).not.toBeNull();
      await http().post(`/api/v1/partner/requests/${filed.body.id}/cancel`).set('authorization', auth.helpdesk).send({}).expect(409);

      const taken = await file(auth.helpdesk, { kind: 'general', subject: 'Taken', message: 'x' }).expect(201);
      await staffPost(`/${taken.body.id}/take`).expect(200);
      expect((await http().post(`/api/v1/partner/requests/${taken.body.id}/cancel`).set('authorization', auth.owner).send({}).expect(409)).body.code).toBe('support.not_cancellable');
    });
  });

  describe('staff', () => {
    it('refuses the staff API without a back-office sign-in, and a portal token', async () => {
      await http().get('/api/v1/staff/requests').expect(401);
      await http().get('/api/v1/staff/requests').set('authorization', auth.owner).expect(401);
      await http().get('/api/v1/staff/requests').set('cookie', 'mtp_backoffice=s%3Aforged.signature').expect(401);
    });

    it('lists every partner’s requests by kind, status, partner and age', async () => {
      const all = (await staff.browser.get('/api/v1/staff/requests').query({ partnerId: partner.id, limit: 100 }).expect(200)).body.items as (RequestBody & { partnerId: string })[];
      expect(all.length).toBeGreaterThan(3);
      expect(all.every((item) => item.partnerId === partner.id)).toBe(true);
      const training = (await staff.browser.get('/api/v1/staff/requests').query({ kind: 'training' }).expect(200)).body.items as RequestBody[];
      expect(training.every((item) => item.kind === 'training')).toBe(true);
      expect((await staff.browser.get('/api/v1/staff/requests').query({ olderThanDays: 3 }).expect(200)).body.items).toEqual([]);
      clock.advance(4 * DAY);
      try {
        const [{ n }] = await db.query('SELECT count(*)::int AS n FROM support_requests');
        expect((await staff.browser.get('/api/v1/staff/requests').query({ olderThanDays: 3, limit: 100 }).expect(200)).body.items.length).toBe(n);
      } finally {
        clock.advance(-4 * DAY);
      }
      await staff.browser.get('/api/v1/staff/requests').query({ status: 'nonsense' }).expect(400);
    });

    it('keeps the status rules: reject needs a comment, a detach request is approved or rejected, closed stays closed', async () => {
      const general = await file(auth.owner, { kind: 'general', subject: 'Rules', message: 'x' }).expect(201);
      expect((await staffPost(`/${general.body.id}/reject`, {}).expect(400)).body.code).toBe('request.validation_failed');
      // The service holds the rule for every caller, the back-office included, not only the API's DTO.
      const actor = { type: 'staff' as const, id: staff.id, label: staff.email };
      await expect(testApp.app.get(StaffRequestsService).reject(general.body.id, '   ', actor)).rejects.toMatchObject({ code: 'request.validation_failed' });
      await expect(testApp.app.get(StaffRequestsService).comment(general.body.id, 'x'.repeat(5001), actor)).rejects.toMatchObject({ code: 'request.validation_failed' });
      await staffPost(`/${general.body.id}/reject`, { comment: 'Not something we do' }).expect(200);
      expect((await staffPost(`/${general.body.id}/take`).expect(409)).body.code).toBe('support.invalid_transition');
      expect((await staffPost(`/${general.body.id}/approve-detachment`).expect(409)).body.code).toBe('support.not_detach');
      const detach = await file(auth.owner, { kind: 'detach', orgId: (await portfolioOrg()).publicId, reason: 'x' }).expect(201);
      expect((await staffPost(`/${detach.body.id}/resolve`).expect(409)).body.code).toBe('support.detach_needs_decision');
      await staffPost('/not-a-uuid/take').expect(404);
    });
  });

  describe('detachment', () => {
    it('detaches on approval: out of the dashboard and totals, sessions end, the org keeps its data, everyone is told', async () => {
      const org = await portfolioOrg();
      const overviewBefore = (await http().get('/api/v1/partner/overview').set('authorization', auth.owner).expect(200)).body.totals;
      const launched = await http().post(`/api/v1/partner/orgs/${org.publicId}/sessions`).set('authorization', auth.manager).send({}).expect(201);
      await http().get(`/api/v1/orgs/${org.publicId}/users`).set('authorization', `Bearer ${launched.body.token}`).expect(200);
      const filed = await file(auth.admin, { kind: 'detach', orgId: org.publicId, reason: 'They moved to another MSP' }).expect(201);

      const approved = await staffPost(`/${filed.body.id}/approve-detachment`).expect(200);
      expect(approved.body).toMatchObject({ status: 'resolved' });

      const refused = await http().get(`/api/v1/orgs/${org.publicId}/users`).set('authorization', `Bearer ${launched.body.token}`).expect(401);
      expect(refused.body.detail).toMatch(/detached from your partner/);
      await http().get(`/api/v1/partner/orgs/${org.publicId}`).set('authorization', auth.owner).expect(404);
      const overviewAfter = (await http().get('/api/v1/partner/overview').set('authorization', auth.owner).expect(200)).body.totals;
      expect(overviewAfter.orgs).toBe(overviewBefore.orgs - 1);
      expect(overviewAfter.users.total).toBe(overviewBefore.users.total - 3);
      const listed = (await http().get('/api/v1/partner/orgs').query({ limit: 100 }).set('authorization', auth.owner).expect(200)).body.items as { orgId: string }[];
      expect(listed.map((item) => item.orgId)).not.toContain(org.publicId);

      const [association] = await db.query(`SELECT status, detached_by_type, detached_by_label, detached_reason FROM partner_associations WHERE org_id = $1`, [org.id]);
      expect(association).toEqual({ status: 'detached', detached_by_type: 'staff', detached_by_label: staff.email, detached_reason: 'They moved to another MSP' });
      const ownAuth = await bearer(orgAdmin);
      expect((await http().get(`/api/v1/orgs/${org.publicId}/users`).set('authorization', ownAuth).expect(200)).body.total).toBe(3);
      expect((await mailsTo(admins.owner.email)).map((mail) => mail.template)).toContain('org-detached-partner');
      expect((await mailsTo(orgAdmin.email)).filter((mail) => mail.template === 'org-detached-org').length).toBeGreaterThan(0);
      expect(await db.query(`SELECT count(*)::int AS n FROM audit_events WHERE action = 'partners.org.detached' AND org_id = $1`, [org.id])).toEqual([{ n: 1 }]);
    });

    it('detaches once when two staff approve at once', async () => {
      const org = await portfolioOrg();
      const filed = await file(auth.owner, { kind: 'detach', orgId: org.publicId, reason: 'Twice' }).expect(201);
      const second = await signedInStaff(testApp.app, clock);
      const ownersMailBefore = (await mailsTo(admins.owner.email)).length;
      const answers = await Promise.all([staffPost(`/${filed.body.id}/approve-detachment`), second.browser.post(`/api/v1/staff/requests/${filed.body.id}/approve-detachment`).send({})]);
      expect(answers.map((answer) => answer.status)).toEqual([200, 200]);
      expect(await db.query(`SELECT count(*)::int AS n FROM audit_events WHERE action = 'partners.org.detached' AND org_id = $1`, [org.id])).toEqual([{ n: 1 }]);
      expect(await db.query(`SELECT count(*)::int AS n FROM support_request_events WHERE request_id = $1 AND status = 'resolved'`, [filed.body.id])).toEqual([{ n: 1 }]);
      const detachMails = (await mailsTo(admins.owner.email)).slice(ownersMailBefore).filter((mail) => mail.template === 'org-detached-partner');
      expect(detachMails.length).toBe(1);
    });

    it('waits for the effective date the partner asked for', async () => {
      const org = await portfolioOrg();
      const filed = await file(auth.owner, { kind: 'detach', orgId: org.publicId, reason: 'From next week', effectiveDate: inDays(7) }).expect(201);
      expect((await staffPost(`/${filed.body.id}/approve-detachment`).expect(409)).body.code).toBe('support.not_yet_effective');
      expect(await db.query(`SELECT status FROM partner_associations WHERE org_id = $1`, [org.id])).toEqual([{ status: 'active' }]);
      clock.advance(7 * DAY);
      try {
        await staffPost(`/${filed.body.id}/approve-detachment`).expect(200);
      } finally {
        clock.advance(-7 * DAY);
      }
    });

    it('lets staff detach directly with a reason, resolving an open request, and lets another partner take the org on', async () => {
      const org = await portfolioOrg();
      const filed = await file(auth.owner, { kind: 'detach', orgId: org.publicId, reason: 'Please' }).expect(201);
      const service = testApp.app.get(StaffRequestsService);
      const actor = { type: 'staff' as const, id: staff.id, label: staff.email };
      await expect(service.detachDirectly(org.id, '  ', actor)).rejects.toMatchObject({ code: 'support.reason_required' });
      expect(await service.detachDirectly(org.id, 'Customer asked us', actor)).toEqual({ detached: true, partnerId: partner.id });
      expect(await service.detachDirectly(org.id, 'Again', actor)).toEqual({ detached: false, partnerId: null });
      expect((await http().get(`/api/v1/partner/requests/${filed.body.id}`).set('authorization', auth.owner).expect(200)).body.status).toBe('resolved');

      const next = await createPartner(testApp.app, { name: 'Next MSP', orgs: [org] });
      const nextOwner = await createPartnerAdmin(testApp.app, clock, next.id, { role: 'owner' });
      const nextView = await http().get(`/api/v1/partner/orgs/${org.publicId}`).set('authorization', await bearer(nextOwner)).expect(200);
      expect(nextView.body.org.name).toBe(org.name);
      expect(nextView.body.org.usersTotal).toBe(3);
    });
  });
});
