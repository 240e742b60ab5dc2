import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DemoSeedService } from '../src/database/seed/demo-seed.service.js';
import type { DemoAccount } from '../src/database/seed/demo-accounts.js';
import { totpCodeAt } from '../src/identity/mfa/totp.js';
import { StaffService } from '../src/identity/staff.service.js';
import { createTestApp, type TestApp } from './support/test-app.js';

describe('demo data', () => {
  let testApp: TestApp;
  let accounts: DemoAccount[];
  beforeAll(async () => {
    testApp = await createTestApp({ DEMO_DATA: 'true' });
    const outcome = await testApp.app.get(DemoSeedService).seedIfEmpty();
    expect(outcome.seeded).toBe(true);
    accounts = JSON.parse(readFileSync(join(testApp.config.dataDir, 'demo-accounts.json'), 'utf8')).accounts;
    expect(accounts).toEqual(outcome.accounts);
  });
  afterAll(() => testApp.close());

  const account = (email: string) => accounts.find((candidate) => candidate.email === email)!;

  /** Signs in with the next step's code: an earlier test may have used this step's code already. */
  async function signInWithTotp(candidate: DemoAccount): Promise<string> {
    const login = await testApp.http.post('/api/v1/auth/login').send({ email: candidate.email, password: candidate.password }).expect(200);
    const code = totpCodeAt(candidate.totpSecret!, new Date(Date.now() + 30_000));
    return (await testApp.http.post('/api/v1/auth/mfa').send({ challengeToken: login.body.challengeToken, code }).expect(200)).body.accessToken;
  }

  it('writes every account with a fresh password, and a TOTP secret where MFA is set up', () => {
    expect(accounts.map((candidate) => candidate.email)).toEqual(['staff@demo.mtp.local', 'ana@demo.mtp.local', 'hugo@demo.mtp.local', 'new.admin@demo.mtp.local', 'olivia@demo.mtp.local']);
    for (const candidate of accounts) expect(candidate.password).toMatch(/^Demo-[A-Za-z0-9_-]{16}$/);
    expect(account('staff@demo.mtp.local').totpSecret).toMatch(/^[A-Z2-7]{32}$/);
    expect(account('ana@demo.mtp.local').totpSecret).toMatch(/^[A-Z2-7]{32}$/);
    expect(account('new.admin@demo.mtp.local').totpSecret).toBeUndefined();
  });

  it('gives credentials that really sign in, with the printed TOTP secret', async () => {
    const ana = account('ana@demo.mtp.local');
    const login = await testApp.http.post('/api/v1/auth/login').send({ email: ana.email, password: ana.password }).expect(200);
    expect(login.body.status).toBe('mfa_required');
    await testApp.http.post('/api/v1/auth/mfa').send({ challengeToken: login.body.challengeToken, code: totpCodeAt(ana.totpSecret!, new Date()) }).expect(200);

    const newcomer = account('new.admin@demo.mtp.local');
    const first = await testApp.http.post('/api/v1/auth/login').send({ email: newcomer.email, password: newcomer.password }).expect(200);
    expect(first.body.status).toBe('mfa_enrollment_required');

    const staff = account('staff@demo.mtp.local');
    expect(await testApp.app.get(StaffService).verifyCredentials(staff.email, staff.password)).not.toBeNull();
  });

  it('gives the demo partner its portfolio: the owner sees every associated org, the helpdesk admin only theirs', async () => {
    const orgNames = async (email: string) => {
      const candidate = account(email);
      const token = await signInWithTotp(candidate);
      const page = await testApp.http.get('/api/v1/partner/orgs').set('authorization', `Bearer ${token}`).expect(200);
      return (page.body.items as { name: string }[]).map((org) => org.name);
    };
    expect(await orgNames('ana@demo.mtp.local')).toEqual(['Acme Manufacturing', 'Contoso Dental', 'Fabrikam Design', 'Globex Retail', 'Initech Legal']);
    expect(await orgNames('hugo@demo.mtp.local')).toEqual(['Acme Manufacturing', 'Globex Retail']);
  });

  it('never seeds a database that already has data', async () => {
    expect((await testApp.app.get(DemoSeedService).seedIfEmpty()).seeded).toBe(false);
    expect(await testApp.app.get(StaffService).count()).toBe(1);
  });
});
