import { DataSource } from 'typeorm';
import { MailWorker } from '../src/mail/mail.worker.js';
import { FakeClock } from './support/fake-clock.js';
import { createAdministrator } from './support/identity-fixtures.js';
import { createOrg, type TestOrg } from './support/org-fixtures.js';
import { signIn } from './support/sign-in.js';
import { startSmtpSink, type SmtpSink } from './support/smtp-sink.js';
import { createTestApp, type TestApp } from './support/test-app.js';

describe('the org console: systems and org admins', () => {
  const clock = new FakeClock();
  let smtp: SmtpSink;
  let testApp: TestApp;
  let acme: TestOrg;
  let auth: string;
  let adminId: string;

  beforeAll(async () => {
    smtp = await startSmtpSink();
    testApp = await createTestApp({ clock, env: { SMTP_URL: smtp.url, MAIL_POLL_INTERVAL_MS: '0', PUBLIC_URL: 'https://portal.example.com' } });
    const admin = await createAdministrator(testApp.app, clock);
    adminId = admin.id;
    acme = await createOrg(testApp.app, 'Acme', [admin.id]);
    auth = `Bearer ${(await signIn(testApp.http, admin, clock)).accessToken}`;
    await testApp.app.get(DataSource).query(
      `INSERT INTO systems (org_id, hostname, os_family, os_version, active)
       SELECT $1, 'acme-' || lpad(g::text, 3, '0'), (ARRAY['windows','macos','linux'])[1 + g % 3], 'v' || g, g % 4 <> 0 FROM generate_series(1, 12) g`,
      [acme.id],
    );
  });
  afterAll(async () => {
    await testApp.close();
    await smtp.close();
  });

  const path = (suffix: string) => `/api/v1/orgs/${acme.publicId}/${suffix}`;

  it('lists systems with paging, sorting and filters', async () => {
    const all = await testApp.http.get(path('systems')).query({ limit: 5, sort: 'hostname', order: 'desc' }).set('authorization', auth).expect(200);
    expect(all.body.total).toBe(12);
    expect(all.body.items.map((system: { hostname: string }) => system.hostname)).toEqual(['acme-012', 'acme-011', 'acme-010', 'acme-009', 'acme-008']);
    const linux = await testApp.http.get(path('systems')).query({ osFamily: 'linux', active: 'true' }).set('authorization', auth).expect(200);
    expect(linux.body.items.every((system: { osFamily: string; active: boolean }) => system.osFamily === 'linux' && system.active)).toBe(true);
    const prefix = await testApp.http.get(path('systems')).query({ search: 'ACME-00' }).set('authorization', auth).expect(200);
    expect(prefix.body.total).toBe(9);
  });

  it('deactivates, renames and deletes a system; the figures follow', async () => {
    const { body } = await testApp.http.get(path('systems')).query({ active: 'true', limit: 1 }).set('authorization', auth).expect(200);
    const system = body.items[0];
    const before = (await testApp.http.get(path('')).set('authorization', auth).expect(200)).body.stats;
    const updated = await testApp.http.patch(path(`systems/${system.id}`)).set('authorization', auth).send({ active: false, hostname: 'retired-laptop' }).expect(200);
    expect(updated.body).toMatchObject({ active: false, hostname: 'retired-laptop' });
    await testApp.http.delete(path(`systems/${system.id}`)).set('authorization', auth).expect(204);
    await testApp.http.get(path(`systems/${system.id}`)).set('authorization', auth).expect(404);
    const after = (await testApp.http.get(path('')).set('authorization', auth).expect(200)).body.stats;
    expect(after.systemsActive).toBe(before.systemsActive - 1);
    expect(after.systemsTotal).toBe(before.systemsTotal - 1);
  });

  it('adds an existing administrator by email, and tells them', async () => {
    const existing = await createAdministrator(testApp.app, clock);
    const received = smtp.received.length;
    const added = await testApp.http.post(path('admins')).set('authorization', auth).send({ email: existing.email.toUpperCase() }).expect(201);
    expect(added.body).toMatchObject({ administratorId: existing.id, email: existing.email, active: true });
    await testApp.app.get(MailWorker).runOnce();
    const [mail] = (await smtp.waitForCount(received + 1)).slice(received);
    expect(mail!.subject).toBe('You are now an administrator of Acme');
    expect(mail!.text).toContain('https://portal.example.com/sign-in');
    const again = await testApp.http.post(path('admins')).set('authorization', auth).send({ email: existing.email }).expect(409);
    expect(again.body.code).toBe('orgs.admin_exists');
  });

  it('invites a new address: the account exists without a password, and the email carries a link to choose one', async () => {
    const received = smtp.received.length;
    const invited = await testApp.http.post(path('admins')).set('authorization', auth).send({ email: 'new.person@acme.example' }).expect(201);
    expect(invited.body).toMatchObject({ email: 'new.person@acme.example', active: false });
    await testApp.app.get(MailWorker).runOnce();
    const [mail] = (await smtp.waitForCount(received + 1)).slice(received);
    const token = /reset-password\?token=([A-Za-z0-9_-]+)/.exec(mail!.text)![1]!;
    await testApp.http.post('/api/v1/auth/password-reset').send({ token, newPassword: 'my first passphrase' }).expect(204);
    const login = await testApp.http.post('/api/v1/auth/login').send({ email: 'new.person@acme.example', password: 'my first passphrase' }).expect(200);
    expect(login.body.status).toBe('mfa_enrollment_required');
    const admins = await testApp.http.get(path('admins')).set('authorization', auth).expect(200);
    expect(admins.body.find((admin: { email: string }) => admin.email === 'new.person@acme.example').active).toBe(true);
  });

  it('removes an admin but never the last one', async () => {
    const admins = (await testApp.http.get(path('admins')).set('authorization', auth).expect(200)).body as { administratorId: string }[];
    const others = admins.filter((admin) => admin.administratorId !== adminId);
    for (const other of others) await testApp.http.delete(path(`admins/${other.administratorId}`)).set('authorization', auth).expect(204);
    const last = await testApp.http.delete(path(`admins/${adminId}`)).set('authorization', auth).expect(409);
    expect(last.body.code).toBe('orgs.last_admin');
    expect((await testApp.http.get(path('')).set('authorization', auth).expect(200)).body.stats.admins).toBe(1);
  });

  it('updates settings with validation', async () => {
    const updated = await testApp.http.patch(path('settings')).set('authorization', auth).send({ userCap: 500, passwordExpiryDays: 90, name: ' Acme Corp ' }).expect(200);
    expect(updated.body).toMatchObject({ name: 'Acme Corp', settings: { userCap: 500, passwordExpiryDays: 90 } });
    await testApp.http.patch(path('settings')).set('authorization', auth).send({ userCap: 0 }).expect(400);
    const cleared = await testApp.http.patch(path('settings')).set('authorization', auth).send({ userCap: null }).expect(200);
    expect(cleared.body.settings.userCap).toBeNull();
  });
});
