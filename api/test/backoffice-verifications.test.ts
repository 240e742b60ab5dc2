import { randomUUID } from 'node:crypto';
import request from 'supertest';
import type TestAgent from 'supertest/lib/agent.js';
import { DataSource } from 'typeorm';
import type { PartnerScope } from '../src/identity/access/partner-access.js';
import { totpCodeAt } from '../src/identity/mfa/totp.js';
import { StaffService } from '../src/identity/staff.service.js';
import { PartnerAdminsService } from '../src/partners/admins/partner-admins.service.js';
import { SYSTEM_ACTOR } from '../src/partners/partner-actor.js';
import { PartnersService } from '../src/partners/partners.service.js';
import { VerificationRequestsService } from '../src/verification/verification-requests.service.js';
import { FakeClock } from './support/fake-clock.js';
import { createAdministrator } from './support/identity-fixtures.js';
import { createOrg } from './support/org-fixtures.js';
import { createTestApp, type TestApp } from './support/test-app.js';

type RecordJson = { id: string; params: Record<string, unknown>; recordActions: { name: string }[] };

/** Staff see what partners never do: whether a verification's code went out, and why not. */
describe('verification requests in the back-office', () => {
  const clock = new FakeClock();
  let testApp: TestApp;
  let browser: TestAgent;

  beforeAll(async () => {
    testApp = await createTestApp({ clock });
    const staff = { email: 'ops@platform.example', name: 'Olga Ops', password: 'correct horse battery staple' };
    await testApp.app.get(StaffService).create(staff);
    browser = request.agent(testApp.app.getHttpServer());
    const password = await browser.post('/admin/login').type('form').send({ email: staff.email, password: staff.password }).expect(200);
    const secret = /data-testid="totp-secret">([A-Z2-7]+)</.exec(password.text)![1]!;
    await browser.post('/admin/login/enroll').type('form').send({ code: totpCodeAt(secret, clock.now()) }).expect(200);
  });
  afterAll(() => testApp.close());

  it('lists each request with whether it was deliverable and why not, never its hashes, and allows no edits', async () => {
    const db = testApp.app.get(DataSource);
    const owner = await createAdministrator(testApp.app, clock);
    const orgAdmin = await createAdministrator(testApp.app, clock);
    const partner = await testApp.app.get(PartnersService).create(db.manager, { name: 'Northwind', kind: 'msp' }, SYSTEM_ACTOR);
    await db.transaction((manager) => testApp.app.get(PartnerAdminsService).addMember(manager, partner.id, owner.id, { role: 'owner', orgAccess: 'all', orgs: [] }, null));
    const org = await createOrg(testApp.app, 'Acme', [orgAdmin.id]);
    const scope: PartnerScope = { partnerId: partner.id, partnerName: partner.name, administratorId: owner.id, sessionId: randomUUID(), role: 'owner', orgAccess: 'all' };
    const context = { ip: '203.0.113.7', userAgent: null, requestId: null };
    const requests = testApp.app.get(VerificationRequestsService);
    await requests.request(scope, { orgId: org.publicId, email: orgAdmin.email }, context);
    await requests.request(scope, { orgId: org.publicId, email: 'someone@else.example' }, context);
    await requests.request(scope, { orgId: 'ffffffffffffffffffffffff', email: orgAdmin.email }, context);

    const list = (await browser.get('/admin/api/resources/VerificationRequest/actions/list').expect(200)).body as { records: RecordJson[] };
    const seen = list.records.map((record) => [record.params.enteredOrgId, record.params.recipientEmail, record.params.deliverable, record.params.undeliverableReason ?? null]);
    expect(seen).toEqual(
      expect.arrayContaining([
        [org.publicId, orgAdmin.email, true, null],
        [org.publicId, 'someone@else.example', false, 'not_an_admin'],
        ['ffffffffffffffffffffffff', orgAdmin.email, false, 'org_not_found'],
      ]),
    );
    const shown = (await browser.get(`/admin/api/resources/VerificationRequest/records/${list.records[0]!.id}/show`).expect(200)).body as { record: RecordJson };
    expect(JSON.stringify(shown)).not.toMatch(/codeHash|linkTokenHash/);
    expect(shown.record.recordActions.map((action) => action.name)).toEqual(['show']);
  });
});
