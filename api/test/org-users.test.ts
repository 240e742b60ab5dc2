import { DataSource } from 'typeorm';
import { AuditEvent } from '../src/audit/audit-event.entity.js';
import { FakeClock } from './support/fake-clock.js';
import { createAdministrator } from './support/identity-fixtures.js';
import { createOrg, type TestOrg } from './support/org-fixtures.js';
import { signIn } from './support/sign-in.js';
import { createTestApp, type TestApp } from './support/test-app.js';

describe('the org console: directory users', () => {
  const clock = new FakeClock();
  let testApp: TestApp;
  let acme: TestOrg;
  let globex: TestOrg;
  let auth: string;
  let otherAuth: string;

  beforeAll(async () => {
    testApp = await createTestApp({ clock });
    const admin = await createAdministrator(testApp.app, clock);
    const otherAdmin = await createAdministrator(testApp.app, clock);
    acme = await createOrg(testApp.app, 'Acme', [admin.id], { userCap: 30 });
    globex = await createOrg(testApp.app, 'Globex', [otherAdmin.id]);
    auth = `Bearer ${(await signIn(testApp.http, admin, clock)).accessToken}`;
    otherAuth = `Bearer ${(await signIn(testApp.http, otherAdmin, clock)).accessToken}`;
  });
  afterAll(() => testApp.close());

  const users = (org: TestOrg) => `/api/v1/orgs/${org.publicId}/users`;
  const create = (body: object, org = acme, token = auth) => testApp.http.post(users(org)).set('authorization', token).send(body);
  const figures = async (org = acme, token = auth) => (await testApp.http.get(`/api/v1/orgs/${org.publicId}`).set('authorization', token).expect(200)).body.stats;

  it('creates a user, normalising what was typed, and the org figures follow', async () => {
    const before = await figures();
    const created = await create({ username: ' Jane.Doe ', email: 'Jane.Doe@Acme.Example', firstName: 'Jane', lastName: 'Doe' }).expect(201);
    expect(created.body).toMatchObject({ username: 'jane.doe', email: 'jane.doe@acme.example', state: 'active', mfaEnrolled: false, lockedOut: false });
    const after = await figures();
    expect(after.usersTotal).toBe(before.usersTotal + 1);
    expect(after.usersActive).toBe(before.usersActive + 1);
  });

  it('refuses a username already used in the org, but allows it in another org', async () => {
    await create({ username: 'sam', email: 'sam@acme.example' }).expect(201);
    const again = await create({ username: 'SAM', email: 'sam2@acme.example' }).expect(409);
    expect(again.body.code).toBe('orgs.username_taken');
    await create({ username: 'sam', email: 'sam@globex.example' }, globex, otherAuth).expect(201);
  });

  it('refuses bad input with the fields at fault and creates nothing', async () => {
    const before = await figures();
    const bad = await create({ username: '-bad name', email: 'not-an-email', orgId: globex.id }).expect(400);
    expect(bad.body.errors.map((error: { field: string }) => error.field).sort()).toEqual(['email', 'orgId', 'username']);
    expect((await figures()).usersTotal).toBe(before.usersTotal);
  });

  it('suspends, activates, unlocks and resets MFA, each audited in the org', async () => {
    const { body: user } = await create({ username: 'casey', email: 'casey@acme.example' }).expect(201);
    await testApp.app.get(DataSource).query('UPDATE directory_users SET locked_out = true, locked_out_at = now(), mfa_enrolled = true WHERE id = $1', [user.id]);
    const base = `${users(acme)}/${user.id}`;
    expect((await testApp.http.post(`${base}/suspend`).set('authorization', auth).expect(200)).body.state).toBe('suspended');
    expect((await figures()).usersSuspended).toBeGreaterThanOrEqual(1);
    expect((await testApp.http.post(`${base}/activate`).set('authorization', auth).expect(200)).body.state).toBe('active');
    expect((await testApp.http.post(`${base}/unlock`).set('authorization', auth).expect(200)).body.lockedOut).toBe(false);
    expect((await testApp.http.post(`${base}/reset-mfa`).set('authorization', auth).expect(200)).body.mfaEnrolled).toBe(false);
    const updated = await testApp.http.patch(base).set('authorization', auth).send({ lastName: 'Jones' }).expect(200);
    expect(updated.body.lastName).toBe('Jones');
    const actions = (await testApp.app.get(DataSource).getRepository(AuditEvent).find({ where: { targetId: user.id }, order: { id: 'ASC' } })).map((event) => [event.action, event.orgId]);
    expect(actions).toEqual(
      ['orgs.user.created', 'orgs.user.suspended', 'orgs.user.activated', 'orgs.user.unlocked', 'orgs.user.mfa_reset', 'orgs.user.updated'].map((action) => [action, acme.id]),
    );
  });

  it('deletes a user; the figures go back down', async () => {
    const { body: user } = await create({ username: 'temp', email: 'temp@acme.example' }).expect(201);
    const before = await figures();
    await testApp.http.delete(`${users(acme)}/${user.id}`).set('authorization', auth).expect(204);
    await testApp.http.get(`${users(acme)}/${user.id}`).set('authorization', auth).expect(404);
    expect((await figures()).usersTotal).toBe(before.usersTotal - 1);
  });

  it('enforces the user cap, even for requests at the same moment', async () => {
    const { usersTotal } = await figures();
    const attempts = await Promise.all(Array.from({ length: 30 - usersTotal + 5 }, (_, index) => create({ username: `cap${index}`, email: `cap${index}@acme.example` })));
    expect(attempts.filter((response) => response.status === 201)).toHaveLength(30 - usersTotal);
    expect(attempts.filter((response) => response.status === 409).every((response) => response.body.code === 'orgs.user_cap_reached')).toBe(true);
    expect((await figures()).usersTotal).toBe(30);
  });

  it('pages, sorts, searches and filters on the server, never more than 100 a page', async () => {
    const page = await testApp.http.get(users(acme)).query({ limit: 10, offset: 0, sort: 'username', order: 'desc' }).set('authorization', auth).expect(200);
    expect(page.body.items).toHaveLength(10);
    expect(page.body.total).toBe(30);
    const names = page.body.items.map((user: { username: string }) => user.username);
    expect(names).toEqual([...names].sort().reverse());
    const next = await testApp.http.get(users(acme)).query({ limit: 10, offset: 10, sort: 'username', order: 'desc' }).set('authorization', auth).expect(200);
    expect(next.body.items[0].username < names[9]).toBe(true);

    const search = await testApp.http.get(users(acme)).query({ search: 'JANE' }).set('authorization', auth).expect(200);
    expect(search.body.items.map((user: { username: string }) => user.username)).toEqual(['jane.doe']);
    const noWildcards = await testApp.http.get(users(acme)).query({ search: '%' }).set('authorization', auth).expect(200);
    expect(noWildcards.body.total).toBe(0);

    const suspended = await testApp.http.get(users(acme)).query({ state: 'suspended' }).set('authorization', auth).expect(200);
    expect(suspended.body.items.every((user: { state: string }) => user.state === 'suspended')).toBe(true);
    const withoutMfa = await testApp.http.get(users(acme)).query({ mfa: 'false' }).set('authorization', auth).expect(200);
    expect(withoutMfa.body.total).toBe(30);

    const tooMany = await testApp.http.get(users(acme)).query({ limit: 101 }).set('authorization', auth).expect(400);
    expect(tooMany.body.code).toBe('request.validation_failed');
    await testApp.http.get(users(acme)).query({ sort: 'password' }).set('authorization', auth).expect(400);
  });

  it('answers 404 for every route of an org out of reach, exactly as for one that does not exist', async () => {
    const { body: someone } = await create({ username: 'someone', email: 'someone@globex.example' }, globex, otherAuth).expect(201);
    const probes = [
      ['get', `/api/v1/orgs/${globex.publicId}`],
      ['patch', `/api/v1/orgs/${globex.publicId}/settings`],
      ['get', users(globex)],
      ['post', users(globex)],
      ['get', `${users(globex)}/${someone.id}`],
      ['patch', `${users(globex)}/${someone.id}`],
      ['post', `${users(globex)}/${someone.id}/suspend`],
      ['post', `${users(globex)}/${someone.id}/unlock`],
      ['delete', `${users(globex)}/${someone.id}`],
      ['get', `/api/v1/orgs/${globex.publicId}/activity`],
      ['get', `/api/v1/orgs/${globex.publicId}/systems`],
      ['get', `/api/v1/orgs/${globex.publicId}/systems/${someone.id}`],
      ['patch', `/api/v1/orgs/${globex.publicId}/systems/${someone.id}`],
      ['delete', `/api/v1/orgs/${globex.publicId}/systems/${someone.id}`],
      ['get', `/api/v1/orgs/${globex.publicId}/admins`],
      ['post', `/api/v1/orgs/${globex.publicId}/admins`],
      ['delete', `/api/v1/orgs/${globex.publicId}/admins/${someone.id}`],
    ] as const;
    for (const [method, path] of probes) {
      const outOfReach = await testApp.http[method](path).set('authorization', auth).send({});
      const missing = await testApp.http[method](path.replace(globex.publicId, 'ffffffffffffffffffffffff')).set('authorization', auth).send({});
      expect([path, outOfReach.status]).toEqual([path, 404]);
      expect(outOfReach.body.code).toBe('orgs.not_found');
      expect({ ...outOfReach.body, correlationId: 0 }).toEqual({ ...missing.body, correlationId: 0 });
    }
    await testApp.http.get(`${users(globex)}/${someone.id}`).set('authorization', otherAuth).expect(200);
    await testApp.http.get(`${users(acme)}/${someone.id}`).set('authorization', auth).expect(404);
  });

  it('shows the org’s activity, newest first, with who did what, and pages it', async () => {
    const first = await testApp.http.get(`/api/v1/orgs/${acme.publicId}/activity`).query({ limit: 3 }).set('authorization', auth).expect(200);
    expect(first.body.items).toHaveLength(3);
    expect(first.body.items[0].actor).toMatch(/@msp\.example$/);
    expect(first.body.items.every((event: { action: string }) => event.action.startsWith('orgs.'))).toBe(true);
    const ids = first.body.items.map((event: { id: string }) => Number(event.id));
    expect(ids).toEqual([...ids].sort((a, b) => b - a));
    const next = await testApp.http.get(`/api/v1/orgs/${acme.publicId}/activity`).query({ limit: 3, before: first.body.nextBefore }).set('authorization', auth).expect(200);
    expect(Number(next.body.items[0].id)).toBeLessThan(ids[2]);
    await testApp.http.get(`/api/v1/orgs/${globex.publicId}/activity`).set('authorization', auth).expect(404);
  });

  it('shows the org among my memberships', async () => {
    const me = await testApp.http.get('/api/v1/me').set('authorization', auth).expect(200);
    expect(me.body.orgMemberships).toEqual([{ orgId: acme.publicId, orgName: 'Acme' }]);
  });
});
