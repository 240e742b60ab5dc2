import request from 'supertest';
import { StaffService } from '../src/identity/staff.service.js';
import { createTestApp, type TestApp } from './support/test-app.js';

describe('the AdminJS back-office', () => {
  let testApp: TestApp;
  const staff = { email: 'ops@platform.example', name: 'Olga Ops', password: 'correct horse battery staple' };

  beforeAll(async () => {
    testApp = await createTestApp();
    await testApp.app.get(StaffService).create(staff);
    await testApp.app.get(StaffService).create({ email: 'second@platform.example', name: 'Sam Second', password: 'another long passphrase' });
  });
  afterAll(() => testApp.close());

  it('shows its login page to a visitor and keeps its API closed', async () => {
    const page = await testApp.http.get('/admin/login').expect(200);
    expect(page.text).toContain('MTP back-office');
    const api = await testApp.http.get('/admin/api/resources/StaffUser/actions/list');
    expect(api.status).toBe(302);
    expect(api.headers.location).toBe('/admin/login');
  });

  it('refuses a wrong password and grants no session', async () => {
    const agent = request.agent(testApp.app.getHttpServer());
    const login = await agent.post('/admin/login').type('form').send({ email: staff.email, password: 'wrong password' });
    expect(login.status).toBe(200);
    expect(login.text).toContain('invalidCredentials');
    expect((await agent.get('/admin/api/resources/StaffUser/actions/list')).status).toBe(302);
  });

  it('signs a staff user in (email in any case) and lists staff records without their password hashes', async () => {
    const agent = request.agent(testApp.app.getHttpServer());
    const login = await agent.post('/admin/login').type('form').send({ email: '  OPS@Platform.Example ', password: staff.password });
    expect(login.status).toBe(302);
    expect(login.headers.location).toBe('/admin');
    expect(login.headers['set-cookie']?.[0]).toMatch(/^mtp_backoffice=.*HttpOnly/i);

    const list = await agent.get('/admin/api/resources/StaffUser/actions/list').expect(200);
    const records = list.body.records as { params: Record<string, unknown> }[];
    expect(records.map((record) => record.params.email).sort()).toEqual(['ops@platform.example', 'second@platform.example']);
    expect(JSON.stringify(list.body)).not.toContain('argon2');
  });

  it('keeps back-office sessions in PostgreSQL, shared by every instance', async () => {
    const agent = request.agent(testApp.app.getHttpServer());
    await agent.post('/admin/login').type('form').send({ email: staff.email, password: staff.password }).expect(302);
    const { DataSource } = await import('typeorm');
    const [{ count }] = await testApp.app.get(DataSource).query('SELECT count(*)::int AS count FROM backoffice_sessions');
    expect(count).toBeGreaterThanOrEqual(1);
  });

  it('does not offer creating, editing or deleting staff outside the identity service', async () => {
    const agent = request.agent(testApp.app.getHttpServer());
    await agent.post('/admin/login').type('form').send({ email: staff.email, password: staff.password }).expect(302);
    const response = await agent.post('/admin/api/resources/StaffUser/actions/new').type('form').send({ email: 'x@y.z', name: 'X', passwordHash: 'x' });
    expect(response.body.record.baseError).toEqual({ message: 'forbiddenError', type: 'ForbiddenError' });
    const { DataSource } = await import('typeorm');
    const [{ count }] = await testApp.app.get(DataSource).query('SELECT count(*)::int AS count FROM staff_users');
    expect(count).toBe(2);
  });
});
