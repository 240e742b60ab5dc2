import { DataSource } from 'typeorm';
import { AuditEvent } from '../src/audit/audit-event.entity.js';
import { FakeClock } from './support/fake-clock.js';
import { createAdministrator, currentCode, type TestAdministrator } from './support/identity-fixtures.js';
import { createTestApp, type TestApp } from './support/test-app.js';

describe('the MFA step', () => {
  const clock = new FakeClock();
  let testApp: TestApp;
  beforeAll(async () => {
    testApp = await createTestApp({ clock });
  });
  afterAll(() => testApp.close());

  const challenge = async (administrator: TestAdministrator): Promise<string> =>
    (await testApp.http.post('/api/v1/auth/login').send({ email: administrator.email, password: administrator.password }).expect(200)).body.challengeToken;
  const submit = (challengeToken: string, proof: { code?: string; recoveryCode?: string }) => testApp.http.post('/api/v1/auth/mfa').send({ challengeToken, ...proof });

  it('accepts a code once: the same code again is refused, even in a new sign-in', async () => {
    const administrator = await createAdministrator(testApp.app, clock);
    const code = currentCode(administrator, clock);
    await submit(await challenge(administrator), { code }).expect(200);
    const replay = await submit(await challenge(administrator), { code }).expect(401);
    expect(replay.body.code).toBe('auth.mfa_invalid');
  });

  it('lets exactly one of two simultaneous submissions of the same code through', async () => {
    const administrator = await createAdministrator(testApp.app, clock);
    const [first, second] = [await challenge(administrator), await challenge(administrator)];
    const code = currentCode(administrator, clock);
    const results = await Promise.all([submit(first, { code }), submit(second, { code }), submit(first, { code })]);
    expect(results.map((response) => response.status).sort()).toEqual([200, 401, 401]);
  });

  it('refuses an older step once a newer one was used', async () => {
    const administrator = await createAdministrator(testApp.app, clock);
    await submit(await challenge(administrator), { code: currentCode(administrator, clock, 1) }).expect(200);
    await submit(await challenge(administrator), { code: currentCode(administrator, clock) }).expect(401);
  });

  it('locks MFA for 15 minutes after five wrong codes, says when to retry, and audits it', async () => {
    const administrator = await createAdministrator(testApp.app, clock);
    const token = await challenge(administrator);
    for (let attempt = 0; attempt < 5; attempt += 1) await submit(token, { code: '000000' }).expect(401);
    const locked = await submit(token, { code: currentCode(administrator, clock) }).expect(429);
    expect(locked.body.code).toBe('auth.too_many_attempts');
    expect(Number(locked.headers['retry-after'])).toBeGreaterThan(14 * 60);
    expect(Number(locked.headers['retry-after'])).toBeLessThanOrEqual(15 * 60);
    const audit = await testApp.app.get(DataSource).getRepository(AuditEvent).findBy({ actorId: administrator.id, action: 'auth.mfa.locked' });
    expect(audit).toHaveLength(1);

    clock.advance(14 * 60_000);
    await submit(await challenge(administrator), { code: currentCode(administrator, clock) }).expect(429);
    clock.advance(61_000);
    await submit(await challenge(administrator), { code: currentCode(administrator, clock) }).expect(200);
  });

  it('accepts each recovery code once, in any case and with or without the dash', async () => {
    const administrator = await createAdministrator(testApp.app, clock);
    const [code] = administrator.recoveryCodes!;
    const typed = code!.toLowerCase().replace('-', ' ');
    const used = await submit(await challenge(administrator), { recoveryCode: typed }).expect(200);
    const me = await testApp.http.get('/api/v1/me').set('authorization', `Bearer ${used.body.accessToken}`).expect(200);
    expect(me.body.recoveryCodesRemaining).toBe(9);
    const again = await submit(await challenge(administrator), { recoveryCode: code }).expect(401);
    expect(again.body.detail).toBe('That recovery code is not valid or was already used');
  });

  it('regenerates recovery codes with a current code, and the old ones stop working', async () => {
    const administrator = await createAdministrator(testApp.app, clock);
    const signedIn = await submit(await challenge(administrator), { code: currentCode(administrator, clock) }).expect(200);
    const auth = `Bearer ${signedIn.body.accessToken}`;
    await testApp.http.post('/api/v1/me/recovery-codes').set('authorization', auth).send({ code: '000000' }).expect(400);
    const fresh = await testApp.http.post('/api/v1/me/recovery-codes').set('authorization', auth).send({ code: currentCode(administrator, clock, 1) }).expect(200);
    expect(fresh.body.recoveryCodes).toHaveLength(10);
    await submit(await challenge(administrator), { recoveryCode: administrator.recoveryCodes![0] }).expect(401);
    await submit(await challenge(administrator), { recoveryCode: fresh.body.recoveryCodes[0] }).expect(200);
  });
});
