import { DataSource } from 'typeorm';
import { AuditEvent } from '../src/audit/audit-event.entity.js';
import { MailWorker } from '../src/mail/mail.worker.js';
import { FakeClock } from './support/fake-clock.js';
import { createAdministrator } from './support/identity-fixtures.js';
import { signIn } from './support/sign-in.js';
import { startSmtpSink, type SmtpSink } from './support/smtp-sink.js';
import { createTestApp, type TestApp } from './support/test-app.js';

describe('forgot password, end to end through SMTP', () => {
  const clock = new FakeClock();
  let smtp: SmtpSink;
  let testApp: TestApp;
  beforeAll(async () => {
    smtp = await startSmtpSink();
    // The worker is driven by hand (runOnce) so that the test decides when mail goes out.
    testApp = await createTestApp({ clock, env: { SMTP_URL: smtp.url, MAIL_POLL_INTERVAL_MS: '3600000', PUBLIC_URL: 'https://portal.example.com' } });
  });
  afterAll(async () => {
    await testApp.close();
    await smtp.close();
  });

  const requestReset = (email: string) => testApp.http.post('/api/v1/auth/password-reset/requests').send({ email }).expect(202);
  const deliver = () => testApp.app.get(MailWorker).runOnce();
  const tokenIn = (text: string) => /reset-password\?token=([A-Za-z0-9_-]+)/.exec(text)?.[1];

  it('emails a single-use link valid 30 minutes; the new password works and every session ends', async () => {
    const administrator = await createAdministrator(testApp.app, clock);
    const before = await signIn(testApp.http, administrator, clock);
    const alreadyReceived = smtp.received.length;

    await requestReset(administrator.email.toUpperCase());
    await deliver();
    const [mail] = await smtp.waitForCount(alreadyReceived + 1);
    const message = smtp.received[alreadyReceived] ?? mail!;
    expect(message.to).toEqual([administrator.email]);
    expect(message.subject).toMatch(/reset/i);
    expect(message.text).toContain('https://portal.example.com/reset-password?token=');
    expect(message.text).toContain('30 minutes');
    const token = tokenIn(message.text)!;

    const weak = await testApp.http.post('/api/v1/auth/password-reset').send({ token, newPassword: 'short' }).expect(400);
    expect(weak.body.code).toBe('auth.password_too_short');
    await testApp.http.post('/api/v1/auth/password-reset').send({ token, newPassword: 'a brand new passphrase' }).expect(204);

    await testApp.http.get('/api/v1/me').set('authorization', `Bearer ${before.accessToken}`).expect(401);
    await testApp.http.post('/api/v1/auth/login').send({ email: administrator.email, password: administrator.password }).expect(401);
    const login = await testApp.http.post('/api/v1/auth/login').send({ email: administrator.email, password: 'a brand new passphrase' }).expect(200);
    expect(login.body.status).toBe('mfa_required');

    const reused = await testApp.http.post('/api/v1/auth/password-reset').send({ token, newPassword: 'yet another passphrase' }).expect(400);
    expect(reused.body.code).toBe('auth.reset_link_invalid');
    const actions = (await testApp.app.get(DataSource).getRepository(AuditEvent).findBy({ actorId: administrator.id })).map((event) => event.action);
    expect(actions).toEqual(expect.arrayContaining(['auth.password_reset.requested', 'auth.password_reset.completed']));
  });

  it('answers an unknown email exactly like a known one, and sends nothing', async () => {
    const alreadyReceived = smtp.received.length;
    const unknown = await requestReset('nobody@nowhere.example');
    const administrator = await createAdministrator(testApp.app, clock);
    const known = await requestReset(administrator.email);
    expect(unknown.body).toEqual(known.body);
    await deliver();
    await smtp.waitForCount(alreadyReceived + 1);
    expect(smtp.received.slice(alreadyReceived).map((message) => message.to[0])).toEqual([administrator.email]);
  });

  it('refuses a link after 30 minutes', async () => {
    const administrator = await createAdministrator(testApp.app, clock);
    const alreadyReceived = smtp.received.length;
    await requestReset(administrator.email);
    await deliver();
    await smtp.waitForCount(alreadyReceived + 1);
    const token = tokenIn(smtp.received[alreadyReceived]!.text)!;
    clock.advance(31 * 60_000);
    const late = await testApp.http.post('/api/v1/auth/password-reset').send({ token, newPassword: 'a brand new passphrase' }).expect(400);
    expect(late.body.code).toBe('auth.reset_link_invalid');
  });

  it('stops sending after five requests an hour for one email, with the same answer', async () => {
    const administrator = await createAdministrator(testApp.app, clock);
    const alreadyReceived = smtp.received.length;
    for (let request = 0; request < 7; request += 1) await requestReset(administrator.email);
    await deliver();
    await smtp.waitForCount(alreadyReceived + 5);
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(smtp.received.length - alreadyReceived).toBe(5);
  });
});
