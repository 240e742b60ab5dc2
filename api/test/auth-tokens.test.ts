import { createHmac } from 'node:crypto';
import { FakeClock } from './support/fake-clock.js';
import { createAdministrator } from './support/identity-fixtures.js';
import { refreshCookieOf, signIn } from './support/sign-in.js';
import { createTestApp, type TestApp } from './support/test-app.js';

const base64url = (value: object | string) => Buffer.from(typeof value === 'string' ? value : JSON.stringify(value)).toString('base64url');

function jwt(header: object, payload: object, secret: string): string {
  const unsigned = `${base64url(header)}.${base64url(payload)}`;
  return `${unsigned}.${createHmac('sha256', secret).update(unsigned).digest('base64url')}`;
}

describe('tokens and sessions', () => {
  const clock = new FakeClock();
  let testApp: TestApp;
  beforeAll(async () => {
    testApp = await createTestApp({ clock });
  });
  afterAll(() => testApp.close());

  const me = (token: string) => testApp.http.get('/api/v1/me').set('authorization', `Bearer ${token}`);
  const refresh = (cookie: string) => testApp.http.post('/api/v1/auth/refresh').set('cookie', cookie);

  it('rotates the refresh token on every use', async () => {
    const session = await signIn(testApp.http, await createAdministrator(testApp.app, clock), clock);
    const rotated = await refresh(session.refreshCookie).expect(200);
    const next = refreshCookieOf(rotated.headers['set-cookie']);
    expect(next).not.toBe(session.refreshCookie);
    await me(rotated.body.accessToken).expect(200);
    await refresh(next).expect(200);
  });

  it('treats a used refresh token coming back as theft: the whole session ends', async () => {
    const session = await signIn(testApp.http, await createAdministrator(testApp.app, clock), clock);
    const rotated = await refresh(session.refreshCookie).expect(200);
    const stolenReplay = await refresh(session.refreshCookie).expect(409);
    expect(stolenReplay.body.code).toBe('auth.refresh_race');

    clock.advance(11_000);
    const reuse = await refresh(session.refreshCookie).expect(401);
    expect(reuse.body.code).toBe('auth.session_ended');
    await refresh(refreshCookieOf(rotated.headers['set-cookie'])).expect(401);
    await me(rotated.body.accessToken).expect(401);
    await me(session.accessToken).expect(401);
  });

  it('ends the session on logout, at once for the access token too', async () => {
    const session = await signIn(testApp.http, await createAdministrator(testApp.app, clock), clock);
    await me(session.accessToken).expect(200);
    const logout = await testApp.http.post('/api/v1/auth/logout').set('cookie', session.refreshCookie).expect(204);
    expect(String(logout.headers['set-cookie'])).toMatch(/mtp_refresh=;/);
    await me(session.accessToken).expect(401);
    await refresh(session.refreshCookie).expect(401);
  });

  it('signs out the other sessions when the password changes, and keeps this one', async () => {
    const administrator = await createAdministrator(testApp.app, clock);
    const here = await signIn(testApp.http, administrator, clock);
    const elsewhere = await signIn(testApp.http, administrator, clock, 1);
    const tooShort = await testApp.http.post('/api/v1/me/password').set('authorization', `Bearer ${here.accessToken}`).send({ currentPassword: administrator.password, newPassword: 'short' }).expect(400);
    expect(tooShort.body.code).toBe('auth.password_too_short');
    await testApp.http.post('/api/v1/me/password').set('authorization', `Bearer ${here.accessToken}`).send({ currentPassword: 'wrong one', newPassword: 'a much longer passphrase' }).expect(400);
    await testApp.http.post('/api/v1/me/password').set('authorization', `Bearer ${here.accessToken}`).send({ currentPassword: administrator.password, newPassword: 'a much longer passphrase' }).expect(204);
    await me(here.accessToken).expect(200);
    await me(elsewhere.accessToken).expect(401);
    await testApp.http.post('/api/v1/auth/login').send({ email: administrator.email, password: administrator.password }).expect(401);
    await testApp.http.post('/api/v1/auth/login').send({ email: administrator.email, password: 'a much longer passphrase' }).expect(200);
  });

  it('signs out everywhere, this session included', async () => {
    const administrator = await createAdministrator(testApp.app, clock);
    const one = await signIn(testApp.http, administrator, clock);
    const two = await signIn(testApp.http, administrator, clock, 1);
    const response = await testApp.http.post('/api/v1/me/sessions/revocations').set('authorization', `Bearer ${one.accessToken}`).expect(200);
    expect(response.body.sessionsRevoked).toBe(2);
    await me(one.accessToken).expect(401);
    await me(two.accessToken).expect(401);
  });

  describe('refuses forged and misused access tokens', () => {
    let valid: { sub: string; sid: string };
    beforeAll(async () => {
      const session = await signIn(testApp.http, await createAdministrator(testApp.app, clock), clock);
      valid = JSON.parse(Buffer.from(session.accessToken.split('.')[1]!, 'base64url').toString());
    });
    const now = () => Math.floor(Date.now() / 1000);
    const claims = () => ({ sub: valid.sub, sid: valid.sid, aud: 'portal', iss: 'mtp', iat: now(), exp: now() + 600 });

    it.each([
      ['signed with another secret', () => jwt({ alg: 'HS256', typ: 'JWT' }, claims(), 'not-the-secret-of-this-portal-at-all')],
      ['with alg none', () => `${base64url({ alg: 'none', typ: 'JWT' })}.${base64url(claims())}.`],
      ['for another audience', (secret: string) => jwt({ alg: 'HS256', typ: 'JWT' }, { ...claims(), aud: 'org-console' }, secret)],
      ['from another issuer', (secret: string) => jwt({ alg: 'HS256', typ: 'JWT' }, { ...claims(), iss: 'elsewhere' }, secret)],
      ['expired', (secret: string) => jwt({ alg: 'HS256', typ: 'JWT' }, { ...claims(), iat: now() - 1000, exp: now() - 10 }, secret)],
      ['with an algorithm not allowed', (secret: string) => jwt({ alg: 'HS512', typ: 'JWT' }, claims(), secret)],
      ['for a session that does not exist', (secret: string) => jwt({ alg: 'HS256', typ: 'JWT' }, { ...claims(), sid: '00000000-0000-4000-8000-000000000000' }, secret)],
    ])('%s', async (_name, forge) => {
      const response = await me(forge(testApp.config.secrets.jwtSecret)).expect(401);
      expect(response.body.status).toBe(401);
    });

    it('tampered payload', async () => {
      const good = jwt({ alg: 'HS256', typ: 'JWT' }, claims(), testApp.config.secrets.jwtSecret);
      await me(good).expect(200);
      const [header, , signature] = good.split('.');
      await me(`${header}.${base64url({ ...claims(), sub: '00000000-0000-4000-8000-000000000001' })}.${signature}`).expect(401);
    });
  });
});
