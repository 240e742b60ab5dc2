import { DataSource } from 'typeorm';
import { AuditEvent } from '../src/audit/audit-event.entity.js';
import type { Partner } from '../src/partners/partner.entity.js';
import { FakeClock } from './support/fake-clock.js';
import type { TestAdministrator } from './support/identity-fixtures.js';
import { addUsers, createOrg, type TestOrg, type UserSpec } from './support/org-factory.js';
import { createPartner, createPartnerAdmin } from './support/partner-fixtures.js';
import { signIn } from './support/sign-in.js';
import { createTestApp, type TestApp } from './support/test-app.js';

const DAY = 86_400_000;

interface UserItem {
  id: string;
  org: { orgId: string; name: string };
  username: string;
  lockedOut: boolean;
}

describe('the partner dashboard', () => {
  const clock = new FakeClock();
  let testApp: TestApp;
  let db: DataSource;
  let partner: Partner;
  let portfolio: TestOrg[];
  let othersOrg: TestOrg;
  let ownerAuth: string;
  let limitedAuth: string;
  let readonlyAuth: string;
  /** The orgs the limited admin reaches. */
  let reach: TestOrg[];

  const bearer = async (administrator: TestAdministrator) => `Bearer ${(await signIn(testApp.http, administrator, clock)).accessToken}`;
  const get = (token: string, path: string, query: Record<string, string | number | boolean> = {}) => testApp.http.get(`/api/v1/partner/${path}`).query(query).set('authorization', token);
  const ago = (days: number) => new Date(clock.now().getTime() - days * DAY);
  const ahead = (days: number) => new Date(clock.now().getTime() + days * DAY);

  /** Every user page of a listing, following nextCursor. */
  async function allUsers(token: string, query: Record<string, string | number | boolean> = {}): Promise<UserItem[]> {
    const items: UserItem[] = [];
    let cursor: string | null = null;
    do {
      const page: { body: { items: UserItem[]; nextCursor: string | null } } = await get(token, 'users', { limit: 3, ...query, ...(cursor ? { cursor } : {}) }).expect(200);
      items.push(...page.body.items);
      cursor = page.body.nextCursor;
    } while (cursor);
    return items;
  }

  /** The overview's figures recounted from the rows themselves, for these orgs. */
  async function recount(orgs: TestOrg[]) {
    const ids = orgs.map((org) => org.id);
    const [row] = await db.query(
      `SELECT
         (SELECT count(*)::int FROM directory_users WHERE org_id = ANY($1)) AS total,
         (SELECT count(*)::int FROM directory_users WHERE org_id = ANY($1) AND state = 'active') AS active,
         (SELECT count(*)::int FROM directory_users WHERE org_id = ANY($1) AND state = 'suspended') AS suspended,
         (SELECT count(*)::int FROM directory_users WHERE org_id = ANY($1) AND state = 'staged') AS staged,
         (SELECT count(*)::int FROM directory_users WHERE org_id = ANY($1) AND state = 'active' AND mfa_enrolled) AS "activeWithMfa",
         (SELECT count(*)::int FROM directory_users WHERE org_id = ANY($1) AND locked_out) AS "lockedOut",
         (SELECT count(*)::int FROM directory_users WHERE org_id = ANY($1) AND password_expires_at < $2) AS "passwordsExpired",
         (SELECT count(*)::int FROM directory_users WHERE org_id = ANY($1) AND password_expires_at >= $2 AND password_expires_at < $3) AS "passwordsExpiringIn14Days",
         (SELECT count(*)::int FROM directory_users WHERE org_id = ANY($1) AND created_at >= $4) AS "newInLast7Days",
         (SELECT count(*)::int FROM systems WHERE org_id = ANY($1)) AS "systemsTotal",
         (SELECT count(*)::int FROM systems WHERE org_id = ANY($1) AND active) AS "systemsActive",
         (SELECT count(*)::int FROM org_admins WHERE org_id = ANY($1)) AS admins`,
      [ids, clock.now(), ahead(14), ago(7)],
    );
    return row;
  }

  beforeAll(async () => {
    testApp = await createTestApp({ clock, env: { MAIL_POLL_INTERVAL_MS: '0' } });
    db = testApp.app.get(DataSource);
    const users = (specs: UserSpec[]) => specs.map((spec) => ({ createdAt: ago(30), ...spec }));
    portfolio = [
      await createOrg(db, {
        name: 'Alpha Dental',
        users: users([
          { mfa: true, passwordExpiresAt: ahead(3) },
          { mfa: true, locked: true, lockedOutAt: ago(1), passwordExpiresAt: ago(2) },
          { state: 'suspended', mfa: true },
          { state: 'staged', createdAt: ago(1) },
        ]),
        systems: [{ osFamily: 'windows' }, { osFamily: 'macos', active: false }],
      }),
      await createOrg(db, {
        name: 'Bravo Legal',
        users: users([
          { locked: true, lockedOutAt: ago(3) },
          { passwordExpiresAt: ahead(20) },
          { createdAt: ago(2) },
          // At the very edges of the windows, which are counted from the users rather than summed by the hour.
          { passwordExpiresAt: new Date(ahead(14).getTime() - 60_000) },
          { passwordExpiresAt: new Date(ahead(14).getTime() + 60_000) },
          { createdAt: new Date(ago(7).getTime() + 60_000) },
        ]),
        systems: [{ osFamily: 'linux' }],
      }),
      await createOrg(db, { name: 'Charlie Retail', users: users([{ mfa: true, locked: true, lockedOutAt: ago(2), createdAt: ago(6) }, { passwordExpiresAt: ahead(13) }]) }),
      await createOrg(db, { name: 'Delta Clinic' }),
    ];
    othersOrg = await createOrg(db, { name: 'Echo Elsewhere', users: users([{ locked: true }, { createdAt: ago(1) }]), systems: 2 });
    partner = await createPartner(testApp.app, { name: 'Dashboard Partner', orgs: portfolio });
    await createPartner(testApp.app, { name: 'Neighbour Partner', orgs: [othersOrg] });
    const owner = await createPartnerAdmin(testApp.app, clock, partner.id, { role: 'owner' });
    reach = [portfolio[0]!, portfolio[2]!];
    const limited = await createPartnerAdmin(testApp.app, clock, partner.id, { role: 'helpdesk', orgAccess: 'selected', orgs: reach });
    const readonly = await createPartnerAdmin(testApp.app, clock, partner.id, { role: 'readonly' });
    await db.query('INSERT INTO org_admins (org_id, administrator_id) VALUES ($1, $2), ($3, $2)', [portfolio[0]!.id, owner.id, portfolio[1]!.id]);
    await db.query(`UPDATE organizations SET status = 'suspended' WHERE id = $1`, [portfolio[3]!.id]);
    ownerAuth = await bearer(owner);
    limitedAuth = await bearer(limited);
    readonlyAuth = await bearer(readonly);
  });
  afterAll(() => testApp.close());

  describe('home totals', () => {
    it('equal a recount of the rows, for the whole portfolio and for an admin limited to part of it', async () => {
      for (const [token, orgs] of [
        [ownerAuth, portfolio],
        [limitedAuth, reach],
      ] as const) {
        const { body } = await get(token, 'overview').expect(200);
        const counted = await recount([...orgs]);
        expect(body.totals).toEqual({
          orgs: orgs.length,
          users: {
            total: counted.total,
            active: counted.active,
            suspended: counted.suspended,
            staged: counted.staged,
            activeWithMfa: counted.activeWithMfa,
            lockedOut: counted.lockedOut,
            passwordsExpired: counted.passwordsExpired,
            passwordsExpiringIn14Days: counted.passwordsExpiringIn14Days,
            newInLast7Days: counted.newInLast7Days,
          },
          systemsTotal: counted.systemsTotal,
          systemsActive: counted.systemsActive,
          admins: counted.admins,
          mfaCoveragePercent: Math.round((1000 * counted.activeWithMfa) / counted.active) / 10,
        });
        expect(body.asOf).toBe(clock.now().toISOString());
      }
    });

    it('states the figures plainly for the whole portfolio, and charts them', async () => {
      const { body } = await get(ownerAuth, 'overview').expect(200);
      // Active: Alpha 2, Bravo 6, Charlie 2 = 10, of whom 3 have MFA.
      expect(body.totals).toMatchObject({ orgs: 4, users: { total: 12, active: 10, suspended: 1, staged: 1, activeWithMfa: 3, lockedOut: 3, passwordsExpired: 1, passwordsExpiringIn14Days: 3, newInLast7Days: 4 }, mfaCoveragePercent: 30 });
      expect(body.largestOrgs.map((org: { name: string }) => org.name)).toEqual(['Bravo Legal', 'Alpha Dental', 'Charlie Retail', 'Delta Clinic']);
      expect(body.largestOrgs[1]).toEqual({ orgId: portfolio[0]!.publicId, name: 'Alpha Dental', users: 4 });
      // Alpha 100 %, Bravo 0 %, Charlie 50 %, Delta without active users.
      expect(Object.fromEntries(body.mfaCoverageBands.map((band: { band: string; orgs: number }) => [band.band, band.orgs]))).toEqual({
        none: 1, below50: 1, '50to79': 1, '80to94': 0, '95to99': 0, full: 1,
      });
      expect(body.systemsByOs).toEqual({ windows: 1, macos: 1, linux: 1, other: 0 });
    });
  });

  describe('org access scoping', () => {
    it('lists, counts and exports only the orgs in reach', async () => {
      const limited = await get(limitedAuth, 'orgs').expect(200);
      expect(limited.body.total).toBe(2);
      expect(limited.body.items.map((org: { name: string }) => org.name)).toEqual(['Alpha Dental', 'Charlie Retail']);
      const csv = await get(limitedAuth, 'orgs/export').expect(200);
      expect(csv.text).not.toContain('Bravo');
      expect(csv.text).not.toContain('Echo');
      expect((await get(ownerAuth, 'orgs')).body.total).toBe(4);
    });

    it('answers 404 for an org out of reach, in details and as a filter, as for an unknown one', async () => {
      for (const orgId of [portfolio[1]!.publicId, othersOrg.publicId, 'f'.repeat(24)]) {
        expect((await get(limitedAuth, `orgs/${orgId}`).expect(404)).body.code).toBe('orgs.not_found');
        expect((await get(limitedAuth, 'users', { orgId }).expect(404)).body.code).toBe('orgs.not_found');
        expect((await get(limitedAuth, 'systems', { orgId }).expect(404)).body.code).toBe('orgs.not_found');
      }
    });

    it('lists users and systems across the orgs in reach only', async () => {
      const seen = new Set((await allUsers(limitedAuth)).map((user) => user.org.name));
      expect([...seen].sort()).toEqual(['Alpha Dental', 'Charlie Retail']);
      const ownerUsers = await allUsers(ownerAuth);
      expect(ownerUsers).toHaveLength(12);
      expect(new Set(ownerUsers.map((user) => user.id)).size).toBe(12);
      const systems = (await get(limitedAuth, 'systems').expect(200)).body.items as { org: { name: string } }[];
      expect(systems.map((system) => system.org.name)).toEqual(['Alpha Dental', 'Alpha Dental']);
    });
  });

  describe('cross-org user lists', () => {
    it('visit every user once under each sort, in order, with the filters applied', async () => {
      for (const sort of ['username', 'createdAt', 'lastLoginAt']) {
        for (const order of ['asc', 'desc']) {
          const listed = await allUsers(ownerAuth, { sort, order });
          expect(new Set(listed.map((user) => user.id)).size).toBe(12);
        }
      }
      const usernames = (await allUsers(ownerAuth, { sort: 'username' })).map((user) => user.username);
      expect(usernames).toEqual([...usernames].sort());
      const lockouts = await allUsers(ownerAuth, { sort: 'lockedOutAt', order: 'desc' });
      expect(lockouts.map((user) => user.org.name)).toEqual(['Alpha Dental', 'Charlie Retail', 'Bravo Legal']);
      const expiring = await allUsers(ownerAuth, { sort: 'passwordExpiresAt', passwordExpiresWithinDays: 14 });
      expect(expiring.map((user) => user.org.name)).toEqual(['Alpha Dental', 'Alpha Dental', 'Charlie Retail', 'Bravo Legal']);
      expect(await allUsers(ownerAuth, { createdWithinDays: 7 })).toHaveLength(4);
      expect((await allUsers(ownerAuth, { state: 'suspended' })).map((user) => user.org.name)).toEqual(['Alpha Dental']);
      expect(await allUsers(ownerAuth, { mfa: true, locked: true })).toHaveLength(2);
      expect((await allUsers(ownerAuth, { orgId: portfolio[1]!.publicId })).every((user) => user.org.name === 'Bravo Legal')).toBe(true);
    });

    it('refuses a cursor from another sort, or one made up, with 400 and no rows', async () => {
      const first = await get(ownerAuth, 'users', { limit: 2, sort: 'username' }).expect(200);
      const mismatch = await get(ownerAuth, 'users', { limit: 2, sort: 'createdAt', cursor: first.body.nextCursor }).expect(400);
      expect(mismatch.body.code).toBe('request.cursor_mismatch');
      const forged = (sort: string, key: string) => Buffer.from(JSON.stringify([sort, key, '00000000-0000-4000-8000-000000000000'])).toString('base64url');
      // Well-formed but impossible keys are refused before they reach SQL.
      expect((await get(ownerAuth, 'orgs', { sort: 'users', cursor: forged('users:asc', 'abc') }).expect(400)).body.code).toBe('request.cursor_invalid');
      expect((await get(ownerAuth, 'users', { sort: 'createdAt', cursor: forged('createdAt:asc', '2026-13-45 99:00:00+00') }).expect(400)).body.code).toBe('request.cursor_invalid');
      expect((await get(ownerAuth, 'users', { sort: 'createdAt', cursor: forged('createdAt:asc', '2026-01-02 03:04:05.123+00') }).expect(200)).body.items).toEqual(expect.any(Array));
      for (const cursor of ['not-a-cursor', Buffer.from('["username:asc","x","1; DROP TABLE"]').toString('base64url')]) {
        expect((await get(ownerAuth, 'users', { cursor }).expect(400)).body.code).toBe('request.cursor_invalid');
        expect((await get(ownerAuth, 'orgs', { cursor }).expect(400)).body.code).toBe('request.cursor_invalid');
      }
      expect((await get(ownerAuth, 'orgs', { sort: 'bogus' }).expect(400)).body.code).toBe('request.validation_failed');
    });
  });

  describe('CSV export', () => {
    it('equals the filtered list, row for row, in the same order', async () => {
      const filters = { sort: 'users', order: 'desc', status: 'active' };
      const list = (await get(ownerAuth, 'orgs', { ...filters, limit: 100 }).expect(200)).body.items as { orgId: string; name: string; usersTotal: number; mfaCoveragePercent: number | null }[];
      const csv = await get(ownerAuth, 'orgs/export', filters).expect(200).expect('content-type', /text\/csv/);
      expect(csv.headers['content-disposition']).toMatch(/attachment; filename="orgs-\d{4}-\d{2}-\d{2}\.csv"/);
      const [header, ...rows] = csv.text.replace(/^\uFEFF/, '').trim().split('\n').map((line) => line.split(','));
      expect(header!.slice(0, 4)).toEqual(['OrgID', 'Name', 'Status', 'Users']);
      expect(rows.map((row) => [row[0], row[1], Number(row[3]), row[10] === '' ? null : Number(row[10])])).toEqual(
        list.map((org) => [org.orgId, org.name, org.usersTotal, org.mfaCoveragePercent]),
      );
      expect(rows).toHaveLength(3);
    });

    it('neutralises an org name a spreadsheet would run as a formula', async () => {
      await db.query(`UPDATE organizations SET name = '=HYPERLINK("x")' WHERE id = $1`, [portfolio[3]!.id]);
      try {
        const csv = await get(ownerAuth, 'orgs/export', { status: 'suspended' }).expect(200);
        expect(csv.text).toContain(`"'=HYPERLINK(""x"")"`);
      } finally {
        await db.query(`UPDATE organizations SET name = 'Delta Clinic' WHERE id = $1`, [portfolio[3]!.id]);
      }
    });
  });

  describe('bulk unlock and suspend', () => {
    it('touches only users in reach, reports each row, audits each change in its org, and repeats as unchanged', async () => {
      const [inReach] = await addUsers(db, portfolio[2]!.id, [{ username: 'reach.locked', locked: true }]);
      const [samePartnerOutOfReach] = await addUsers(db, portfolio[1]!.id, [{ username: 'bravo.locked', locked: true }]);
      const [otherPartner] = await addUsers(db, othersOrg.id, [{ username: 'echo.locked', locked: true }]);
      const unlock = (token: string) => testApp.http.post('/api/v1/partner/users/unlock').set('authorization', token).send({ userIds: [inReach, samePartnerOutOfReach, otherPartner] });

      const { body } = await unlock(limitedAuth).expect(200);
      expect(body).toEqual({
        action: 'unlock',
        results: [
          { userId: inReach, org: { orgId: portfolio[2]!.publicId, name: 'Charlie Retail' }, outcome: 'done', username: 'reach.locked' },
          { userId: samePartnerOutOfReach, org: null, outcome: 'not_found' },
          { userId: otherPartner, org: null, outcome: 'not_found' },
        ],
      });
      const locked = await db.query('SELECT id, locked_out FROM directory_users WHERE id = ANY($1) ORDER BY username', [[inReach, samePartnerOutOfReach, otherPartner]]);
      expect(Object.fromEntries(locked.map((row: { id: string; locked_out: boolean }) => [row.id, row.locked_out]))).toEqual({ [inReach!]: false, [samePartnerOutOfReach!]: true, [otherPartner!]: true });
      const events = await db.getRepository(AuditEvent).findBy({ action: 'orgs.user.unlocked', targetId: inReach });
      expect(events).toHaveLength(1);
      expect(events[0]).toMatchObject({ orgId: portfolio[2]!.id, partnerId: partner.id, actorType: 'administrator' });

      const again = await unlock(limitedAuth).expect(200);
      expect(again.body.results[0].outcome).toBe('unchanged');
      expect(await db.getRepository(AuditEvent).countBy({ action: 'orgs.user.unlocked', targetId: inReach })).toBe(1);
      // The lockout figures follow at once.
      expect((await get(limitedAuth, 'overview').expect(200)).body.totals.users.lockedOut).toBe((await recount(reach)).lockedOut);
    });

    it('suspends across orgs, and refuses a read-only admin or bad input without changing anything', async () => {
      const [alphaUser] = await addUsers(db, portfolio[0]!.id, 1);
      const [bravoUser] = await addUsers(db, portfolio[1]!.id, 1);
      const suspend = (token: string, userIds: unknown) => testApp.http.post('/api/v1/partner/users/suspend').set('authorization', token).send({ userIds });
      expect((await suspend(readonlyAuth, [alphaUser]).expect(403)).body.code).toBe('partners.forbidden');
      for (const bad of [[], ['not-a-uuid'], Array.from({ length: 101 }, () => alphaUser), 'x']) {
        expect((await suspend(ownerAuth, bad).expect(400)).body.code).toBe('request.validation_failed');
      }
      expect((await db.query(`SELECT count(*)::int AS n FROM directory_users WHERE id = ANY($1) AND state = 'suspended'`, [[alphaUser, bravoUser]]))[0].n).toBe(0);
      const { body } = await suspend(ownerAuth, [alphaUser, bravoUser]).expect(200);
      expect(body.results.map((result: { outcome: string }) => result.outcome)).toEqual(['done', 'done']);
      expect((await db.query(`SELECT count(*)::int AS n FROM directory_users WHERE id = ANY($1) AND state = 'suspended'`, [[alphaUser, bravoUser]]))[0].n).toBe(2);
    });
  });

  it('shows an org’s details: figures, admins, how it came to the partner, recent activity', async () => {
    const { body } = await get(ownerAuth, `orgs/${portfolio[0]!.publicId}`).expect(200);
    expect(body.org).toMatchObject({ orgId: portfolio[0]!.publicId, name: 'Alpha Dental', systemsTotal: 2, systemsActive: 1 });
    expect(body.admins).toHaveLength(1);
    expect(body.association).toEqual({ since: expect.any(String), source: 'staff', by: expect.any(String) });
    expect(Array.isArray(body.recentActivity)).toBe(true);
  });
});
