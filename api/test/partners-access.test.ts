import { randomBytes } from 'node:crypto';
import { DataSource } from 'typeorm';
import { AuditEvent } from '../src/audit/audit-event.entity.js';
import { PartnerInvitationsService } from '../src/partners/invitations/partner-invitations.service.js';
import { SYSTEM_ACTOR } from '../src/partners/partner-actor.js';
import type { Partner } from '../src/partners/partner.entity.js';
import { PARTNER_ROLES, type PartnerRole } from '../src/partners/partner-roles.js';
import { PartnersService } from '../src/partners/partners.service.js';
import { FakeClock } from './support/fake-clock.js';
import { createAdministrator, type TestAdministrator } from './support/identity-fixtures.js';
import { addUsers, createOrg, type TestOrg } from './support/org-factory.js';
import { createPartner, createPartnerAdmin, membershipsOf } from './support/partner-fixtures.js';
import { signIn } from './support/sign-in.js';
import { createTestApp, type TestApp } from './support/test-app.js';
import { seedVerification } from './support/verification-fixtures.js';

type Method = 'get' | 'post' | 'patch' | 'delete';

/** One partner route, with what the contract says each role may do there. */
interface PartnerRoute {
  operationId: string;
  method: Method;
  /** As the OpenAPI document spells it, with {parameters}. */
  path: string;
  /** The roles the contract lets through (the others get 403 partners.forbidden). */
  allowed: readonly PartnerRole[];
  /** What an allowed call answers. */
  status: number;
  /** The parameters and body of a call that would succeed for `role`; run before every call, allowed or not. */
  prepare: (role: PartnerRole) => Promise<{ params?: Record<string, string>; body?: object }>;
}

const ANY_ROLE = PARTNER_ROLES;
const OWNER = ['owner'] as const;
/** Who may grow or check the portfolio: verification and new orgs. */
const PORTFOLIO = ['owner', 'admin'] as const;
/** Who may unlock and suspend users across orgs, and launch into orgs: everyone but read-only. */
const USER_ACTIONS = ['owner', 'admin', 'manager', 'helpdesk'] as const;

