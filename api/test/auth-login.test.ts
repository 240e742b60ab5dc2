import { DataSource } from 'typeorm';
import { AuditEvent } from '../src/audit/audit-event.entity.js';
import { totpCodeAt } from '../src/identity/mfa/totp.js';
import { FakeClock } from './support/fake-clock.js';
import { createAdministrator, currentCode } from './support/identity-fixtures.js';
import { refreshCookieOf } from './support/sign-in.js';
import { createTestApp, type TestApp } from './support/test-app.js';

describe('sign-in: password, then TOTP or first enrollment', () => {
  const clock = new FakeClock();
  let testApp: TestApp;
  beforeAll(async () => {
    testApp = await createTestApp({ clock });
  });
  afterAll(() => testApp.close());

  const auditActions = async (administratorId: string) =>
    (await testApp.app.get(DataSource).getRepository(AuditEvent).find({ where: { actorId: administratorId }, order: { id: 'ASC' } })).map((event) => event.action);

  it('answers an unknown email and a wrong password alike', async () => {
    const administrator = await createAdministrator(testApp.app, clock);
    const unknown = await testApp.http.post('/api/v1/auth/login').send({ email: 'nobody@nowhere.example', password: 'whatever it is' }).expect(401);
    const wrong = await testApp.http.post('/api/v1/auth/login').send({ email: administrator.email, password: 'not the password' }).expect(401);
    expect(unknown.body).toMatchObject({ code: 'auth.invalid_credentials', detail: 'Email or password is incorrect' });
    expect({ ...wrong.body, correlationId: undefined }).toEqual({ ...unknown.body, correlationId: undefined });
    const failures = await testApp.app.get(DataSource).getRepository(AuditEvent).countBy({ action: 'auth.login.failed' });
    expect(failures).toBeGreaterThanOrEqual(2);
  });

  it('refuses bad input with the fields at fault, and changes nothing', async () => {
    const response = await testApp.http.post('/api/v1/auth/login').send({ email: 'not-an-email', password: '', role: 'owner' }).expect(400);
    expect(response.body.code).toBe('request.validation_failed');
    expect(response.body.errors.map((error: { field: string }) => error.field).sort()).toEqual(['email', 'password', 'role']);
  });

  it('signs an enrolled administrator in with a TOTP code, with the email in any case', async () => {
    const administrator = await createAdministrator(testApp.app, clock);
    const login = await testApp.http.post('/api/v1/auth/login').send({ email: `  ${administrator.email.toUpperCase()} `, password: administrator.password }).expect(200);
    expect(login.body).toEqual({ status: 'mfa_required', challengeToken: expect.any(String), expiresIn: 600 });

    const mfa = await testApp.http.post('/api/v1/auth/mfa').send({ challengeToken: login.body.challengeToken, code: currentCode(administrator, clock) }).expect(200);
    expect(mfa.body).toMatchObject({ accessToken: expect.any(String), expiresIn: 900, administrator: { id: administrator.id, email: administrator.email } });
    const cookie = (mfa.headers['set-cookie'] as unknown as string[]).find((value) => value.startsWith('mtp_refresh='))!;
    expect(cookie).toMatch(/HttpOnly/);
    expect(cookie).toMatch(/SameSite=Strict/);
    expect(cookie).toMatch(/Path=\/api\/v1\/auth/);

    const me = await testApp.http.get('/api/v1/me').set('authorization', `Bearer ${mfa.body.accessToken}`).expect(200);
    expect(me.body).toMatchObject({ id: administrator.id, email: administrator.email, mfaEnrolled: true, recoveryCodesRemaining: 10, partnerMemberships: [], orgMemberships: [] });
    expect(await auditActions(administrator.id)).toEqual(expect.arrayContaining(['auth.login.password_accepted', 'auth.login.succeeded']));
  });

  it('enrolls an administrator without MFA at first sign-in, and nothing else works before', async () => {
    const administrator = await createAdministrator(testApp.app, clock, { enrolled: false });
    const login = await testApp.http.post('/api/v1/auth/login').send({ email: administrator.email, password: administrator.password }).expect(200);
    expect(login.body.status).toBe('mfa_enrollment_required');
    const enrollment = `Bearer ${login.body.enrollmentToken}`;

    expect((await testApp.http.get('/api/v1/me').set('authorization', enrollment)).status).toBe(401);

    const started = await testApp.http.post('/api/v1/auth/mfa/enrollment').set('authorization', enrollment).expect(200);
    expect(started.body.secret).toMatch(/^[A-Z2-7]{32}$/);
    expect(started.body.otpauthUrl).toContain(`secret=${started.body.secret}`);
    expect(started.body.qrCodeDataUrl).toMatch(/^data:image\/svg\+xml;base64,/);

    const wrongCode = totpCodeAt(started.body.secret, new Date(clock.now().getTime() + 5 * 60_000));
    await testApp.http.post('/api/v1/auth/mfa/enrollment/confirm').set('authorization', enrollment).send({ code: wrongCode }).expect(401);

    const confirmed = await testApp.http
      .post('/api/v1/auth/mfa/enrollment/confirm')
      .set('authorization', enrollment)
      .send({ code: totpCodeAt(started.body.secret, clock.now()) })
      .expect(200);
    expect(confirmed.body.recoveryCodes).toHaveLength(10);
    expect(new Set(confirmed.body.recoveryCodes).size).toBe(10);
    confirmed.body.recoveryCodes.forEach((code: string) => expect(code).toMatch(/^[A-HJ-NP-Z2-9]{5}-[A-HJ-NP-Z2-9]{5}$/));
    refreshCookieOf(confirmed.headers['set-cookie']);
    await testApp.http.get('/api/v1/me').set('authorization', `Bearer ${confirmed.body.accessToken}`).expect(200);
    expect(await auditActions(administrator.id)).toEqual(expect.arrayContaining(['auth.mfa.enrolled', 'auth.login.succeeded']));

    const again = await testApp.http.post('/api/v1/auth/login').send({ email: administrator.email, password: administrator.password }).expect(200);
    expect(again.body.status).toBe('mfa_required');
  });

  it('refuses an enrollment token on the MFA step and a challenge token as a bearer token', async () => {
    const enrolled = await createAdministrator(testApp.app, clock);
    const login = await testApp.http.post('/api/v1/auth/login').send({ email: enrolled.email, password: enrolled.password }).expect(200);
    expect((await testApp.http.get('/api/v1/me').set('authorization', `Bearer ${login.body.challengeToken}`)).status).toBe(401);
    const wrongToken = await testApp.http.post('/api/v1/auth/mfa/enrollment').set('authorization', `Bearer ${login.body.challengeToken}`).expect(401);
    expect(wrongToken.body.code).toBe('auth.challenge_invalid');

    const fresh = await createAdministrator(testApp.app, clock, { enrolled: false });
    const enrollment = await testApp.http.post('/api/v1/auth/login').send({ email: fresh.email, password: fresh.password }).expect(200);
    const misuse = await testApp.http.post('/api/v1/auth/mfa').send({ challengeToken: enrollment.body.enrollmentToken, code: '123456' }).expect(401);
    expect(misuse.body.code).toBe('auth.challenge_invalid');
  });

  it('stops password guessing after 100 wrong passwords an hour for one account, even sent all at once, for an hour', async () => {
    const administrator = await createAdministrator(testApp.app, clock);
    const guesses = Array.from({ length: 120 }, (_, index) => `wrong password ${index}`);
    const answers = await Promise.all(guesses.map((password) => testApp.http.post('/api/v1/auth/login').send({ email: administrator.email, password })));
    // Every attempt is counted before it is checked: a burst gets exactly 100 tries, not more.
    expect(answers.filter((answer) => answer.status === 401)).toHaveLength(100);
    expect(answers.filter((answer) => answer.status === 429)).toHaveLength(20);
    const locked = await testApp.http.post('/api/v1/auth/login').send({ email: administrator.email, password: administrator.password }).expect(429);
    expect(locked.body.code).toBe('auth.too_many_attempts');
    expect(Number(locked.headers['retry-after'])).toBeGreaterThan(3500);
    const lockouts = await testApp.app.get(DataSource).getRepository(AuditEvent).countBy({ action: 'auth.login.locked', actorLabel: administrator.email });
    expect(lockouts).toBe(21);
    clock.advance(61 * 60_000);
    await testApp.http.post('/api/v1/auth/login').send({ email: administrator.email, password: administrator.password }).expect(200);
  });

  it('lets a challenge expire after ten minutes', async () => {
    const administrator = await createAdministrator(testApp.app, clock);
    const login = await testApp.http.post('/api/v1/auth/login').send({ email: administrator.email, password: administrator.password }).expect(200);
    clock.advance(11 * 60_000);
    const late = await testApp.http.post('/api/v1/auth/mfa').send({ challengeToken: login.body.challengeToken, code: currentCode(administrator, clock) }).expect(401);
    expect(late.body.code).toBe('auth.challenge_invalid');
  });
});
