import { DataSource } from 'typeorm';
import { AuditEvent } from '../src/audit/audit-event.entity.js';
import type { Partner } from '../src/partners/partner.entity.js';
import { FakeClock } from './support/fake-clock.js';
import type { TestAdministrator } from './support/identity-fixtures.js';
import { createOrg, type TestOrg } from './support/org-factory.js';
import { createPartner, createPartnerAdmin, membershipsOf } from './support/partner-fixtures.js';
import { signIn } from './support/sign-in.js';
import { createTestApp, type TestApp } from './support/test-app.js';

interface OrgItem {
  orgId: string;
  name: string;
}
interface AdminItem {
  administratorId: string;
  role: string;
  orgAccess: string;
  orgs: OrgItem[];
  status: string;
}

describe('a partner’s orgs and admins', () => {
  const clock = new FakeClock();
  let testApp: TestApp;
  let db: DataSource;
  let partner: Partner;
  /** The partner's portfolio, in name order. */
  let portfolio: TestOrg[];
  let unassociated: TestOrg;
  let othersOrg: TestOrg;
  let owner: TestAdministrator;
  let limited: TestAdministrator;
  let ownerAuth: string;
  let limitedAuth: string;

  const bearer = async (administrator: TestAdministrator) => `Bearer ${(await signIn(testApp.http, administrator, clock)).accessToken}`;
  const orgsPage = (token: string, query: Record<string, string | number> = {}) => testApp.http.get('/api/v1/partner/orgs').query(query).set('authorization', token);
  const orgNames = async (token: string, query: Record<string, string | number> = {}) => ((await orgsPage(token, query).expect(200)).body.items as OrgItem[]).map((org) => org.name);
  const adminsAs = async (token: string): Promise<AdminItem[]> => (await testApp.http.get('/api/v1/partner/admins').set('authorization', token).expect(200)).body;
  const adminIn = async (token: string, id: string) => (await adminsAs(token)).find((admin) => admin.administratorId === id);
  const patchAdmin = (token: string, id: string, body: object) => testApp.http.patch(`/api/v1/partner/admins/${id}`).set('authorization', token).send(body);
  const byName = (name: string) => portfolio.find((org) => org.name === name)!;

  beforeAll(async () => {
    testApp = await createTestApp({ clock, env: { MAIL_POLL_INTERVAL_MS: '0' } });
    db = testApp.app.get(DataSource);
    portfolio = [
      // Alpha's figures are checked below: 4 users (2 with MFA, 1 suspended, 1 locked out) and 3 systems.
      await createOrg(db, { name: 'Alpha Dental', users: [{ mfa: true }, { mfa: true }, { state: 'suspended' }, { locked: true }], systems: 3 }),
      await createOrg(db, { name: 'Bravo Legal', users: 2 }),
      await createOrg(db, { name: 'Charlie Retail', users: 1 }),
      await createOrg(db, { name: 'Delta Clinic' }),
      await createOrg(db, { name: 'Echo Design', users: 5 }),
      await createOrg(db, { name: 'Foxtrot Labs' }),
    ];
    unassociated = await createOrg(db, { name: 'Golf Unassociated' });
    othersOrg = await createOrg(db, { name: 'Hotel Elsewhere' });
    partner = await createPartner(testApp.app, { name: 'Portfolio Partner', orgs: portfolio });
    await createPartner(testApp.app, { name: 'Another Partner', orgs: [othersOrg] });
    owner = await createPartnerAdmin(testApp.app, clock, partner.id, { role: 'owner' });
    limited = await createPartnerAdmin(testApp.app, clock, partner.id, {
      role: 'helpdesk',
      orgAccess: 'selected',
      orgs: ['Alpha Dental', 'Charlie Retail', 'Echo Design'].map(byName),
    });
    // One org admin for Alpha, so that its admin figure is not zero.
    await db.query('INSERT INTO org_admins (org_id, administrator_id) VALUES ($1, $2)', [byName('Alpha Dental').id, owner.id]);
    ownerAuth = await bearer(owner);
    limitedAuth = await bearer(limited);
  });
  afterAll(() => testApp.close());

  describe('org access scoping', () => {
    it('shows an admin limited to 3 orgs exactly those 3, and an owner the whole portfolio and nothing else', async () => {
      const page = await orgsPage(limitedAuth).expect(200);
      expect(page.body.total).toBe(3);
      expect(page.body.items.map((org: OrgItem) => org.name)).toEqual(['Alpha Dental', 'Charlie Retail', 'Echo Design']);
      expect(page.body.items.map((org: OrgItem) => org.orgId)).toEqual(['Alpha Dental', 'Charlie Retail', 'Echo Design'].map((name) => byName(name).publicId));

      const all = await orgsPage(ownerAuth).expect(200);
      expect(all.body).toMatchObject({ total: 6, limit: 25, nextCursor: null });
      expect(all.body.items.map((org: OrgItem) => org.name)).toEqual(portfolio.map((org) => org.name));
    });

    it('shows each org’s figures as the org’s stats hold them', async () => {
      const [alpha] = (await orgsPage(limitedAuth, { search: 'alpha' }).expect(200)).body.items;
      expect(alpha).toEqual({
        orgId: byName('Alpha Dental').publicId,
        name: 'Alpha Dental',
        status: 'active',
        usersTotal: 4,
        usersActive: 3,
        usersSuspended: 1,
        usersStaged: 0,
        usersLockedOut: 1,
        systemsTotal: 3,
        systemsActive: 3,
        admins: 1,
        // Active users only: 2 of the 3 (the suspended one does not count).
        mfaCoveragePercent: 66.7,
        lastActivityAt: null,
      });
      const [stats] = await db.query('SELECT users_total, users_active, users_locked, systems_total, admins FROM org_stats WHERE org_id = $1', [byName('Alpha Dental').id]);
      expect(stats).toEqual({ users_total: 4, users_active: 3, users_locked: 1, systems_total: 3, admins: 1 });

      // Without users there is no coverage to speak of: null, not 0 %.
      const [foxtrot] = (await orgsPage(ownerAuth, { search: 'foxtrot' }).expect(200)).body.items;
      expect(foxtrot).toMatchObject({ usersTotal: 0, mfaCoveragePercent: null });
      const [echo] = (await orgsPage(ownerAuth, { search: 'echo' }).expect(200)).body.items;
      expect(echo).toMatchObject({ usersTotal: 5, usersActive: 5, mfaCoveragePercent: 0 });
    });

    it('searches by part of the name or by a whole OrgID, only within reach', async () => {
      expect(await orgNames(limitedAuth, { search: 'CHARL' })).toEqual(['Charlie Retail']);
      expect(await orgNames(limitedAuth, { search: byName('Echo Design').publicId.toUpperCase() })).toEqual(['Echo Design']);
      // Orgs out of this admin's reach are not found, by name or by OrgID.
      expect((await orgsPage(limitedAuth, { search: 'Bravo' }).expect(200)).body.total).toBe(0);
      expect((await orgsPage(limitedAuth, { search: byName('Bravo Legal').publicId }).expect(200)).body.total).toBe(0);
      expect((await orgsPage(ownerAuth, { search: unassociated.publicId }).expect(200)).body.total).toBe(0);
      expect((await orgsPage(ownerAuth, { search: 'Hotel' }).expect(200)).body.total).toBe(0);
      // Part of an OrgID is not an OrgID; and LIKE wildcards are matched literally.
      expect((await orgsPage(ownerAuth, { search: byName('Echo Design').publicId.slice(0, 12) }).expect(200)).body.total).toBe(0);
      expect((await orgsPage(ownerAuth, { search: '%' }).expect(200)).body.total).toBe(0);
      expect(await orgNames(ownerAuth, { search: 'l' })).toEqual(['Alpha Dental', 'Bravo Legal', 'Charlie Retail', 'Delta Clinic', 'Foxtrot Labs']);
    });

    it('pages by keyset, with the total of all matches on every page', async () => {
      const pages: string[][] = [];
      let cursor: string | null = null;
      do {
        const page: { body: { items: OrgItem[]; total: number; limit: number; nextCursor: string | null } } = await orgsPage(ownerAuth, { limit: 2, ...(cursor ? { cursor } : {}) }).expect(200);
        expect(page.body).toMatchObject({ total: 6, limit: 2 });
        pages.push(page.body.items.map((org) => org.name));
        cursor = page.body.nextCursor;
      } while (cursor);
      expect(pages).toEqual([['Alpha Dental', 'Bravo Legal'], ['Charlie Retail', 'Delta Clinic'], ['Echo Design', 'Foxtrot Labs']]);
      const limitedFirst = await orgsPage(limitedAuth, { limit: 2 }).expect(200);
      expect(limitedFirst.body.items.map((org: OrgItem) => org.name)).toEqual(['Alpha Dental', 'Charlie Retail']);
      expect(await orgNames(limitedAuth, { limit: 2, cursor: limitedFirst.body.nextCursor })).toEqual(['Echo Design']);
      for (const limit of [0, 101]) {
        expect((await orgsPage(ownerAuth, { limit }).expect(400)).body.code).toBe('request.validation_failed');
      }
    });

    it('refuses to grant an org outside the portfolio (unassociated or another partner’s), and changes nothing', async () => {
      for (const outsider of [unassociated, othersOrg]) {
        const refused = await patchAdmin(ownerAuth, limited.id, { orgAccess: 'selected', orgIds: [byName('Bravo Legal').publicId, outsider.publicId] }).expect(404);
        expect(refused.body.code).toBe('partners.org_not_found');
        expect(refused.body.detail).toContain(outsider.publicId);
        const invite = await testApp.http
          .post('/api/v1/partner/invitations')
          .set('authorization', ownerAuth)
          .send({ email: 'scoped@invitee.example', role: 'helpdesk', orgAccess: 'selected', orgIds: [outsider.publicId] })
          .expect(404);
        expect(invite.body.code).toBe('partners.org_not_found');
      }
      // An OrgID that exists nowhere is refused just the same.
      await patchAdmin(ownerAuth, limited.id, { orgAccess: 'selected', orgIds: ['ffffffffffffffffffffffff'] }).expect(404);

      expect(await orgNames(limitedAuth)).toEqual(['Alpha Dental', 'Charlie Retail', 'Echo Design']);
      expect((await adminIn(ownerAuth, limited.id))?.orgs.map((org) => org.name)).toEqual(['Alpha Dental', 'Charlie Retail', 'Echo Design']);
      expect(await db.query('SELECT id FROM partner_invitations WHERE email = $1', ['scoped@invitee.example'])).toEqual([]);
    });
  });

  describe('admin management', () => {
    it('changes an admin’s org access, which counts from their next request', async () => {
      const worker = await createPartnerAdmin(testApp.app, clock, partner.id, { role: 'readonly', orgAccess: 'selected', orgs: [byName('Delta Clinic')] });
      const workerAuth = await bearer(worker);
      expect(await orgNames(workerAuth)).toEqual(['Delta Clinic']);

      const narrowed = await patchAdmin(ownerAuth, worker.id, { role: 'manager', orgIds: [byName('Foxtrot Labs').publicId, byName('Bravo Legal').publicId] }).expect(200);
      expect(narrowed.body).toMatchObject({ role: 'manager', orgAccess: 'selected', orgs: [{ orgId: byName('Bravo Legal').publicId, name: 'Bravo Legal' }, { orgId: byName('Foxtrot Labs').publicId, name: 'Foxtrot Labs' }] });
      expect(await orgNames(workerAuth)).toEqual(['Bravo Legal', 'Foxtrot Labs']);

      const widened = await patchAdmin(ownerAuth, worker.id, { orgAccess: 'all' }).expect(200);
      expect(widened.body).toMatchObject({ orgAccess: 'all', orgs: [] });
      expect((await orgsPage(workerAuth).expect(200)).body.total).toBe(6);

      // Selected access needs at least one org; the refusal leaves the access as it was.
      const empty = await patchAdmin(ownerAuth, worker.id, { orgAccess: 'selected' }).expect(400);
      expect(empty.body.errors.map((error: { field: string }) => error.field)).toEqual(['orgIds']);
      expect((await orgsPage(workerAuth).expect(200)).body.total).toBe(6);
      await patchAdmin(ownerAuth, worker.id, { role: 'superuser' }).expect(400);
    });

    it('gives an owner every org, whatever access was asked for', async () => {
      const promoted = await createPartnerAdmin(testApp.app, clock, partner.id, { role: 'helpdesk', orgAccess: 'selected', orgs: [byName('Alpha Dental')] });
      const asOwner = await patchAdmin(ownerAuth, promoted.id, { role: 'owner' }).expect(200);
      expect(asOwner.body).toMatchObject({ role: 'owner', orgAccess: 'all', orgs: [] });
      const stillAll = await patchAdmin(ownerAuth, promoted.id, { orgAccess: 'selected', orgIds: [byName('Alpha Dental').publicId] }).expect(200);
      expect(stillAll.body).toMatchObject({ role: 'owner', orgAccess: 'all', orgs: [] });
      expect((await orgsPage(await bearer(promoted)).expect(200)).body.total).toBe(6);
      expect(await membershipsOf(testApp.app, promoted.id)).toEqual([{ partnerId: partner.id, role: 'owner', orgAccess: 'all', status: 'active' }]);
    });

    it('suspends and reactivates an admin, and removes one, each audited under the partner', async () => {
      const member = await createPartnerAdmin(testApp.app, clock, partner.id, { role: 'manager' });
      const memberAuth = await bearer(member);
      expect((await patchAdmin(ownerAuth, member.id, { status: 'suspended' }).expect(200)).body.status).toBe('suspended');
      expect((await adminIn(ownerAuth, member.id))?.status).toBe('suspended');
      expect((await patchAdmin(ownerAuth, member.id, { status: 'active' }).expect(200)).body.status).toBe('active');

      await testApp.http.delete(`/api/v1/partner/admins/${member.id}`).set('authorization', ownerAuth).expect(204);
      expect(await adminIn(ownerAuth, member.id)).toBeUndefined();
      expect(await membershipsOf(testApp.app, member.id)).toEqual([]);
      clock.advance(30_000);
      const removed = await testApp.http.get('/api/v1/partner/settings').set('authorization', await bearer(member)).expect(403);
      expect(removed.body.code).toBe('partners.not_member');
      // Suspension ended the first session; the removal is refused as not found the second time.
      await testApp.http.get('/api/v1/me').set('authorization', memberAuth).expect(401);
      expect((await testApp.http.delete(`/api/v1/partner/admins/${member.id}`).set('authorization', ownerAuth).expect(404)).body.code).toBe('partners.admin_not_found');

      const events = await db.getRepository(AuditEvent).find({ where: { partnerId: partner.id, targetId: member.id }, order: { id: 'ASC' } });
      expect(events.map((event) => [event.action, event.actorId])).toEqual([
        ['partners.admin.updated', owner.id],
        ['partners.admin.updated', owner.id],
        ['partners.admin.removed', owner.id],
      ]);
      expect(events[0]!.details).toMatchObject({ status: 'suspended', sessionsEnded: 1 });
    });
  });

  describe('a partner always keeps an active owner', () => {
    /** A partner of its own, so that these owners are the only ones. */
    async function partnerWithOwners(count: number) {
      const own = await createPartner(testApp.app);
      const owners: TestAdministrator[] = [];
      for (let index = 0; index < count; index += 1) owners.push(await createPartnerAdmin(testApp.app, clock, own.id, { role: 'owner' }));
      const tokens = [];
      for (const each of owners) tokens.push(await bearer(each));
      return { partner: own, owners, tokens };
    }
    const activeOwners = async (partnerId: string): Promise<string[]> =>
      (await db.query(`SELECT administrator_id FROM partner_admins WHERE partner_id = $1 AND role = 'owner' AND status = 'active'`, [partnerId])).map(
        (row: { administrator_id: string }) => row.administrator_id,
      );

    it('refuses to demote, suspend or remove the only active owner, and changes nothing', async () => {
      const { partner: own, owners, tokens } = await partnerWithOwners(1);
      const [only, token] = [owners[0]!, tokens[0]!];
      const helper = await createPartnerAdmin(testApp.app, clock, own.id, { role: 'admin' });

      for (const change of [{ role: 'admin' }, { role: 'readonly' }, { status: 'suspended' }, { role: 'owner', status: 'suspended' }]) {
        const refused = await patchAdmin(token, only.id, change).expect(409);
        expect([change, refused.body.code]).toEqual([change, 'partners.last_owner']);
      }
      expect((await testApp.http.delete(`/api/v1/partner/admins/${only.id}`).set('authorization', token).expect(409)).body.code).toBe('partners.last_owner');

      expect(await activeOwners(own.id)).toEqual([only.id]);
      // Not even the refused suspension ended the owner's session.
      await testApp.http.get('/api/v1/partner/settings').set('authorization', token).expect(200);
      expect(await db.getRepository(AuditEvent).findBy({ partnerId: own.id, action: 'partners.admin.updated' })).toEqual([]);

      // With a second active owner, the first may step down.
      await patchAdmin(token, helper.id, { role: 'owner' }).expect(200);
      await patchAdmin(token, only.id, { role: 'admin' }).expect(200);
      expect(await activeOwners(own.id)).toEqual([helper.id]);
    });

    it('does not count a suspended owner as the owner that remains', async () => {
      const { partner: own, owners, tokens } = await partnerWithOwners(2);
      await patchAdmin(tokens[0]!, owners[1]!.id, { status: 'suspended' }).expect(200);
      const refused = await patchAdmin(tokens[0]!, owners[0]!.id, { role: 'manager' }).expect(409);
      expect(refused.body.code).toBe('partners.last_owner');
      expect(await activeOwners(own.id)).toEqual([owners[0]!.id]);
    });

    it('keeps an owner when two owners demote each other, or themselves, at the same moment', async () => {
      for (let round = 0; round < 3; round += 1) {
        const crossed = await partnerWithOwners(2);
        const [a, b] = crossed.owners;
        const each = await Promise.all([patchAdmin(crossed.tokens[0]!, b!.id, { role: 'admin' }), patchAdmin(crossed.tokens[1]!, a!.id, { role: 'admin' })]);
        // The loser is refused as the last owner, or (if it arrived after the winner committed) as no longer an owner.
        expect(each.filter((response) => response.status === 200)).toHaveLength(1);
        expect(each.filter((response) => response.status !== 200).map((response) => response.body.code)).toEqual([expect.stringMatching(/^partners\.(last_owner|forbidden)$/)]);
        expect(await activeOwners(crossed.partner.id)).toHaveLength(1);

        const selves = await partnerWithOwners(2);
        const own = await Promise.all(selves.owners.map((owner, index) => patchAdmin(selves.tokens[index]!, owner.id, { status: 'suspended' })));
        expect(own.map((response) => response.status).sort()).toEqual([200, 409]);
        expect(await activeOwners(selves.partner.id)).toHaveLength(1);
      }
    });
  });
});
