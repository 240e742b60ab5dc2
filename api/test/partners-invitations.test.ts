import { DataSource } from 'typeorm';
import { AuditEvent } from '../src/audit/audit-event.entity.js';
import { AdministratorsService } from '../src/identity/administrators/administrators.service.js';
import type { Partner } from '../src/partners/partner.entity.js';
import { FakeClock } from './support/fake-clock.js';
import { createAdministrator, currentCode, type TestAdministrator } from './support/identity-fixtures.js';
import { createOrg, type TestOrg } from './support/org-factory.js';
import {
  addPartnerMember,
  completeEnrollment,
  createPartner,
  createPartnerAdmin,
  invitationTokenIn,
  latestInvitationToken,
  membershipsOf,
  outboxTo,
} from './support/partner-fixtures.js';
import { signIn } from './support/sign-in.js';
import { createTestApp, type TestApp } from './support/test-app.js';

const NEW_PASSWORD = 'a long enough passphrase';
const SEVEN_DAYS = 7 * 24 * 60 * 60_000;

describe('partner invitations', () => {
  const clock = new FakeClock();
  let testApp: TestApp;
  let db: DataSource;
  let partner: Partner;
  let orgs: TestOrg[];
  let owner: TestAdministrator;
  let ownerAuth: string;

  const invite = (body: object) => testApp.http.post('/api/v1/partner/invitations').set('authorization', ownerAuth).send(body);
  const inviteOk = async (email: string, access: object = { role: 'readonly', orgAccess: 'all' }) => (await invite({ email, ...access }).expect(201)).body;
  const lookup = (token: string) => testApp.http.post('/api/v1/public/invitations/lookup').send({ token });
  const accept = (body: { token: string; password: string; name?: string }) => testApp.http.post('/api/v1/public/invitations/accept').send(body);
  const listed = async (id: string) =>
    ((await testApp.http.get('/api/v1/partner/invitations').set('authorization', ownerAuth).expect(200)).body as { id: string }[]).find((row) => row.id === id);
  const accountsWith = async (email: string): Promise<{ id: string }[]> => db.query('SELECT id FROM administrators WHERE email = $1', [email]);

  beforeAll(async () => {
    testApp = await createTestApp({ clock, env: { MAIL_POLL_INTERVAL_MS: '0', PUBLIC_URL: 'https://portal.example.com' } });
    db = testApp.app.get(DataSource);
    orgs = [await createOrg(db, { name: 'Inv Org A' }), await createOrg(db, { name: 'Inv Org B' }), await createOrg(db, { name: 'Inv Org C' })];
    partner = await createPartner(testApp.app, { name: 'Invite Partner', orgs });
    owner = await createPartnerAdmin(testApp.app, clock, partner.id, { role: 'owner' });
    ownerAuth = `Bearer ${(await signIn(testApp.http, owner, clock)).accessToken}`;
  });
  afterAll(() => testApp.close());

  it('invites a new person by email; accepting creates their account and membership, and MFA set-up follows', async () => {
    const created = await invite({ email: ' Nina.New@Invitee.Example ', role: 'helpdesk', orgAccess: 'selected', orgIds: [orgs[1]!.publicId, orgs[0]!.publicId] }).expect(201);
    expect(created.body).toMatchObject({
      email: 'nina.new@invitee.example',
      role: 'helpdesk',
      orgAccess: 'selected',
      orgs: [{ orgId: orgs[0]!.publicId, name: 'Inv Org A' }, { orgId: orgs[1]!.publicId, name: 'Inv Org B' }],
      status: 'pending',
      invitedBy: owner.email,
      sentCount: 1,
    });
    expect(new Date(created.body.expiresAt).getTime()).toBe(clock.now().getTime() + SEVEN_DAYS);

    const mails = await outboxTo(testApp.app, 'nina.new@invitee.example');
    expect(mails).toHaveLength(1);
    expect(mails[0]!.subject).toBe('Join Invite Partner in the Multi-Tenant Portal');
    expect(mails[0]!.textBody).toContain('https://portal.example.com/accept-invitation?token=');
    expect(mails[0]!.textBody).toContain(owner.email);
    const token = invitationTokenIn(mails[0]!.textBody);

    const preview = await lookup(token).expect(200);
    expect(preview.body).toEqual({ partnerName: 'Invite Partner', email: 'nina.new@invitee.example', role: 'helpdesk', expiresAt: created.body.expiresAt, accountExists: false });

    const step = await accept({ token, password: NEW_PASSWORD, name: 'Nina New' }).expect(200);
    expect(step.body).toMatchObject({ status: 'mfa_enrollment_required', enrollmentToken: expect.any(String), expiresIn: expect.any(Number) });
    const [account] = await accountsWith('nina.new@invitee.example');
    expect(await membershipsOf(testApp.app, account!.id)).toEqual([{ partnerId: partner.id, role: 'helpdesk', orgAccess: 'selected', status: 'active' }]);
    expect(await listed(created.body.id)).toMatchObject({ status: 'accepted' });

    // After setting up MFA she works in the partner, within the two orgs she was given.
    const ninaAuth = `Bearer ${await completeEnrollment(testApp.http, step.body.enrollmentToken, clock)}`;
    const page = await testApp.http.get('/api/v1/partner/orgs').set('authorization', ninaAuth).expect(200);
    expect(page.body.items.map((org: { name: string }) => org.name)).toEqual(['Inv Org A', 'Inv Org B']);
    const admins = await testApp.http.get('/api/v1/partner/admins').set('authorization', ownerAuth).expect(200);
    expect(admins.body.find((admin: { administratorId: string }) => admin.administratorId === account!.id)).toMatchObject({ name: 'Nina New', role: 'helpdesk' });

    // The link works once.
    expect((await accept({ token, password: NEW_PASSWORD, name: 'Nina New' }).expect(410)).body.code).toBe('invitations.used');
    expect((await lookup(token).expect(410)).body.code).toBe('invitations.used');
    const resend = await testApp.http.post(`/api/v1/partner/invitations/${created.body.id}/resend`).set('authorization', ownerAuth).expect(409);
    expect(resend.body.code).toBe('partners.invitation_accepted');

    const actions = (await db.getRepository(AuditEvent).find({ where: { partnerId: partner.id, targetId: created.body.id }, order: { id: 'ASC' } })).map((event) => event.action);
    expect(actions).toEqual(['partners.invitation.created', 'partners.invitation.accepted']);
  });

  it('answers 404 to a token that was never issued, and 400 to no token at all', async () => {
    expect((await lookup('not-a-real-token').expect(404)).body.code).toBe('invitations.not_found');
    expect((await accept({ token: 'not-a-real-token', password: NEW_PASSWORD, name: 'X' }).expect(404)).body.code).toBe('invitations.not_found');
    expect((await lookup('').expect(400)).body.code).toBe('request.validation_failed');
  });

  it('expires a link after seven days; a resend gives a new link, and the old one stops working', async () => {
    const invitation = await inviteOk('late@invitee.example');
    const oldToken = await latestInvitationToken(testApp.app, 'late@invitee.example');

    clock.advance(SEVEN_DAYS - 60_000);
    await lookup(oldToken).expect(200);
    clock.advance(2 * 60_000);
    expect((await lookup(oldToken).expect(410)).body.code).toBe('invitations.expired');
    expect((await accept({ token: oldToken, password: NEW_PASSWORD, name: 'Late Comer' }).expect(410)).body.code).toBe('invitations.expired');
    expect(await accountsWith('late@invitee.example')).toEqual([]);
    expect(await listed(invitation.id)).toMatchObject({ status: 'expired' });

    const resent = await testApp.http.post(`/api/v1/partner/invitations/${invitation.id}/resend`).set('authorization', ownerAuth).expect(200);
    expect(resent.body).toMatchObject({ id: invitation.id, status: 'pending', sentCount: 2 });
    expect(new Date(resent.body.expiresAt).getTime()).toBe(clock.now().getTime() + SEVEN_DAYS);
    expect(await outboxTo(testApp.app, 'late@invitee.example')).toHaveLength(2);
    const newToken = await latestInvitationToken(testApp.app, 'late@invitee.example');
    expect(newToken).not.toBe(oldToken);

    expect((await lookup(oldToken).expect(404)).body.code).toBe('invitations.not_found');
    await lookup(newToken).expect(200);
    expect((await accept({ token: newToken, password: NEW_PASSWORD, name: 'Late Comer' }).expect(200)).body.status).toBe('mfa_enrollment_required');
  });

  it('replaces an open invitation when the same address is invited again: only the newest link works', async () => {
    const first = await inviteOk('twice@invitee.example');
    const firstToken = await latestInvitationToken(testApp.app, 'twice@invitee.example');
    const second = await inviteOk('twice@invitee.example', { role: 'manager', orgAccess: 'all' });
    const secondToken = await latestInvitationToken(testApp.app, 'twice@invitee.example');
    expect((await lookup(firstToken).expect(410)).body.code).toBe('invitations.revoked');
    expect((await lookup(secondToken).expect(200)).body.role).toBe('manager');
    expect(await listed(first.id)).toMatchObject({ status: 'revoked' });
    expect(await listed(second.id)).toMatchObject({ status: 'pending' });
  });

  it('answers a double click on Invite with one open invitation, whose link is the only one that works', async () => {
    const answers = await Promise.all([0, 1, 2].map(() => invite({ email: 'double@invitee.example', role: 'readonly', orgAccess: 'all' })));
    expect(answers.map((answer) => answer.status)).toEqual([201, 201, 201]);
    const rows: { status: string }[] = (await testApp.http.get('/api/v1/partner/invitations').set('authorization', ownerAuth).expect(200)).body.filter(
      (row: { email: string }) => row.email === 'double@invitee.example',
    );
    expect(rows.map((row) => row.status).sort()).toEqual(['pending', 'revoked', 'revoked']);
    const tokens = (await outboxTo(testApp.app, 'double@invitee.example')).map((mail) => invitationTokenIn(mail.textBody));
    expect((await Promise.all(tokens.map(async (token) => (await lookup(token)).status))).sort()).toEqual([200, 410, 410]);
    // The link of the last email sent is the one that works.
    await lookup(tokens[tokens.length - 1]!).expect(200);
  });

  it('gives an owner every org, and refuses selected access without orgs', async () => {
    const asOwner = await invite({ email: 'co.owner@invitee.example', role: 'owner', orgAccess: 'selected', orgIds: [orgs[0]!.publicId] }).expect(201);
    expect(asOwner.body).toMatchObject({ role: 'owner', orgAccess: 'all', orgs: [] });
    const none = await invite({ email: 'nothing@invitee.example', role: 'helpdesk', orgAccess: 'selected', orgIds: [] }).expect(400);
    expect(none.body.errors.map((error: { field: string }) => error.field)).toEqual(['orgIds']);
    expect(await outboxTo(testApp.app, 'nothing@invitee.example')).toEqual([]);
  });

  it('revokes an invitation: its link is refused as revoked, and it cannot be revoked or re-sent again', async () => {
    const invitation = await inviteOk('withdrawn@invitee.example');
    const token = await latestInvitationToken(testApp.app, 'withdrawn@invitee.example');
    await testApp.http.delete(`/api/v1/partner/invitations/${invitation.id}`).set('authorization', ownerAuth).expect(204);

    expect((await lookup(token).expect(410)).body.code).toBe('invitations.revoked');
    expect((await accept({ token, password: NEW_PASSWORD, name: 'Withdrawn' }).expect(410)).body.code).toBe('invitations.revoked');
    expect(await accountsWith('withdrawn@invitee.example')).toEqual([]);
    expect(await listed(invitation.id)).toMatchObject({ status: 'revoked' });
    expect((await testApp.http.delete(`/api/v1/partner/invitations/${invitation.id}`).set('authorization', ownerAuth).expect(409)).body.code).toBe('partners.invitation_revoked');
    expect((await testApp.http.post(`/api/v1/partner/invitations/${invitation.id}/resend`).set('authorization', ownerAuth).expect(409)).body.code).toBe('partners.invitation_revoked');
    expect(await outboxTo(testApp.app, 'withdrawn@invitee.example')).toHaveLength(1);
  });

  it('lets exactly one of five simultaneous acceptances of one link through, making one account and one membership', async () => {
    await inviteOk('race@invitee.example', { role: 'manager', orgAccess: 'all' });
    const token = await latestInvitationToken(testApp.app, 'race@invitee.example');
    const answers = await Promise.all(Array.from({ length: 5 }, () => accept({ token, password: NEW_PASSWORD, name: 'Racer' })));

    expect(answers.filter((answer) => answer.status === 200)).toHaveLength(1);
    for (const refused of answers.filter((answer) => answer.status !== 200)) {
      expect([refused.status, refused.body.code]).toEqual([410, 'invitations.used']);
    }
    const accounts = await accountsWith('race@invitee.example');
    expect(accounts).toHaveLength(1);
    expect(await membershipsOf(testApp.app, accounts[0]!.id)).toEqual([{ partnerId: partner.id, role: 'manager', orgAccess: 'all', status: 'active' }]);
  });

  it('asks an existing account for its own password: a wrong one joins nothing, the right one leads to the MFA step', async () => {
    const existing = await createAdministrator(testApp.app, clock);
    const invitation = await inviteOk(existing.email.toUpperCase(), { role: 'admin', orgAccess: 'all' });
    const token = await latestInvitationToken(testApp.app, existing.email);
    expect((await lookup(token).expect(200)).body).toMatchObject({ email: existing.email, role: 'admin', accountExists: true });

    const wrong = await accept({ token, password: 'not the password at all' }).expect(401);
    expect(wrong.body.code).toBe('auth.invalid_credentials');
    expect(await membershipsOf(testApp.app, existing.id)).toEqual([]);
    expect(await listed(invitation.id)).toMatchObject({ status: 'pending' });

    const step = await accept({ token, password: existing.password }).expect(200);
    expect(step.body).toMatchObject({ status: 'mfa_required', challengeToken: expect.any(String) });
    expect(await membershipsOf(testApp.app, existing.id)).toEqual([{ partnerId: partner.id, role: 'admin', orgAccess: 'all', status: 'active' }]);

    const session = await testApp.http.post('/api/v1/auth/mfa').send({ challengeToken: step.body.challengeToken, code: currentCode(existing, clock) }).expect(200);
    const me = await testApp.http.get('/api/v1/me').set('authorization', `Bearer ${session.body.accessToken}`).expect(200);
    expect(me.body.partnerMemberships).toEqual([{ partnerId: partner.id, partnerName: 'Invite Partner', role: 'admin' }]);
    // The name of the existing account stays as it was.
    expect((await db.query('SELECT name FROM administrators WHERE id = $1', [existing.id]))[0].name).toMatch(/^Admin \d+$/);
  });

  it('lets an account that never chose a password (invited to an org) choose one by accepting', async () => {
    const pending = await testApp.app.get(AdministratorsService).create({ email: 'org.invitee@invitee.example', name: 'Org Invitee' });
    await inviteOk('org.invitee@invitee.example');
    const token = await latestInvitationToken(testApp.app, 'org.invitee@invitee.example');
    expect((await lookup(token).expect(200)).body.accountExists).toBe(false);
    expect((await accept({ token, password: NEW_PASSWORD }).expect(200)).body.status).toBe('mfa_enrollment_required');
    expect(await membershipsOf(testApp.app, pending.id)).toHaveLength(1);
    expect(await accountsWith('org.invitee@invitee.example')).toHaveLength(1);
    await testApp.http.post('/api/v1/auth/login').send({ email: 'org.invitee@invitee.example', password: NEW_PASSWORD }).expect(200);
  });

  it('refuses to invite an admin of another partner or a current member, and sends nothing', async () => {
    const elsewhere = await createPartner(testApp.app, { name: 'Rival Partner' });
    const rivalAdmin = await createPartnerAdmin(testApp.app, clock, elsewhere.id, { role: 'readonly' });
    const other = await invite({ email: rivalAdmin.email, role: 'readonly', orgAccess: 'all' }).expect(409);
    expect(other.body.code).toBe('partners.other_partner');
    const member = await invite({ email: owner.email, role: 'readonly', orgAccess: 'all' }).expect(409);
    expect(member.body.code).toBe('partners.admin_exists');

    expect(await outboxTo(testApp.app, rivalAdmin.email)).toEqual([]);
    expect(await outboxTo(testApp.app, owner.email)).toEqual([]);
    expect(await db.query('SELECT id FROM partner_invitations WHERE email = ANY($1)', [[rivalAdmin.email, owner.email]])).toEqual([]);
  });

  it('refuses to accept for someone who joined another partner since the invitation, and keeps it open', async () => {
    const existing = await createAdministrator(testApp.app, clock);
    const invitation = await inviteOk(existing.email);
    const token = await latestInvitationToken(testApp.app, existing.email);
    const elsewhere = await createPartner(testApp.app, { name: 'Faster Partner' });
    await addPartnerMember(testApp.app, elsewhere.id, existing.id, { role: 'owner' });

    expect((await accept({ token, password: existing.password }).expect(409)).body.code).toBe('partners.other_partner');
    expect(await membershipsOf(testApp.app, existing.id)).toEqual([{ partnerId: elsewhere.id, role: 'owner', orgAccess: 'all', status: 'active' }]);
    expect(await listed(invitation.id)).toMatchObject({ status: 'pending' });
  });

  it('lets one new address accept invitations of two partners at once into one of them only', async () => {
    const elsewhere = await createPartner(testApp.app, { name: 'Parallel Partner' });
    const elsewhereOwner = await createPartnerAdmin(testApp.app, clock, elsewhere.id, { role: 'owner' });
    clock.advance(30_000);
    const elsewhereAuth = `Bearer ${(await signIn(testApp.http, elsewhereOwner, clock)).accessToken}`;
    await inviteOk('torn@invitee.example');
    const ours = await latestInvitationToken(testApp.app, 'torn@invitee.example');
    await testApp.http.post('/api/v1/partner/invitations').set('authorization', elsewhereAuth).send({ email: 'torn@invitee.example', role: 'readonly', orgAccess: 'all' }).expect(201);
    const theirs = await latestInvitationToken(testApp.app, 'torn@invitee.example');

    const answers = await Promise.all([ours, theirs].map((token) => accept({ token, password: NEW_PASSWORD, name: 'Torn' })));
    expect(answers.map((answer) => answer.status).sort()).toEqual([200, 409]);
    expect(answers.find((answer) => answer.status === 409)!.body.code).toBe('partners.other_partner');
    const accounts = await accountsWith('torn@invitee.example');
    expect(accounts).toHaveLength(1);
    expect(await membershipsOf(testApp.app, accounts[0]!.id)).toHaveLength(1);
  });

  it('refuses a weak password or a missing name for a new account, and creates nothing', async () => {
    await inviteOk('careful@invitee.example');
    const token = await latestInvitationToken(testApp.app, 'careful@invitee.example');

    const weak = await accept({ token, password: 'short', name: 'Careful' }).expect(400);
    expect(weak.body.code).toBe('auth.password_too_short');
    const nameless = await accept({ token, password: NEW_PASSWORD }).expect(400);
    expect(nameless.body.code).toBe('request.validation_failed');
    expect(nameless.body.errors.map((error: { field: string }) => error.field)).toEqual(['name']);
    const blank = await accept({ token, password: NEW_PASSWORD, name: '   ' }).expect(400);
    expect(blank.body.errors.map((error: { field: string }) => error.field)).toEqual(['name']);

    expect(await accountsWith('careful@invitee.example')).toEqual([]);
    expect((await lookup(token).expect(200)).body.accountExists).toBe(false);
    // Still usable once the form is right.
    await accept({ token, password: NEW_PASSWORD, name: 'Careful' }).expect(200);
  });
});
