import request from 'supertest';
import type TestAgent from 'supertest/lib/agent.js';
import { DataSource } from 'typeorm';
import { totpCodeAt } from '../src/identity/mfa/totp.js';
import { StaffService } from '../src/identity/staff.service.js';
import { PartnerAdminsService } from '../src/partners/admins/partner-admins.service.js';
import { ApplicationsService } from '../src/partners/applications/applications.service.js';
import { SYSTEM_ACTOR } from '../src/partners/partner-actor.js';
import { PartnersService } from '../src/partners/partners.service.js';
import { FakeClock } from './support/fake-clock.js';
import { createAdministrator } from './support/identity-fixtures.js';
import { createOrg } from './support/org-fixtures.js';
import { signIn } from './support/sign-in.js';
import { createTestApp, type TestApp } from './support/test-app.js';

/** What AdminJS's JSON API answers an action: what staff would see. */
type RecordJson = { id: string; params: Record<string, unknown>; errors: Record<string, { message: string }>; recordActions: { name: string }[] };
type ActionBody = { notice?: { message: string; type: string }; redirectUrl?: string; record: RecordJson; records?: RecordJson[] };

describe('the back-office for partners', () => {
  const clock = new FakeClock();
  const staff = { email: 'ops@platform.example', name: 'Olga Ops', password: 'correct horse battery staple' };
  let testApp: TestApp;
  let db: DataSource;
  let browser: TestAgent;
  let staffId: string;

  const newRecord = async (resource: string, fields: Record<string, string>): Promise<ActionBody> =>
    (await browser.post(`/admin/api/resources/${resource}/actions/new`).type('form').send(fields).expect(200)).body;
  const recordAction = async (resource: string, id: string, action: string): Promise<ActionBody> =>
    (await browser.post(`/admin/api/resources/${resource}/records/${id}/${action}`).expect(200)).body;
  const list = async (resource: string, query: Record<string, string> = {}): Promise<ActionBody> =>
    (await browser.get(`/admin/api/resources/${resource}/actions/list`).query(query).expect(200)).body;
  const rows = (sql: string, ...params: unknown[]) => db.query(sql, params);
  const mailsTo = (recipient: string) => rows(`SELECT template FROM mail_outbox WHERE recipient = $1 ORDER BY created_at`, recipient);
  const auditOf = (action: string) => rows(`SELECT actor_type, actor_id, actor_label, ip, partner_id FROM audit_events WHERE action = $1`, action);
  const actionNames = (record: RecordJson) => record.recordActions.map((action) => action.name).sort();

  const newApplication = async (company: string, email: string) => {
    await testApp.app.get(ApplicationsService).submit({ kind: 'partner', company, contactName: 'Ann Applicant', email }, { ip: '203.0.113.9', userAgent: null, requestId: null });
    return (await rows(`SELECT id FROM partner_applications WHERE email = $1`, email))[0].id as string;
  };
  const partnerWithOwner = async (name: string) => {
    const owner = await createAdministrator(testApp.app, clock);
    const partner = await testApp.app.get(PartnersService).create(db.manager, { name, kind: 'msp' }, SYSTEM_ACTOR);
    await db.transaction((manager) => testApp.app.get(PartnerAdminsService).addMember(manager, partner.id, owner.id, { role: 'owner', orgAccess: 'all', orgs: [] }, null));
    return { partner, owner };
  };

  beforeAll(async () => {
    testApp = await createTestApp({ clock });
    db = testApp.app.get(DataSource);
    staffId = (await testApp.app.get(StaffService).create(staff)).id;
    browser = request.agent(testApp.app.getHttpServer());
    const password = await browser.post('/admin/login').type('form').send({ email: staff.email, password: staff.password }).expect(200);
    const secret = /data-testid="totp-secret">([A-Z2-7]+)</.exec(password.text)![1]!;
    await browser.post('/admin/login/enroll').type('form').send({ code: totpCodeAt(secret, clock.now()) }).expect(200);
  });
  afterAll(() => testApp.close());

  it('approves an application once: the partner is created, its owner invited by email, and staff audited', async () => {
    const id = await newApplication('Contoso IT', 'ann@contoso.example');
    expect(actionNames((await list('PartnerApplication', { 'filters.status': 'new' })).records![0]!)).toEqual(['approve', 'reject', 'show']);

    const approved = await recordAction('PartnerApplication', id, 'approve');
    expect(approved.notice).toEqual({ type: 'success', message: 'Partner Contoso IT created; ann@contoso.example was invited as its owner' });
    const [partner] = await rows(`SELECT id, status FROM partners WHERE name = 'Contoso IT'`);
    expect(approved.redirectUrl).toBe(`/admin/resources/Partner/records/${partner.id}/show`);
    expect(approved.record.params).toMatchObject({ status: 'approved', partnerId: partner.id, handledBy: staffId });
    expect(actionNames(approved.record)).toEqual(['show']);
    expect(await mailsTo('ann@contoso.example')).toEqual([{ template: 'application-received' }, { template: 'partner-invitation' }]);
    for (const action of ['partners.created', 'partners.invitation.created', 'partners.application.approved']) {
      expect(await auditOf(action)).toEqual([{ actor_type: 'staff', actor_id: staffId, actor_label: staff.email, ip: expect.any(String), partner_id: partner.id }]);
    }

    const again = await recordAction('PartnerApplication', id, 'approve');
    expect(again.notice).toEqual({ type: 'error', message: 'This application was already approved' });
    expect(await rows(`SELECT id FROM partners WHERE name = 'Contoso IT'`)).toHaveLength(1);
    expect(await mailsTo('ann@contoso.example')).toHaveLength(2);
  });

  it('rejects an application without creating anything', async () => {
    const id = await newApplication('Fabrikam', 'bo@fabrikam.example');
    expect((await recordAction('PartnerApplication', id, 'reject')).notice).toEqual({ type: 'success', message: 'Application rejected' });
    expect(await rows(`SELECT status, handled_by FROM partner_applications WHERE id = $1`, id)).toEqual([{ status: 'rejected', handled_by: staffId }]);
    expect(await rows(`SELECT id FROM partners WHERE name = 'Fabrikam'`)).toEqual([]);
  });

  it('creates a partner with its owner invited, and explains a form it cannot accept', async () => {
    const refused = await newRecord('Partner', { name: 'Tailspin', kind: 'reseller', ownerEmail: 'not an email' });
    expect(refused.notice?.type).toBe('error');
    expect(refused.record.errors).toEqual({ kind: expect.objectContaining({ message: 'Kind is one of msp, enterprise' }), ownerEmail: expect.objectContaining({ message: 'Enter a valid email address' }) });
    expect(await rows(`SELECT id FROM partners WHERE name = 'Tailspin'`)).toEqual([]);

    const created = await newRecord('Partner', { name: ' Tailspin ', kind: 'enterprise', ownerEmail: 'Owner@Tailspin.example' });
    expect(created.notice).toEqual({ type: 'success', message: 'Partner Tailspin created; owner@tailspin.example was invited as its owner' });
    expect(created.redirectUrl).toBe(`/admin/resources/Partner/records/${created.record.id}/show`);
    expect(created.record.params).toMatchObject({ name: 'Tailspin', kind: 'enterprise', status: 'active' });
    expect(await rows(`SELECT role, invited_by_type FROM partner_invitations WHERE partner_id = $1`, created.record.id)).toEqual([{ role: 'owner', invited_by_type: 'staff' }]);
    expect(await mailsTo('owner@tailspin.example')).toEqual([{ template: 'partner-invitation' }]);
  });

  it('invites, re-sends and revokes invitations, and never shows a token hash', async () => {
    const { partner } = await partnerWithOwner('Northwind');
    const invited = await newRecord('PartnerInvitation', { partnerId: partner.id, email: 'Tech@Northwind.example', role: 'helpdesk' });
    expect(invited.notice).toEqual({ type: 'success', message: 'tech@northwind.example was invited to Northwind as helpdesk' });
    const id = invited.record.id;
    expect(invited.record.params).toMatchObject({ email: 'tech@northwind.example', role: 'helpdesk', orgAccess: 'all', invitedByType: 'staff' });

    const listed = await list('PartnerInvitation', { 'filters.partnerId': partner.id });
    expect(listed.records!.map((record) => [record.params.email, record.params.status])).toEqual([['tech@northwind.example', 'pending']]);
    expect(JSON.stringify(listed).toLowerCase()).not.toMatch(/token/);

    // A link from another site is a GET navigation carrying the session cookie: it changes nothing.
    const crossSite = await browser.get(`/admin/api/resources/PartnerInvitation/records/${id}/resend`).set('sec-fetch-site', 'cross-site').set('sec-fetch-mode', 'navigate').expect(200);
    expect(crossSite.body.notice.type).toBe('error');
    expect(await mailsTo('tech@northwind.example')).toHaveLength(1);

    // AdminJS's own button: a GET from its script on the same origin.
    const resent = (await browser.get(`/admin/api/resources/PartnerInvitation/records/${id}/resend`).set('sec-fetch-site', 'same-origin').set('sec-fetch-mode', 'cors').expect(200)).body as ActionBody;
    expect(resent.notice?.type).toBe('success');
    expect(resent.record.params).toMatchObject({ sentCount: 2, status: 'pending' });
    expect(await mailsTo('tech@northwind.example')).toHaveLength(2);

    const revoked = await recordAction('PartnerInvitation', id, 'revoke');
    expect(revoked.notice).toEqual({ type: 'success', message: 'The invitation of tech@northwind.example was revoked' });
    expect(revoked.record.params.status).toBe('revoked');
    expect(actionNames(revoked.record)).toEqual(['show']);
    expect((await recordAction('PartnerInvitation', id, 'revoke')).notice).toEqual({ type: 'error', message: 'This invitation was revoked; nothing to do' });
    expect(await auditOf('partners.invitation.revoked')).toEqual([expect.objectContaining({ actor_type: 'staff', actor_id: staffId })]);

    const badRole = await newRecord('PartnerInvitation', { partnerId: partner.id, email: 'x@y.example', role: 'king' });
    expect(badRole.record.errors.role?.message).toBe('Role is one of owner, admin, manager, helpdesk, readonly');
  });

  it('suspends a partner, whose admins are then refused, and reactivates it', async () => {
    const { partner, owner } = await partnerWithOwner('Adatum');
    const { accessToken } = await signIn(testApp.http, owner, clock);
    const settings = () => testApp.http.get('/api/v1/partner/settings').set('authorization', `Bearer ${accessToken}`);
    await settings().expect(200);

    const suspended = await recordAction('Partner', partner.id, 'suspend');
    expect(suspended.notice).toEqual({ type: 'success', message: 'Partner suspended; its admins can no longer use the portal' });
    expect(actionNames(suspended.record)).toEqual(['reactivate', 'show']);
    expect((await settings().expect(403)).body.code).toBe('partners.suspended');

    const reactivated = await recordAction('Partner', partner.id, 'reactivate');
    expect(reactivated.record.params.status).toBe('active');
    await settings().expect(200);
    expect(await auditOf('partners.suspended')).toEqual([expect.objectContaining({ actor_type: 'staff', partner_id: partner.id })]);
    expect(await auditOf('partners.reactivated')).toEqual([expect.objectContaining({ actor_type: 'staff', partner_id: partner.id })]);

    const admins = await list('PartnerAdmin', { 'filters.partnerId': partner.id });
    expect(admins.records!.map((record) => [record.id, record.params.email, record.params.role])).toEqual([[owner.id, owner.email, 'owner']]);
    const shown = (await browser.get(`/admin/api/resources/PartnerAdmin/records/${owner.id}/show`).expect(200)).body as ActionBody;
    expect(shown.record.params).toMatchObject({ administratorId: owner.id, partnerId: partner.id, email: owner.email });
  });

  it('attaches an organization by its OrgID, once', async () => {
    const { partner, owner } = await partnerWithOwner('Litware');
    const org = await createOrg(testApp.app, 'Litware Customer', [owner.id]);
    const attached = await newRecord('PartnerAssociation', { partnerId: partner.id, orgPublicId: org.publicId.toUpperCase() });
    expect(attached.notice).toEqual({ type: 'success', message: `Organization ${org.publicId} is now managed by Litware` });
    expect(attached.record.params).toMatchObject({ partnerId: partner.id, orgId: org.id, status: 'active', source: 'staff', createdByType: 'staff' });
    expect(await auditOf('partners.org.attached')).toEqual([expect.objectContaining({ actor_type: 'staff', partner_id: partner.id })]);

    const again = await newRecord('PartnerAssociation', { partnerId: partner.id, orgPublicId: org.publicId });
    expect(again.notice).toEqual({ type: 'error', message: 'This organization is already managed by this partner' });
    const unknown = await newRecord('PartnerAssociation', { partnerId: partner.id, orgPublicId: 'f'.repeat(24) });
    expect(unknown.notice).toEqual({ type: 'error', message: 'There is no organization with this OrgID' });
    expect((await newRecord('PartnerAssociation', { partnerId: partner.id, orgPublicId: 'nope' })).record.errors.orgPublicId).toBeDefined();
    expect(await rows(`SELECT id FROM partner_associations WHERE org_id = $1`, org.id)).toHaveLength(1);
  });

  it('shows the audit trail newest first, and lets nobody create, edit or delete in it', async () => {
    const page = await list('AuditEvent', { perPage: '5' });
    expect(page.records).toHaveLength(5);
    const times = page.records!.map((record) => new Date(String(record.params.occurredAt)).getTime());
    expect(times).toEqual([...times].sort((a, b) => b - a));
    expect(page.records!.every((record) => actionNames(record).join() === 'show')).toBe(true);

    const [{ count }] = await rows(`SELECT count(*)::int AS count FROM audit_events`);
    const id = page.records![0]!.id;
    for (const attempt of [
      browser.post(`/admin/api/resources/AuditEvent/records/${id}/edit`).type('form').send({ action: 'forged' }),
      browser.post(`/admin/api/resources/AuditEvent/records/${id}/delete`),
      browser.post('/admin/api/resources/AuditEvent/actions/new').type('form').send({ action: 'forged', actorType: 'system', outcome: 'success' }),
    ]) {
      expect((await attempt).body.record.baseError).toEqual({ message: 'forbiddenError', type: 'ForbiddenError' });
    }
    expect(await rows(`SELECT count(*)::int AS count FROM audit_events`)).toEqual([{ count }]);
  });

  it('lists every resource, pages and forms included', async () => {
    await browser.get('/admin').expect(200);
    for (const resource of ['PartnerApplication', 'Partner', 'PartnerInvitation', 'PartnerAdmin', 'PartnerAssociation', 'Organization', 'StaffUser', 'AuditEvent']) {
      const page = await list(resource, { perPage: '2' });
      expect([resource, page.notice]).toEqual([resource, undefined]);
      if (page.records![0]) await browser.get(`/admin/api/resources/${resource}/records/${page.records![0].id}/show`).expect(200);
    }
    const form = (await browser.get('/admin/api/resources/Partner/actions/new').expect(200)).body as ActionBody;
    expect(form.record.params).toEqual({});
  });
});
