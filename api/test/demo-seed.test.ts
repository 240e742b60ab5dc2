import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DemoSeedService } from '../src/database/seed/demo-seed.service.js';
import { StaffService } from '../src/identity/staff.service.js';
import { createTestApp, type TestApp } from './support/test-app.js';

describe('demo data', () => {
  let testApp: TestApp;
  beforeAll(async () => {
    testApp = await createTestApp({ DEMO_DATA: 'true' });
  });
  afterAll(() => testApp.close());

  it('seeds an empty database once, with fresh passwords written to demo-accounts.json that really sign in', async () => {
    const seeder = testApp.app.get(DemoSeedService);
    const first = await seeder.seedIfEmpty();
    expect(first.seeded).toBe(true);
    const file = JSON.parse(readFileSync(join(testApp.config.dataDir, 'demo-accounts.json'), 'utf8'));
    expect(file.accounts).toEqual(first.accounts);
    const staffAccount = file.accounts.find((account: { role: string }) => account.role.includes('staff'));
    expect(staffAccount.password).toMatch(/^Demo-[A-Za-z0-9_-]{16}$/);
    expect(await testApp.app.get(StaffService).verifyCredentials(staffAccount.email, staffAccount.password)).not.toBeNull();

    const second = await seeder.seedIfEmpty();
    expect(second.seeded).toBe(false);
    expect(await testApp.app.get(StaffService).count()).toBe(1);
  });
});
