import request from 'supertest';
import { DataSource } from 'typeorm';
import { AuditEvent } from '../src/audit/audit-event.entity.js';
import { totpCodeAt } from '../src/identity/mfa/totp.js';
import { StaffService } from '../src/identity/staff.service.js';
import { FakeClock } from './support/fake-clock.js';
import { createTestApp, type TestApp } from './support/test-app.js';

describe('the AdminJS back-office', () => {
  const clock = new FakeClock();
  let testApp: TestApp;
  const staff = { email: 'ops@platform.example', name: 'Olga Ops', password: 'correct horse battery staple' };
  let staffSecret: string;

  const agent = () => request.agent(testApp.app.getHttpServer());
  const secretOn = (html: string) => /data-testid="totp-secret">([A-Z2-7]+)</.exec(html)![1]!;

  beforeAll(async () => {
    testApp = await createTestApp({ clock });
    await testApp.app.get(StaffService).create(staff);
    await testApp.app.get(StaffService).create({ email: 'second@platform.example', name: 'Sam Second', password: 'another long passphrase' });
  });
  afterAll(() => testApp.close());

  it('shows its own sign-in page to a visitor and keeps AdminJS closed', async () => {
    const page = await testApp.http.get('/admin/login').expect(200);
    expect(page.text).toContain('Platform staff sign-in');
    const api = await testApp.http.get('/admin/api/resources/StaffUser/actions/list');
    expect(api.status).toBe(302);
    expect(api.headers.location).toBe('/admin/login');
  });

  it('refuses a wrong password, keeps the email typed, and grants nothing', async () => {
    const browser = agent();
    const login = await browser.post('/admin/login').type('form').send({ email: staff.email, password: 'wrong password' }).expect(401);
    expect(login.text).toContain('Email or password is incorrect');
    expect(login.text).toContain(`value="${staff.email}"`);
    expect((await browser.get('/admin/api/resources/StaffUser/actions/list')).status).toBe(302);
  });

  it('enrolls MFA at the first sign-in, shows recovery codes once, then lists staff without password hashes', async () => {
    const browser = agent();
    const password = await browser.post('/admin/login').type('form').send({ email: '  OPS@Platform.Example ', password: staff.password }).expect(200);
    expect(password.text).toContain('Set up two-factor sign-in');
    staffSecret = secretOn(password.text);
    expect((await browser.get('/admin/api/resources/StaffUser/actions/list')).status).toBe(302);

    const wrong = await browser.post('/admin/login/enroll').type('form').send({ code: '000000' }).expect(401);
    expect(wrong.text).toContain('That code is not valid');
    const enrolled = await browser.post('/admin/login/enroll').type('form').send({ code: totpCodeAt(staffSecret, clock.now()) }).expect(200);
    expect(enrolled.text.match(/<div>[A-Z2-9]{5}-[A-Z2-9]{5}<\/div>/g)).toHaveLength(10);

    const list = await browser.get('/admin/api/resources/StaffUser/actions/list').expect(200);
    const records = list.body.records as { params: Record<string, unknown> }[];
    expect(records.map((record) => record.params.email).sort()).toEqual(['ops@platform.example', 'second@platform.example']);
    expect(JSON.stringify(list.body)).not.toContain('argon2');
  });

  it('asks an enrolled staff user for a code, accepts it once, and records the sign-in', async () => {
    clock.advance(30_000);
    const browser = agent();
    const password = await browser.post('/admin/login').type('form').send({ email: staff.email, password: staff.password }).expect(200);
    expect(password.text).toContain('Verification code');
    const code = totpCodeAt(staffSecret, clock.now());
    const signedIn = await browser.post('/admin/login/mfa').type('form').send({ code }).expect(303);
    expect(signedIn.headers.location).toBe('/admin');
    await browser.get('/admin/api/resources/StaffUser/actions/list').expect(200);

    const replay = agent();
    await replay.post('/admin/login').type('form').send({ email: staff.email, password: staff.password }).expect(200);
    await replay.post('/admin/login/mfa').type('form').send({ code }).expect(401);
    expect((await replay.get('/admin/api/resources/StaffUser/actions/list')).status).toBe(302);

    const events = await testApp.app.get(DataSource).getRepository(AuditEvent).findBy({ actorType: 'staff', action: 'staff.login.succeeded' });
    expect(events.length).toBe(2);
  });

  it('keeps back-office sessions in PostgreSQL, shared by every instance', async () => {
    const [{ count }] = await testApp.app.get(DataSource).query('SELECT count(*)::int AS count FROM backoffice_sessions');
    expect(count).toBeGreaterThanOrEqual(1);
  });

  it('does not let AdminJS own password form sign anyone in', async () => {
    const browser = agent();
    await browser.post('/admin/login').set('content-type', 'multipart/form-data; boundary=x').send(`--x\r\nContent-Disposition: form-data; name="email"\r\n\r\n${staff.email}\r\n--x\r\nContent-Disposition: form-data; name="password"\r\n\r\n${staff.password}\r\n--x--\r\n`);
    expect((await browser.get('/admin/api/resources/StaffUser/actions/list')).status).toBe(302);
  });

  it('does not offer creating, editing or deleting staff outside the identity service', async () => {
    clock.advance(30_000);
    const browser = agent();
    await browser.post('/admin/login').type('form').send({ email: staff.email, password: staff.password }).expect(200);
    await browser.post('/admin/login/mfa').type('form').send({ code: totpCodeAt(staffSecret, clock.now()) }).expect(303);
    const response = await browser.post('/admin/api/resources/StaffUser/actions/new').type('form').send({ email: 'x@y.z', name: 'X', passwordHash: 'x' });
    expect(response.body.record.baseError).toEqual({ message: 'forbiddenError', type: 'ForbiddenError' });
    const [{ count }] = await testApp.app.get(DataSource).query('SELECT count(*)::int AS count FROM staff_users');
    expect(count).toBe(2);
  });
});