describe('partner routes: who may call what', () => {
  const clock = new FakeClock();
  let testApp: TestApp;
  let partner: Partner;
  let otherPartner: Partner;
  const admins = {} as Record<PartnerRole, TestAdministrator>;
  const auth = {} as Record<PartnerRole, string>;
  /** The admin the PATCH row changes (and changes back to nothing worse than helpdesk). */
  let target: TestAdministrator;
  let portfolioOrg: TestOrg;
  let emails = 0;
  let verifiedOrgs = 0;

  const bearer = async (administrator: TestAdministrator) => `Bearer ${(await signIn(testApp.http, administrator, clock)).accessToken}`;
  const nextEmail = () => `invitee${(emails += 1)}@access.example`;
  const inviteBySystem = (partnerId: string) =>
    testApp.app.get(PartnerInvitationsService).invite(partnerId, { email: nextEmail(), role: 'readonly', orgAccess: 'all' }, SYSTEM_ACTOR);
  /**
   * A pending verification of a fresh, free org whose code the test knows: written to the table, so
   * that preparing 5 calls a route does not run into the verification rate limits it would test.
   */
  const pendingVerification = async () => {
    const org = await createOrg(testApp.app.get(DataSource), { name: `Verify Org ${(verifiedOrgs += 1)}` });
    return seedVerification(testApp.app, clock, { partnerId: partner.id, requestedBy: admins.owner, org, email: nextEmail() });
  };
  const randomOrgId = () => randomBytes(12).toString('hex');

  const routes: PartnerRoute[] = [
    { operationId: 'getPartnerSettings', method: 'get', path: '/api/v1/partner/settings', allowed: ANY_ROLE, status: 200, prepare: async () => ({}) },
    {
      operationId: 'updatePartnerSettings',
      method: 'patch',
      path: '/api/v1/partner/settings',
      allowed: OWNER,
      status: 200,
      prepare: async () => ({ body: { policy: { launchSessionMinutes: 90 } } }),
    },
    { operationId: 'listPartnerOrgs', method: 'get', path: '/api/v1/partner/orgs', allowed: ANY_ROLE, status: 200, prepare: async () => ({}) },
    { operationId: 'getPartnerOverview', method: 'get', path: '/api/v1/partner/overview', allowed: ANY_ROLE, status: 200, prepare: async () => ({}) },
    { operationId: 'exportPartnerOrgs', method: 'get', path: '/api/v1/partner/orgs/export', allowed: ANY_ROLE, status: 200, prepare: async () => ({}) },
    { operationId: 'getPartnerOrg', method: 'get', path: '/api/v1/partner/orgs/{orgId}', allowed: ANY_ROLE, status: 200, prepare: async () => ({ params: { orgId: portfolioOrg.publicId } }) },
    { operationId: 'listPartnerUsers', method: 'get', path: '/api/v1/partner/users', allowed: ANY_ROLE, status: 200, prepare: async () => ({}) },
    { operationId: 'listPartnerSystems', method: 'get', path: '/api/v1/partner/systems', allowed: ANY_ROLE, status: 200, prepare: async () => ({}) },
    {
      operationId: 'unlockPartnerUsers',
      method: 'post',
      path: '/api/v1/partner/users/unlock',
      allowed: USER_ACTIONS,
      status: 200,
      prepare: async () => ({ body: { userIds: await addUsers(testApp.app.get(DataSource), portfolioOrg.id, [{ locked: true }]) } }),
    },
    {
      operationId: 'suspendPartnerUsers',
      method: 'post',
      path: '/api/v1/partner/users/suspend',
      allowed: USER_ACTIONS,
      status: 200,
      prepare: async () => ({ body: { userIds: await addUsers(testApp.app.get(DataSource), portfolioOrg.id, 1) } }),
    },
    {
      operationId: 'launchOrgSession',
      method: 'post',
      path: '/api/v1/partner/orgs/{orgId}/sessions',
      allowed: USER_ACTIONS,
      status: 201,
      prepare: async () => ({ params: { orgId: portfolioOrg.publicId }, body: {} }),
    },
    { operationId: 'listPartnerSessions', method: 'get', path: '/api/v1/partner/sessions', allowed: ANY_ROLE, status: 200, prepare: async () => ({}) },
    {
      operationId: 'endPartnerSession',
      method: 'post',
      path: '/api/v1/partner/sessions/{sessionId}/end',
      allowed: USER_ACTIONS,
      status: 200,
      prepare: async (role) => ({ params: { sessionId: await launchedSessionOf(role) } }),
    },
    {
      operationId: 'issueLaunchToken',
      method: 'post',
      path: '/api/v1/partner/sessions/{sessionId}/token',
      allowed: USER_ACTIONS,
      status: 200,
      prepare: async (role) => ({ params: { sessionId: await launchedSessionOf(role) } }),
    },
    {
      operationId: 'fileSupportRequest',
      method: 'post',
      path: '/api/v1/partner/requests',
      allowed: ANY_ROLE,
      status: 201,
      prepare: async () => ({ body: { kind: 'general', subject: 'Access matrix', message: 'Filed by the matrix' } }),
    },
    { operationId: 'listSupportRequests', method: 'get', path: '/api/v1/partner/requests', allowed: ANY_ROLE, status: 200, prepare: async () => ({}) },
    {
      operationId: 'getSupportRequest',
      method: 'get',
      path: '/api/v1/partner/requests/{requestId}',
      allowed: ANY_ROLE,
      status: 200,
      prepare: async (role) => ({ params: { requestId: await requestFiledBy(role) } }),
    },
    {
      operationId: 'commentSupportRequest',
      method: 'post',
      path: '/api/v1/partner/requests/{requestId}/comments',
      allowed: ANY_ROLE,
      status: 201,
      prepare: async (role) => ({ params: { requestId: await requestFiledBy(role) }, body: { comment: 'A comment' } }),
    },
    {
      operationId: 'cancelSupportRequest',
      method: 'post',
      path: '/api/v1/partner/requests/{requestId}/cancel',
      allowed: ANY_ROLE,
      status: 200,
      prepare: async (role) => ({ params: { requestId: await requestFiledBy(role) }, body: {} }),
    },
    {
      operationId: 'createPartnerOrg',
      method: 'post',
      path: '/api/v1/partner/orgs',
      allowed: PORTFOLIO,
      status: 201,
      prepare: async () => ({ body: { name: `New Customer ${emails + 1}`, adminEmail: nextEmail() } }),
    },
    {
      operationId: 'requestVerification',
      method: 'post',
      path: '/api/v1/partner/verifications',
      allowed: PORTFOLIO,
      status: 202,
      // A fresh recipient each time (3 an hour each); each admin calls it once here (5 each per 10 minutes).
      prepare: async () => ({ body: { orgId: randomOrgId(), email: nextEmail() } }),
    },
    {
      operationId: 'requestVerifications',
      method: 'post',
      path: '/api/v1/partner/verifications/bulk',
      allowed: PORTFOLIO,
      status: 200,
      prepare: async () => ({ body: { rows: [{ orgId: randomOrgId(), email: nextEmail() }] } }),
    },
    { operationId: 'listVerifications', method: 'get', path: '/api/v1/partner/verifications', allowed: PORTFOLIO, status: 200, prepare: async () => ({}) },
    {
      operationId: 'submitVerificationCode',
      method: 'post',
      path: '/api/v1/partner/verifications/{verificationId}/code',
      allowed: PORTFOLIO,
      status: 200,
      prepare: async () => {
        const { id, code } = await pendingVerification();
        return { params: { verificationId: id }, body: { code } };
      },
    },
    {
      operationId: 'resendVerification',
      method: 'post',
      path: '/api/v1/partner/verifications/{verificationId}/resend',
      allowed: PORTFOLIO,
      status: 200,
      prepare: async () => ({ params: { verificationId: (await pendingVerification()).id } }),
    },
    {
      operationId: 'cancelVerification',
      method: 'delete',
      path: '/api/v1/partner/verifications/{verificationId}',
      allowed: PORTFOLIO,
      status: 204,
      prepare: async () => ({ params: { verificationId: (await pendingVerification()).id } }),
    },
    { operationId: 'listPartnerAdmins', method: 'get', path: '/api/v1/partner/admins', allowed: ['owner', 'admin'], status: 200, prepare: async () => ({}) },
    {
      operationId: 'updatePartnerAdmin',
      method: 'patch',
      path: '/api/v1/partner/admins/{administratorId}',
      allowed: OWNER,
      status: 200,
      prepare: async () => ({ params: { administratorId: target.id }, body: { role: 'helpdesk' } }),
    },
    {
      operationId: 'removePartnerAdmin',
      method: 'delete',
      path: '/api/v1/partner/admins/{administratorId}',
      allowed: OWNER,
      status: 204,
      // A fresh admin each time: the owner's call really removes one.
      prepare: async () => ({ params: { administratorId: (await createPartnerAdmin(testApp.app, clock, partner.id, { role: 'readonly' })).id } }),
    },
    { operationId: 'listPartnerInvitations', method: 'get', path: '/api/v1/partner/invitations', allowed: OWNER, status: 200, prepare: async () => ({}) },
    {
      operationId: 'invitePartnerAdmin',
      method: 'post',
      path: '/api/v1/partner/invitations',
      allowed: OWNER,
      status: 201,
      prepare: async () => ({ body: { email: nextEmail(), role: 'readonly', orgAccess: 'all' } }),
    },
    {
      operationId: 'resendPartnerInvitation',
      method: 'post',
      path: '/api/v1/partner/invitations/{invitationId}/resend',
      allowed: OWNER,
      status: 200,
      prepare: async () => ({ params: { invitationId: (await inviteBySystem(partner.id)).id } }),
    },
    {
      operationId: 'revokePartnerInvitation',
      method: 'delete',
      path: '/api/v1/partner/invitations/{invitationId}',
      allowed: OWNER,
      status: 204,
      prepare: async () => ({ params: { invitationId: (await inviteBySystem(partner.id)).id } }),
    },
  ];

  /** A session of this role's admin (an owner's for a role that cannot launch) into the portfolio org. */
  async function launchedSessionOf(role: PartnerRole): Promise<string> {
    const launcher = USER_ACTIONS.includes(role as (typeof USER_ACTIONS)[number]) ? role : 'owner';
    const launched = await testApp.http.post(`/api/v1/partner/orgs/${portfolioOrg.publicId}/sessions`).set('authorization', auth[launcher]).send({}).expect(201);
    return launched.body.session.id;
  }

  /** A general request this role's admin filed. */
  async function requestFiledBy(role: PartnerRole): Promise<string> {
    const filed = await testApp.http.post('/api/v1/partner/requests').set('authorization', auth[role]).send({ kind: 'general', subject: 'Matrix', message: 'x' }).expect(201);
    return filed.body.id;
  }

  /** Calls a route as prepared for `role`; `token` undefined sends no Authorization header. */
  async function call(route: PartnerRoute, token: string | undefined, role: PartnerRole = 'owner') {
    const { params = {}, body } = await route.prepare(role);
    const path = route.path.replace(/\{(\w+)\}/g, (_match, name: string) => params[name] ?? '00000000-0000-4000-8000-000000000000');
    const request = testApp.http[route.method](path);
    if (token) request.set('authorization', token);
    return body ? request.send(body) : request;
  }

  beforeAll(async () => {
    testApp = await createTestApp({ clock, env: { MAIL_POLL_INTERVAL_MS: '0', PUBLIC_URL: 'https://portal.example.com' } });
    const db = testApp.app.get(DataSource);
    const orgs = [await createOrg(db, { name: 'Access Org A', users: 2 }), await createOrg(db, { name: 'Access Org B' })];
    portfolioOrg = orgs[0]!;
    partner = await createPartner(testApp.app, { name: 'Access Partner', orgs });
    otherPartner = await createPartner(testApp.app, { name: 'Other Partner', orgs: [await createOrg(db, { name: 'Other Org' })] });
    for (const role of PARTNER_ROLES) {
      admins[role] = await createPartnerAdmin(testApp.app, clock, partner.id, { role });
      auth[role] = await bearer(admins[role]);
    }
    target = await createPartnerAdmin(testApp.app, clock, partner.id, { role: 'readonly' });
  });
  afterAll(() => testApp.close());

  describe.each(routes)('$operationId ($method $path)', (route) => {
    const cases = PARTNER_ROLES.map((role) => ({ role, allowed: route.allowed.includes(role), answer: route.allowed.includes(role) ? `${route.status}` : '403 partners.forbidden' }));
    it.each(cases)('as $role: $answer', async ({ role, allowed }) => {
      const response = await call(route, auth[role], role);
      if (allowed) {
        expect([role, response.status]).toEqual([role, route.status]);
      } else {
        expect([role, response.status, response.body.code]).toEqual([role, 403, 'partners.forbidden']);
        expect(response.headers['content-type']).toContain('application/problem+json');
      }
    });
  });

  it('covers every partner route the API documents, so a new route cannot skip the matrix', async () => {
    const document = await testApp.http.get('/api/openapi.json').expect(200);
    const documented = Object.entries(document.body.paths as Record<string, Record<string, unknown>>)
      .filter(([path]) => path.startsWith('/api/v1/partner/'))
      .flatMap(([path, operations]) => Object.keys(operations).map((method) => `${method} ${path}`));
    expect(documented.sort()).toEqual(routes.map((route) => `${route.method} ${route.path}`).sort());
  });

  it('answers 401 without a token and 403 partners.not_member to an administrator of no partner, on every partner route', async () => {
    const outsider = await bearer(await createAdministrator(testApp.app, clock));
    for (const route of routes) {
      const anonymous = await call(route, undefined);
      expect([route.operationId, anonymous.status]).toEqual([route.operationId, 401]);
      const stranger = await call(route, outsider);
      expect([route.operationId, stranger.status, stranger.body.code]).toEqual([route.operationId, 403, 'partners.not_member']);
    }
  });

  it('shows every role its own partner, with MFA always required', async () => {
    for (const role of PARTNER_ROLES) {
      const settings = await testApp.http.get('/api/v1/partner/settings').set('authorization', auth[role]).expect(200);
      expect(settings.body).toMatchObject({ partnerId: partner.id, name: 'Access Partner', kind: 'msp', status: 'active', policy: { mfaRequired: true } });
      const me = await testApp.http.get('/api/v1/me').set('authorization', auth[role]).expect(200);
      expect(me.body.partnerMemberships).toEqual([{ partnerId: partner.id, partnerName: 'Access Partner', role }]);
    }
  });

  it('leaves the settings as they were when a role that may not change them tries', async () => {
    const before = (await testApp.http.get('/api/v1/partner/settings').set('authorization', auth.owner).expect(200)).body;
    for (const role of ['admin', 'manager', 'helpdesk', 'readonly'] as const) {
      await testApp.http.patch('/api/v1/partner/settings').set('authorization', auth[role]).send({ name: `Renamed by ${role}`, policy: { launchReasonRequired: !before.policy.launchReasonRequired } }).expect(403);
    }
    expect((await testApp.http.get('/api/v1/partner/settings').set('authorization', auth.readonly).expect(200)).body).toEqual(before);
  });

  it('does not let a lower role raise its own role', async () => {
    for (const role of ['admin', 'manager', 'helpdesk', 'readonly'] as const) {
      const raised = await testApp.http.patch(`/api/v1/partner/admins/${admins[role].id}`).set('authorization', auth[role]).send({ role: 'owner' }).expect(403);
      expect(raised.body.code).toBe('partners.forbidden');
    }
    const listed = await testApp.http.get('/api/v1/partner/admins').set('authorization', auth.owner).expect(200);
    const roleOf = (id: string) => listed.body.find((admin: { administratorId: string }) => admin.administratorId === id)?.role;
    expect(PARTNER_ROLES.map((role) => roleOf(admins[role].id))).toEqual([...PARTNER_ROLES]);
    expect(listed.body.filter((admin: { you: boolean }) => admin.you).map((admin: { administratorId: string }) => admin.administratorId)).toEqual([admins.owner.id]);
  });

  it('suspends an admin: their sessions end at once, and after signing in again they are refused as no longer a member', async () => {
    const helpdesk = await createPartnerAdmin(testApp.app, clock, partner.id, { role: 'helpdesk' });
    const session = await signIn(testApp.http, helpdesk, clock);
    const before = `Bearer ${session.accessToken}`;
    await testApp.http.get('/api/v1/partner/orgs').set('authorization', before).expect(200);

    const suspended = await testApp.http.patch(`/api/v1/partner/admins/${helpdesk.id}`).set('authorization', auth.owner).send({ status: 'suspended' }).expect(200);
    expect(suspended.body).toMatchObject({ administratorId: helpdesk.id, status: 'suspended' });

    // The access token has not expired, but its session has: every route refuses it, and the refresh cookie is dead too.
    for (const route of routes) {
      const refused = await call(route, before);
      expect([route.operationId, refused.status]).toEqual([route.operationId, 401]);
    }
    await testApp.http.post('/api/v1/auth/refresh').set('cookie', session.refreshCookie).expect(401);

    // The account itself still signs in (it may be needed elsewhere), but the partner is closed to it.
    clock.advance(30_000);
    const after = await bearer(helpdesk);
    const refused = await testApp.http.get('/api/v1/partner/settings').set('authorization', after).expect(403);
    expect(refused.body.code).toBe('partners.not_member');
    expect((await testApp.http.get('/api/v1/me').set('authorization', after).expect(200)).body.partnerMemberships).toEqual([]);

    await testApp.http.patch(`/api/v1/partner/admins/${helpdesk.id}`).set('authorization', auth.owner).send({ status: 'active' }).expect(200);
    await testApp.http.get('/api/v1/partner/settings').set('authorization', after).expect(200);
  });

  it('refuses every admin of a suspended partner with partners.suspended, until it is reactivated', async () => {
    const paused = await createPartner(testApp.app, { name: 'Paused Partner' });
    const owner = await createPartnerAdmin(testApp.app, clock, paused.id, { role: 'owner' });
    const readonly = await createPartnerAdmin(testApp.app, clock, paused.id, { role: 'readonly' });
    const [ownerAuth, readonlyAuth] = [await bearer(owner), await bearer(readonly)];
    await testApp.http.get('/api/v1/partner/settings').set('authorization', ownerAuth).expect(200);

    await testApp.app.get(PartnersService).setStatus(paused.id, 'suspended', 'unpaid invoice', SYSTEM_ACTOR);
    for (const route of routes) {
      const refused = await call(route, ownerAuth);
      expect([route.operationId, refused.status, refused.body.code]).toEqual([route.operationId, 403, 'partners.suspended']);
    }
    const readonlyRefused = await testApp.http.get('/api/v1/partner/settings').set('authorization', readonlyAuth).expect(403);
    expect(readonlyRefused.body.code).toBe('partners.suspended');
    expect((await testApp.http.get('/api/v1/me').set('authorization', ownerAuth).expect(200)).body.partnerMemberships).toEqual([]);

    await testApp.app.get(PartnersService).setStatus(paused.id, 'active', null, SYSTEM_ACTOR);
    await testApp.http.get('/api/v1/partner/settings').set('authorization', readonlyAuth).expect(200);
    const actions = await testApp.app.get(DataSource).getRepository(AuditEvent).find({ where: { partnerId: paused.id }, order: { id: 'ASC' } });
    expect(actions.map((event) => event.action)).toEqual(['partners.created', 'partners.suspended', 'partners.reactivated']);
  });

  it('never takes a partner id from the request: such a field is refused as unknown, and nothing changes', async () => {
    const email = nextEmail();
    const invite = await testApp.http
      .post('/api/v1/partner/invitations')
      .set('authorization', auth.owner)
      .send({ email, role: 'readonly', orgAccess: 'all', partnerId: otherPartner.id })
      .expect(400);
    expect(invite.body.code).toBe('request.validation_failed');
    expect(invite.body.errors.map((error: { field: string }) => error.field)).toEqual(['partnerId']);
    expect(await testApp.app.get(DataSource).query('SELECT id FROM partner_invitations WHERE email = $1', [email])).toEqual([]);

    const rename = await testApp.http.patch('/api/v1/partner/settings').set('authorization', auth.owner).send({ name: 'Hijacked', partnerId: otherPartner.id }).expect(400);
    expect(rename.body.errors.map((error: { field: string }) => error.field)).toEqual(['partnerId']);
    const promote = await testApp.http.patch(`/api/v1/partner/admins/${target.id}`).set('authorization', auth.owner).send({ role: 'owner', partnerId: otherPartner.id }).expect(400);
    expect(promote.body.code).toBe('request.validation_failed');
    await testApp.http.get('/api/v1/partner/orgs').query({ partnerId: otherPartner.id }).set('authorization', auth.owner).expect(400);

    const names = await testApp.app.get(DataSource).query('SELECT name FROM partners WHERE id = ANY($1) ORDER BY name', [[partner.id, otherPartner.id]]);
    expect(names).toEqual([{ name: 'Access Partner' }, { name: 'Other Partner' }]);
    expect((await membershipsOf(testApp.app, target.id)).map((row) => row.role)).not.toContain('owner');
  });

  it('answers 404 for an admin or invitation of another partner, and leaves them alone', async () => {
    const stranger = await createPartnerAdmin(testApp.app, clock, otherPartner.id, { role: 'owner' });
    const invitation = await inviteBySystem(otherPartner.id);
    const update = await testApp.http.patch(`/api/v1/partner/admins/${stranger.id}`).set('authorization', auth.owner).send({ role: 'readonly' }).expect(404);
    expect(update.body.code).toBe('partners.admin_not_found');
    expect((await testApp.http.delete(`/api/v1/partner/admins/${stranger.id}`).set('authorization', auth.owner).expect(404)).body.code).toBe('partners.admin_not_found');
    expect((await testApp.http.post(`/api/v1/partner/invitations/${invitation.id}/resend`).set('authorization', auth.owner).expect(404)).body.code).toBe('partners.invitation_not_found');
    expect((await testApp.http.delete(`/api/v1/partner/invitations/${invitation.id}`).set('authorization', auth.owner).expect(404)).body.code).toBe('partners.invitation_not_found');
    await testApp.http.patch('/api/v1/partner/admins/not-a-uuid').set('authorization', auth.owner).send({ role: 'readonly' }).expect(404);

    expect(await membershipsOf(testApp.app, stranger.id)).toEqual([{ partnerId: otherPartner.id, role: 'owner', orgAccess: 'all', status: 'active' }]);
    const [row] = await testApp.app.get(DataSource).query('SELECT sent_count, revoked_at FROM partner_invitations WHERE id = $1', [invitation.id]);
    expect(row).toEqual({ sent_count: 1, revoked_at: null });
  });

  it('lets the owner rename the partner and set its policy, audited; MFA cannot be turned off', async () => {
    const changed = await testApp.http
      .patch('/api/v1/partner/settings')
      .set('authorization', auth.owner)
      .send({ name: '  Access Partner  ', policy: { launchReasonRequired: true, launchSessionMinutes: 120 } })
      .expect(200);
    expect(changed.body).toMatchObject({ name: 'Access Partner', policy: { mfaRequired: true, launchReasonRequired: true, launchSessionMinutes: 120 } });

    const mfaOff = await testApp.http.patch('/api/v1/partner/settings').set('authorization', auth.owner).send({ policy: { mfaRequired: false } }).expect(400);
    expect(mfaOff.body.code).toBe('partners.mfa_required');
    const tooLong = await testApp.http.patch('/api/v1/partner/settings').set('authorization', auth.owner).send({ policy: { launchSessionMinutes: 481 } }).expect(400);
    expect(tooLong.body.code).toBe('request.validation_failed');
    // Neither refused change touched the policy.
    expect((await testApp.http.get('/api/v1/partner/settings').set('authorization', auth.owner).expect(200)).body.policy).toEqual({
      mfaRequired: true,
      launchReasonRequired: true,
      launchSessionMinutes: 120,
    });

    const audited = await testApp.app.get(DataSource).getRepository(AuditEvent).findBy({ partnerId: partner.id, action: 'partners.settings.updated', actorId: admins.owner.id });
    expect(audited.length).toBeGreaterThan(0);
  });
});
