import { decode } from 'jsonwebtoken';
import { DataSource } from 'typeorm';
import { ORG_CONSOLE_TOKEN_GRACE_SECONDS } from '../src/identity/auth/token.service.js';
import { PartnersService } from '../src/partners/partners.service.js';
import { SYSTEM_ACTOR } from '../src/partners/partner-actor.js';
import type { Partner } from '../src/partners/partner.entity.js';
import type { PartnerRole } from '../src/partners/partner-roles.js';
import { FakeClock } from './support/fake-clock.js';
import { createAdministrator, type TestAdministrator } from './support/identity-fixtures.js';
import { addUsers } from './support/org-factory.js';
import { createOrg, type TestOrg } from './support/org-fixtures.js';
import { createPartner, createPartnerAdmin } from './support/partner-fixtures.js';
import { signIn, type SignedInSession } from './support/sign-in.js';
import { createTestApp, type TestApp } from './support/test-app.js';

const MINUTE = 60_000;

interface Launched {
  token: string;
  sessionId: string;
  auth: string;
}

describe('launch sessions', () => {
  const clock = new FakeClock();
  let testApp: TestApp;
  let db: DataSource;
  let partner: Partner;
  let otherPartner: Partner;
  let orgA: TestOrg;
  let orgB: TestOrg;
  let othersOrg: TestOrg;
  let orgAdminA: TestAdministrator;
  const admins = {} as Record<PartnerRole, TestAdministrator>;
  const auth = {} as Record<PartnerRole, string>;
  let orgAdminAuth: string;

  const http = () => testApp.http;
  const bearer = async (administrator: TestAdministrator) => `Bearer ${(await signIn(http(), administrator, clock)).accessToken}`;
  const launch = (token: string, org: TestOrg, body: object = {}) => http().post(`/api/v1/partner/orgs/${org.publicId}/sessions`).set('authorization', token).send(body);
  const inOrg = (token: string, org: TestOrg, path = '') => http().get(`/api/v1/orgs/${org.publicId}${path}`).set('authorization', `Bearer ${token}`);

  /** A new partner admin with its own sign-in, launched into `org`. */
  async function launchAs(role: PartnerRole, org: TestOrg, options: { orgs?: TestOrg[]; body?: object } = {}): Promise<Launched & { admin: TestAdministrator; session: SignedInSession }> {
    const admin = await createPartnerAdmin(testApp.app, clock, partner.id, { role, ...(options.orgs ? { orgAccess: 'selected', orgs: options.orgs } : {}) });
    const session = await signIn(http(), admin, clock);
    // Each launch a second after the last, so that "newest first" has an order to check.
    clock.advance(1000);
    const answer = await launch(`Bearer ${session.accessToken}`, org, options.body).expect(201);
    return { admin, session, auth: `Bearer ${session.accessToken}`, token: answer.body.token, sessionId: answer.body.session.id };
  }

  async function expectEnded(token: string, org: TestOrg, why: RegExp): Promise<void> {
    const refused = await inOrg(token, org, '/users').expect(401);
    expect(refused.body.code).toBe('sessions.ended');
    expect(refused.body.detail).toMatch(why);
  }

  beforeAll(async () => {
    testApp = await createTestApp({ clock, env: { MAIL_POLL_INTERVAL_MS: '0' } });
    db = testApp.app.get(DataSource);
    orgAdminA = await createAdministrator(testApp.app, clock);
    const otherOrgAdmin = await createAdministrator(testApp.app, clock);
    orgA = await createOrg(testApp.app, 'Alpha Dental', [orgAdminA.id]);
    orgB = await createOrg(testApp.app, 'Bravo Freight', [otherOrgAdmin.id]);
    othersOrg = await createOrg(testApp.app, 'Someone Else Ltd', [otherOrgAdmin.id]);
    await addUsers(db, orgA.id, [{ username: 'locked.one', locked: true }, { username: 'plain.two' }]);
    partner = await createPartner(testApp.app, { name: 'Northwind MSP', orgs: [orgA, orgB] });
    otherPartner = await createPartner(testApp.app, { name: 'Elsewhere IT', orgs: [othersOrg] });
    for (const role of ['owner', 'admin', 'manager', 'helpdesk', 'readonly'] as const) {
      admins[role] = await createPartnerAdmin(testApp.app, clock, partner.id, { role });
      auth[role] = await bearer(admins[role]);
    }
    orgAdminAuth = await bearer(orgAdminA);
  }, 60_000);

  afterAll(() => testApp?.close());

  describe('launching', () => {
    it.each(['owner', 'admin', 'manager', 'helpdesk'] as const)('lets a %s launch into an org of the partner', async (role) => {
      const answer = await launch(auth[role], orgA, { reason: 'Password help', ticket: 'PSA-1' }).expect(201);
      const session = answer.body.session;
      expect(session).toMatchObject({
        org: { orgId: orgA.publicId, name: 'Alpha Dental' },
        admin: { id: admins[role].id, email: admins[role].email },
        partner: { id: partner.id, name: 'Northwind MSP' },
        role,
        reason: 'Password help',
        ticket: 'PSA-1',
        state: 'active',
        endedAt: null,
      });
      expect(new Date(session.expiresAt).getTime() - new Date(session.startedAt).getTime()).toBe(60 * MINUTE);
      expect(session.permissions).toEqual(role === 'helpdesk' ? ['org.view', 'users.support'] : ['org.view', 'users.support', 'org.manage']);
      expect(answer.body.expiresAt).toBe(session.expiresAt);
    });

    it('refuses a read-only admin', async () => {
      const refused = await launch(auth.readonly, orgA).expect(403);
      expect(refused.body.code).toBe('partners.forbidden');
    });

    it('answers 404 alike for an org of another partner, an unknown OrgID and a malformed one, and records nothing', async () => {
      const before = await db.query('SELECT count(*)::int AS n FROM launch_sessions');
      for (const orgId of [othersOrg.publicId, 'aaaaaaaaaaaaaaaaaaaaaaaa', 'not-an-org']) {
        const refused = await http().post(`/api/v1/partner/orgs/${orgId}/sessions`).set('authorization', auth.owner).send({}).expect(404);
        expect(refused.body.code).toBe('orgs.not_found');
      }
      expect(await db.query('SELECT count(*)::int AS n FROM launch_sessions')).toEqual(before);
    });

    it('keeps an admin with selected access to their orgs', async () => {
      const limited = await createPartnerAdmin(testApp.app, clock, partner.id, { role: 'manager', orgAccess: 'selected', orgs: [orgB] });
      const limitedAuth = await bearer(limited);
      await launch(limitedAuth, orgB).expect(201);
      expect((await launch(limitedAuth, orgA).expect(404)).body.code).toBe('orgs.not_found');
    });

    it('refuses an org the partner no longer manages', async () => {
      const leaving = await createOrg(testApp.app, 'Leaving Co', [orgAdminA.id]);
      const ownPartner = await createPartner(testApp.app, { name: 'Leaver MSP', orgs: [leaving] });
      const owner = await createPartnerAdmin(testApp.app, clock, ownPartner.id, { role: 'owner' });
      const ownerAuth = await bearer(owner);
      await launch(ownerAuth, leaving).expect(201);
      await db.query(`UPDATE partner_associations SET status = 'detached', detached_at = now() WHERE org_id = $1`, [leaving.id]);
      await launch(ownerAuth, leaving).expect(404);
    });

    it('refuses every admin of a suspended partner', async () => {
      const org = await createOrg(testApp.app, 'Suspended Partner Org', [orgAdminA.id]);
      const suspended = await createPartner(testApp.app, { name: 'Paused MSP', orgs: [org] });
      const owner = await createPartnerAdmin(testApp.app, clock, suspended.id, { role: 'owner' });
      const ownerAuth = await bearer(owner);
      await testApp.app.get(PartnersService).setStatus(suspended.id, 'suspended', 'unpaid', SYSTEM_ACTOR);
      expect((await launch(ownerAuth, org).expect(403)).body.code).toBe('partners.suspended');
    });

    it('asks for a reason when the partner’s policy says so, and validates reason and ticket', async () => {
      await http().patch('/api/v1/partner/settings').set('authorization', auth.owner).send({ policy: { launchReasonRequired: true, launchSessionMinutes: 15 } }).expect(200);
      try {
        expect((await launch(auth.manager, orgA).expect(400)).body.code).toBe('sessions.reason_required');
        expect((await launch(auth.manager, orgA, { reason: '   ' }).expect(400)).body.code).toBe('sessions.reason_required');
        expect((await launch(auth.manager, orgA, { reason: 'x'.repeat(501) }).expect(400)).body.code).toBe('request.validation_failed');
        expect((await launch(auth.manager, orgA, { reason: 'ok', ticket: 't'.repeat(101) }).expect(400)).body.code).toBe('request.validation_failed');
        expect((await launch(auth.manager, orgA, { reason: 'ok', extra: 1 }).expect(400)).body.code).toBe('request.validation_failed');
        const answer = await launch(auth.manager, orgA, { reason: '  Reset MFA for the CFO  ' }).expect(201);
        expect(answer.body.session.reason).toBe('Reset MFA for the CFO');
        expect(new Date(answer.body.session.expiresAt).getTime() - new Date(answer.body.session.startedAt).getTime()).toBe(15 * MINUTE);
      } finally {
        await http().patch('/api/v1/partner/settings').set('authorization', auth.owner).send({ policy: { launchReasonRequired: false, launchSessionMinutes: 60 } }).expect(200);
      }
    });

    it('issues an org-console token for the session: the admin as subject, the partner admin as actor, the org and session named', async () => {
      const answer = await launch(auth.manager, orgA).expect(201);
      const claims = decode(answer.body.token) as Record<string, unknown>;
      expect(claims).toMatchObject({
        aud: 'org-console',
        sub: admins.manager.id,
        sid: answer.body.session.id,
        org: orgA.publicId,
        partner_id: partner.id,
        role: 'manager',
        act: { sub: admins.manager.id, partner_id: partner.id },
        exp: Math.floor(new Date(answer.body.session.expiresAt).getTime() / 1000) + ORG_CONSOLE_TOKEN_GRACE_SECONDS,
      });
    });
  });

  describe('the token’s reach', () => {
    let launched: Launched;

    beforeAll(async () => {
      launched = await launchAs('manager', orgA);
    });

    it('works in the org console of its org', async () => {
      const overview = await inOrg(launched.token, orgA).expect(200);
      expect(overview.body.name).toBe('Alpha Dental');
      expect((await inOrg(launched.token, orgA, '/users').expect(200)).body.items.length).toBe(2);
    });

    it('answers 404 in another org’s console, even one of the same partner', async () => {
      expect((await inOrg(launched.token, orgB).expect(404)).body.code).toBe('orgs.not_found');
      await inOrg(launched.token, othersOrg, '/users').expect(404);
    });

    it('is refused by the portal’s routes', async () => {
      for (const path of ['/api/v1/partner/overview', '/api/v1/partner/sessions', '/api/v1/me']) {
        await http().get(path).set('authorization', `Bearer ${launched.token}`).expect(401);
      }
      await http().post(`/api/v1/partner/orgs/${orgB.publicId}/sessions`).set('authorization', `Bearer ${launched.token}`).send({}).expect(401);
    });

    it('is not needed by the org’s own admins, and a partner admin’s portal token does not open the console', async () => {
      await http().get(`/api/v1/orgs/${orgA.publicId}`).set('authorization', orgAdminAuth).expect(200);
      await http().get(`/api/v1/orgs/${orgA.publicId}`).set('authorization', launched.auth).expect(404);
    });

    it('refuses a forged or tampered token', async () => {
      const [header, payload, signature] = launched.token.split('.');
      const claims = JSON.parse(Buffer.from(payload!, 'base64url').toString());
      const forged = Buffer.from(JSON.stringify({ ...claims, org: orgB.publicId })).toString('base64url');
      await inOrg(`${header}.${forged}.${signature}`, orgB).expect(401);
    });
  });

  describe('what a launched admin may do', () => {
    it('lets helpdesk view and help users, and nothing more', async () => {
      const helpdesk = await launchAs('helpdesk', orgA);
      const users = (await inOrg(helpdesk.token, orgA, '/users').expect(200)).body.items as { id: string; username: string }[];
      const locked = users.find((user) => user.username === 'locked.one')!;
      const send = (method: 'post' | 'patch' | 'delete', path: string, body: object = {}) =>
        http()[method](`/api/v1/orgs/${orgA.publicId}${path}`).set('authorization', `Bearer ${helpdesk.token}`).send(body);

      expect((await send('post', `/users/${locked.id}/unlock`).expect(200)).body.lockedOut).toBe(false);
      await send('post', `/users/${locked.id}/reset-mfa`).expect(200);
      expect((await send('post', `/users/${locked.id}/suspend`).expect(200)).body.state).toBe('suspended');
      expect((await send('post', `/users/${locked.id}/activate`).expect(200)).body.state).toBe('active');
      await inOrg(helpdesk.token, orgA, '/systems').expect(200);
      await inOrg(helpdesk.token, orgA, '/admins').expect(200);
      await inOrg(helpdesk.token, orgA, '/activity').expect(200);

      const refusals = [
        send('post', '/users', { username: 'new.person', email: 'new.person@alpha.example' }),
        send('patch', `/users/${locked.id}`, { firstName: 'Changed' }),
        send('delete', `/users/${locked.id}`),
        send('patch', '/settings', { userCap: 5 }),
        send('post', '/admins', { email: 'someone@alpha.example' }),
        send('delete', `/admins/${orgAdminA.id}`),
        inOrg(helpdesk.token, orgA, '/partner-access'),
      ];
      for (const refused of await Promise.all(refusals)) {
        expect(refused.status).toBe(403);
        expect(refused.body.code).toBe('sessions.forbidden');
      }
      expect(await db.query(`SELECT count(*)::int AS n FROM directory_users WHERE org_id = $1`, [orgA.id])).toEqual([{ n: 2 }]);
    });

    it('lets a manager do what an org admin does, except remove the org’s last own admin or oversee the partner', async () => {
      const manager = await launchAs('manager', orgA);
      const send = (method: 'post' | 'patch' | 'delete', path: string, body: object = {}) =>
        http()[method](`/api/v1/orgs/${orgA.publicId}${path}`).set('authorization', `Bearer ${manager.token}`).send(body);
      const created = await send('post', '/users', { username: 'made.in.session', email: 'made@alpha.example' }).expect(201);
      await send('patch', `/users/${created.body.id}`, { firstName: 'Made' }).expect(200);
      await send('delete', `/users/${created.body.id}`).expect(204);
      await send('patch', '/settings', { passwordExpiryDays: 90 }).expect(200);
      expect((await send('delete', `/admins/${orgAdminA.id}`).expect(409)).body.code).toBe('orgs.last_admin');
      expect((await inOrg(manager.token, orgA, '/partner-access').expect(403)).body.code).toBe('sessions.forbidden');
    });
  });

  describe('audit', () => {
    it('records a change made in a session as the admin, of the partner, in the session, in the org', async () => {
      const launched = await launchAs('admin', orgA, { body: { reason: 'New starter', ticket: 'PSA-77' } });
      const created = await http()
        .post(`/api/v1/orgs/${orgA.publicId}/users`)
        .set('authorization', `Bearer ${launched.token}`)
        .send({ username: 'new.starter', email: 'new.starter@alpha.example' })
        .expect(201);
      const [event] = await db.query(`SELECT actor_type, actor_id, partner_id, org_id, session_id, details FROM audit_events WHERE action = 'orgs.user.created' AND target_id = $1`, [created.body.id]);
      expect(event).toMatchObject({
        actor_type: 'administrator',
        actor_id: launched.admin.id,
        partner_id: partner.id,
        org_id: orgA.id,
        session_id: launched.sessionId,
        details: expect.objectContaining({ launchSessionId: launched.sessionId, partnerName: 'Northwind MSP' }),
      });
      const [launchEvent] = await db.query(`SELECT actor_id, partner_id, org_id, details FROM audit_events WHERE action = 'sessions.launched' AND target_id = $1`, [launched.sessionId]);
      expect(launchEvent).toMatchObject({ actor_id: launched.admin.id, partner_id: partner.id, org_id: orgA.id, details: expect.objectContaining({ reason: 'New starter', ticket: 'PSA-77' }) });

      const activity = (await http().get(`/api/v1/orgs/${orgA.publicId}/activity`).set('authorization', orgAdminAuth).expect(200)).body.items as { action: string; actor: string; targetId: string; launch: unknown }[];
      expect(activity.find((item) => item.action === 'orgs.user.created' && item.targetId === created.body.id)).toMatchObject({
        actor: launched.admin.email,
        launch: { sessionId: launched.sessionId, partnerName: 'Northwind MSP' },
      });
      expect(activity.find((item) => item.action === 'sessions.launched' && item.targetId === launched.sessionId)).toBeDefined();
    });
  });

  describe('revocation, on the very next request', () => {
    it('when the admin ends the session, and ending it again changes nothing', async () => {
      const launched = await launchAs('helpdesk', orgA);
      await inOrg(launched.token, orgA, '/users').expect(200);
      const ended = await http().post(`/api/v1/partner/sessions/${launched.sessionId}/end`).set('authorization', launched.auth).expect(200);
      expect(ended.body).toMatchObject({ state: 'ended', endedReason: 'ended_by_admin' });
      await expectEnded(launched.token, orgA, /you ended it/);
      const again = await http().post(`/api/v1/partner/sessions/${launched.sessionId}/end`).set('authorization', launched.auth).expect(200);
      expect(again.body.endedAt).toBe(ended.body.endedAt);
      expect(await db.query(`SELECT count(*)::int AS n FROM audit_events WHERE action = 'sessions.ended' AND target_id = $1`, [launched.sessionId])).toEqual([{ n: 1 }]);
    });

    it('when an owner ends another admin’s session; a manager cannot end someone else’s', async () => {
      const launched = await launchAs('manager', orgA);
      await http().post(`/api/v1/partner/sessions/${launched.sessionId}/end`).set('authorization', auth.helpdesk).expect(404);
      await inOrg(launched.token, orgA).expect(200);
      const ended = await http().post(`/api/v1/partner/sessions/${launched.sessionId}/end`).set('authorization', auth.owner).expect(200);
      expect(ended.body.endedReason).toBe('ended_by_partner_admin');
      await expectEnded(launched.token, orgA, /an owner or admin of your partner ended it/);
    });

    it('when the session expires (the injected clock), at the partner’s policy length', async () => {
      const launched = await launchAs('manager', orgA);
      clock.advance(59 * MINUTE);
      await inOrg(launched.token, orgA).expect(200);
      clock.advance(MINUTE);
      try {
        await expectEnded(launched.token, orgA, /its time ran out/);
        const [listed] = (await http().get('/api/v1/partner/sessions').query({ state: 'all', mine: true }).set('authorization', launched.auth).expect(200)).body.items;
        expect(listed).toMatchObject({ id: launched.sessionId, state: 'ended', endedReason: 'expired' });
        expect(listed.endedAt).toBe(listed.expiresAt);
      } finally {
        clock.advance(-60 * MINUTE);
      }
    });

    it('when the admin is suspended in the partner', async () => {
      const launched = await launchAs('manager', orgA);
      await http().patch(`/api/v1/partner/admins/${launched.admin.id}`).set('authorization', auth.owner).send({ status: 'suspended' }).expect(200);
      await expectEnded(launched.token, orgA, /account was suspended/);
    });

    it('when the admin is removed from the partner', async () => {
      const launched = await launchAs('manager', orgA);
      await http().delete(`/api/v1/partner/admins/${launched.admin.id}`).set('authorization', auth.owner).expect(204);
      await expectEnded(launched.token, orgA, /no longer an admin of your partner/);
    });

    it('when the admin’s role changes', async () => {
      const launched = await launchAs('manager', orgA);
      await http().patch(`/api/v1/partner/admins/${launched.admin.id}`).set('authorization', auth.owner).send({ role: 'helpdesk' }).expect(200);
      await expectEnded(launched.token, orgA, /role in your partner changed/);
    });

    it('when the admin loses access to that org, and not to the org they keep', async () => {
      const intoA = await launchAs('helpdesk', orgA, { orgs: [orgA, orgB] });
      const intoB = await launch(intoA.auth, orgB).expect(201);
      await http().patch(`/api/v1/partner/admins/${intoA.admin.id}`).set('authorization', auth.owner).send({ orgAccess: 'selected', orgIds: [orgB.publicId] }).expect(200);
      await expectEnded(intoA.token, orgA, /no longer have access to this organization/);
      await inOrg(intoB.body.token, orgB).expect(200);
    });

    it('when the administrator account is disabled', async () => {
      const launched = await launchAs('manager', orgA);
      await db.query(`UPDATE administrators SET status = 'disabled' WHERE id = $1`, [launched.admin.id]);
      await expectEnded(launched.token, orgA, /account was disabled/);
    });

    it('when the admin signs out of the portal', async () => {
      const launched = await launchAs('manager', orgA);
      await http().post('/api/v1/auth/logout').set('cookie', launched.session.refreshCookie).expect(204);
      await expectEnded(launched.token, orgA, /signed out of the portal/);
    });

    it('when the partner is suspended', async () => {
      const org = await createOrg(testApp.app, 'Charlie Bakery', [orgAdminA.id]);
      const paused = await createPartner(testApp.app, { name: 'Soon Paused MSP', orgs: [org] });
      const owner = await createPartnerAdmin(testApp.app, clock, paused.id, { role: 'owner' });
      const answer = await launch(await bearer(owner), org).expect(201);
      await testApp.app.get(PartnersService).setStatus(paused.id, 'suspended', 'unpaid', SYSTEM_ACTOR);
      await expectEnded(answer.body.token, org, /your partner was suspended/);
    });

    it('when the org is detached, whoever detaches it: the other orgs’ sessions go on', async () => {
      const org = await createOrg(testApp.app, 'Delta Clinic', [orgAdminA.id]);
      const detaching = await createPartner(testApp.app, { name: 'Detaching MSP', orgs: [org, othersOrg].slice(0, 1) });
      const owner = await createPartnerAdmin(testApp.app, clock, detaching.id, { role: 'owner' });
      const answer = await launch(await bearer(owner), org).expect(201);
      const unaffected = await launchAs('manager', orgA);
      await db.query(`UPDATE partner_associations SET status = 'detached', detached_at = now() WHERE org_id = $1 AND status = 'active'`, [org.id]);
      await expectEnded(answer.body.token, org, /detached from your partner/);
      await inOrg(unaffected.token, orgA).expect(200);
    });

    it('never leaves a session open into an org detached while it was being launched', async () => {
      const racing = await createPartner(testApp.app, { name: 'Racing MSP' });
      const owner = await createPartnerAdmin(testApp.app, clock, racing.id, { role: 'owner' });
      const ownerAuth = await bearer(owner);
      for (let round = 0; round < 8; round += 1) {
        const org = await createOrg(testApp.app, `Race ${round}`, [orgAdminA.id]);
        await db.query(`INSERT INTO partner_associations (partner_id, org_id, source, created_by_type) VALUES ($1, $2, 'staff', 'system')`, [racing.id, org.id]);
        const [launched] = await Promise.all([
          launch(ownerAuth, org),
          db.query(`UPDATE partner_associations SET status = 'detached', detached_at = now() WHERE org_id = $1 AND status = 'active'`, [org.id]),
        ]);
        expect([201, 404]).toContain(launched.status);
        const open = await db.query(`SELECT id FROM launch_sessions WHERE org_id = $1 AND ended_at IS NULL`, [org.id]);
        expect(open).toEqual([]);
      }
    });

    it('on every API instance sharing the database', async () => {
      const second = await createTestApp({ clock, sameDeploymentAs: testApp, env: { MAIL_POLL_INTERVAL_MS: '0' } });
      try {
        const launched = await launchAs('manager', orgA);
        await second.http.get(`/api/v1/orgs/${orgA.publicId}/users`).set('authorization', `Bearer ${launched.token}`).expect(200);
        await http().post(`/api/v1/partner/sessions/${launched.sessionId}/end`).set('authorization', launched.auth).expect(200);
        const refused = await second.http.get(`/api/v1/orgs/${orgA.publicId}/users`).set('authorization', `Bearer ${launched.token}`).expect(401);
        expect(refused.body.code).toBe('sessions.ended');

        const suspended = await launchAs('helpdesk', orgA);
        await second.http.get(`/api/v1/orgs/${orgA.publicId}`).set('authorization', `Bearer ${suspended.token}`).expect(200);
        await second.http.patch(`/api/v1/partner/admins/${suspended.admin.id}`).set('authorization', auth.owner).send({ status: 'suspended' }).expect(200);
        await inOrg(suspended.token, orgA).expect(401);
      } finally {
        await second.close();
      }
    });
  });

  describe('lists', () => {
    it('shows owners every session of the partner, and others only their own', async () => {
      const launched = await launchAs('manager', orgB);
      const ownerView = (await http().get('/api/v1/partner/sessions').set('authorization', auth.owner).expect(200)).body.items as { id: string; state: string }[];
      expect(ownerView.map((item) => item.id)).toContain(launched.sessionId);
      expect(ownerView.every((item) => item.state === 'active')).toBe(true);
      const ownView = (await http().get('/api/v1/partner/sessions').set('authorization', launched.auth).expect(200)).body.items as { admin: { id: string } }[];
      expect(ownView.length).toBe(1);
      const helpdeskView = (await http().get('/api/v1/partner/sessions').query({ state: 'all' }).set('authorization', auth.helpdesk).expect(200)).body.items as { admin: { id: string } }[];
      expect(helpdeskView.length).toBeGreaterThan(0);
      expect(helpdeskView.every((item) => item.admin.id === admins.helpdesk.id)).toBe(true);
      const otherPartnerOwner = await createPartnerAdmin(testApp.app, clock, otherPartner.id, { role: 'owner' });
      expect((await http().get('/api/v1/partner/sessions').query({ state: 'all' }).set('authorization', await bearer(otherPartnerOwner)).expect(200)).body.items).toEqual([]);
    });

    it('filters by org and pages newest first without gaps or repeats', async () => {
      const all: { id: string; startedAt: string }[] = [];
      let before: string | null = null;
      do {
        const page: { body: { items: { id: string; startedAt: string; org: { orgId: string } }[]; nextBefore: string | null } } = await http()
          .get('/api/v1/partner/sessions')
          .query({ state: 'all', orgId: orgA.publicId, limit: 3, ...(before ? { before } : {}) })
          .set('authorization', auth.owner)
          .expect(200);
        expect(page.body.items.every((item) => item.org.orgId === orgA.publicId)).toBe(true);
        all.push(...page.body.items);
        before = page.body.nextBefore;
      } while (before);
      const [{ n }] = await db.query(`SELECT count(*)::int AS n FROM launch_sessions WHERE partner_id = $1 AND org_id = $2`, [partner.id, orgA.id]);
      expect(all.length).toBe(n);
      expect(new Set(all.map((item) => item.id)).size).toBe(n);
      const times = all.map((item) => new Date(item.startedAt).getTime());
      expect([...times].sort((a, b) => b - a)).toEqual(times);
    });

    it('refuses bad list input with 400', async () => {
      for (const query of [{ state: 'later' }, { orgId: 'xyz' }, { limit: 0 }, { before: 'bm9wZQ' }, { mine: 'maybe' }]) {
        expect((await http().get('/api/v1/partner/sessions').query(query).set('authorization', auth.owner)).status).toBe(400);
      }
    });

    it('shows the org’s own admins every partner session into their org, with reason and ticket', async () => {
      const launched = await launchAs('helpdesk', orgA, { body: { reason: 'Locked out CEO', ticket: 'PSA-9' } });
      const page = await http().get(`/api/v1/orgs/${orgA.publicId}/partner-access`).set('authorization', orgAdminAuth).expect(200);
      expect(page.body.items[0]).toMatchObject({
        id: launched.sessionId,
        admin: { email: launched.admin.email },
        partner: { name: 'Northwind MSP' },
        role: 'helpdesk',
        reason: 'Locked out CEO',
        ticket: 'PSA-9',
        state: 'active',
      });
      const [{ n }] = await db.query(`SELECT count(*)::int AS n FROM launch_sessions WHERE org_id = $1`, [orgA.id]);
      const everything = await http().get(`/api/v1/orgs/${orgA.publicId}/partner-access`).query({ limit: 100 }).set('authorization', orgAdminAuth).expect(200);
      expect(everything.body.items.length).toBe(n);
      expect(everything.body.items.some((item: { state: string }) => item.state === 'ended')).toBe(true);
    });
  });

  describe('a token for another tab', () => {
    it('is issued to the session’s own admin while it is active, and works like the first', async () => {
      const launched = await launchAs('manager', orgA);
      const again = await http().post(`/api/v1/partner/sessions/${launched.sessionId}/token`).set('authorization', launched.auth).expect(200);
      expect(again.body.session.id).toBe(launched.sessionId);
      await inOrg(again.body.token, orgA).expect(200);
      await http().post(`/api/v1/partner/sessions/${launched.sessionId}/token`).set('authorization', auth.owner).expect(404);
      await http().post(`/api/v1/partner/sessions/not-a-uuid/token`).set('authorization', launched.auth).expect(404);
      await http().post(`/api/v1/partner/sessions/${launched.sessionId}/end`).set('authorization', launched.auth).expect(200);
      expect((await http().post(`/api/v1/partner/sessions/${launched.sessionId}/token`).set('authorization', launched.auth).expect(409)).body.code).toBe('sessions.ended');
      await expectEnded(again.body.token, orgA, /you ended it/);
    });
  });
});
