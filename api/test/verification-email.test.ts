import { randomBytes } from 'node:crypto';
import { MailWorker } from '../src/mail/mail.worker.js';
import { FakeClock } from './support/fake-clock.js';
import { createAdministrator } from './support/identity-fixtures.js';
import { createOrg } from './support/org-fixtures.js';
import { createPartner, createPartnerAdmin } from './support/partner-fixtures.js';
import { startSmtpSink, type SmtpSink } from './support/smtp-sink.js';
import { createTestApp, type TestApp } from './support/test-app.js';
import { bearerFor, verificationCodeIn, verificationLinkIn } from './support/verification-fixtures.js';

const PUBLIC_URL = 'https://portal.example.com';

/** The verification emails as they leave the server: through the mail worker to a real SMTP server. */
describe('verification emails over SMTP', () => {
  const clock = new FakeClock();
  let smtp: SmtpSink;
  let testApp: TestApp;

  beforeAll(async () => {
    smtp = await startSmtpSink();
    // MAIL_POLL_INTERVAL_MS=0: the worker does not poll on its own; the test runs it, as the timer would.
    testApp = await createTestApp({ clock, env: { SMTP_URL: smtp.url, MAIL_POLL_INTERVAL_MS: '0', PUBLIC_URL, MAIL_FROM: 'MTP <no-reply@mtp.test>' } });
  });
  afterAll(async () => {
    await testApp.close();
    await smtp.close();
  });

  const deliver = () => testApp.app.get(MailWorker).runOnce();

  it('delivers the code and link to the org admin, sends nothing for a request that goes nowhere, and the delivered code verifies', async () => {
    const orgAdmin = await createAdministrator(testApp.app, clock, { email: 'it.lead@wingtip.example', enrolled: false });
    const secondAdmin = await createAdministrator(testApp.app, clock, { email: 'ceo@wingtip.example', enrolled: false });
    const org = await createOrg(testApp.app, 'Wingtip Toys', [orgAdmin.id, secondAdmin.id]);
    const partner = await createPartner(testApp.app, { name: 'Mail Partner' });
    const asker = await createPartnerAdmin(testApp.app, clock, partner.id, { role: 'admin' });
    const auth = await bearerFor(testApp.http, asker, clock);

    const real = await testApp.http.post('/api/v1/partner/verifications').set('authorization', auth).send({ orgId: org.publicId, email: orgAdmin.email }).expect(202);
    await testApp.http.post('/api/v1/partner/verifications').set('authorization', auth).send({ orgId: randomBytes(12).toString('hex'), email: 'someone@wingtip.example' }).expect(202);
    expect(await deliver()).toBe(1);
    await smtp.waitForCount(1);
    expect(await deliver()).toBe(0);

    expect(smtp.received).toHaveLength(1);
    const [received] = smtp.received;
    expect(received).toMatchObject({ from: 'no-reply@mtp.test', to: ['it.lead@wingtip.example'], subject: 'Mail Partner asks to manage Wingtip Toys' });
    const code = verificationCodeIn(received!.text);
    expect(code).toMatch(/^[0-9A-Z]{4}-[0-9A-Z]{4}$/);
    expect(received!.text).toContain(`${asker.email} of Mail Partner asked to manage your organization Wingtip Toys (OrgID ${org.publicId})`);
    const { link, token } = verificationLinkIn(received!.text);
    expect(link.startsWith(`${PUBLIC_URL}/verify-org?token=`)).toBe(true);
    // The HTML part carries the same code and the same link as a button.
    expect(received!.html).toContain(code);
    expect(received!.html).toContain(`href="${link}"`);

    // The link from the delivered email opens the review page's data.
    const preview = await testApp.http.post('/api/v1/public/verifications/lookup').send({ token }).expect(200);
    expect(preview.body).toMatchObject({ partnerName: 'Mail Partner', orgName: 'Wingtip Toys', email: 'it.lead@wingtip.example', requestedBy: asker.email });

    // The code as the org admin read it out verifies the org; both of its admins are then told.
    await testApp.http.post(`/api/v1/partner/verifications/${real.body.id}/code`).set('authorization', auth).send({ code }).expect(200);
    expect(await deliver()).toBe(2);
    await smtp.waitForCount(3);
    const notices = smtp.received.slice(1);
    expect(notices.map((mail) => mail.to[0]).sort()).toEqual(['ceo@wingtip.example', 'it.lead@wingtip.example']);
    expect(notices.map((mail) => mail.subject)).toEqual(['Mail Partner now manages Wingtip Toys', 'Mail Partner now manages Wingtip Toys']);
    expect(notices[0]!.text).toContain('confirmed with the code sent to it.lead@wingtip.example');
  });
});
