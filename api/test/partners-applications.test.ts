import { DataSource } from 'typeorm';
import { AuditEvent } from '../src/audit/audit-event.entity.js';
import { StaffService } from '../src/identity/staff.service.js';
import { ApplicationsService } from '../src/partners/applications/applications.service.js';
import type { PartnerActor } from '../src/partners/partner-actor.js';
import { FakeClock } from './support/fake-clock.js';
import { completeEnrollment, latestInvitationToken, membershipsOf, outboxTo } from './support/partner-fixtures.js';
import { createTestApp, type TestApp } from './support/test-app.js';

interface ApplicationRow {
  id: string;
  kind: string;
  company: string;
  contact_name: string;
  email: string;
  customer_count: number | null;
  partner_kind: string;
  message: string;
  status: string;
  handled_by: string | null;
  partner_id: string | null;
}

describe('partner applications: from the public form to a partner with its owner', () => {
  const clock = new FakeClock();
  let testApp: TestApp;
  let db: DataSource;
  let staff: PartnerActor;

  const submit = (body: object) => testApp.http.post('/api/v1/public/applications').send(body);
  const applicationsOf = (email: string): Promise<ApplicationRow[]> => db.query('SELECT * FROM partner_applications WHERE email = $1 ORDER BY created_at', [email]);
  const count = async (table: 'partner_applications' | 'mail_outbox') => (await db.query(`SELECT count(*)::int AS n FROM ${table}`))[0].n as number;
  const approve = (id: string) => testApp.app.get(ApplicationsService).approve(id, staff);
  /** A fresh application, as the form sends it, and its stored id. */
  async function applied(email: string, company: string, partnerKind: 'msp' | 'enterprise' = 'msp'): Promise<string> {
    await submit({ kind: 'partner', company, contactName: 'Dana Reyes', email, partnerKind }).expect(202);
    return (await applicationsOf(email)).at(-1)!.id;
  }

  beforeAll(async () => {
    testApp = await createTestApp({ clock, env: { MAIL_POLL_INTERVAL_MS: '0', PUBLIC_URL: 'https://portal.example.com' } });
    db = testApp.app.get(DataSource);
    const reviewer = await testApp.app.get(StaffService).create({ email: 'reviewer@platform.example', name: 'Reviewer', password: 'staff passphrase long enough' });
    staff = { type: 'staff', id: reviewer.id, label: reviewer.email };
  });
  afterAll(() => testApp.close());

  it('receives a partner application: 202, a confirmation to the applicant, and the application stored for review', async () => {
    const received = await submit({
      kind: 'partner',
      company: '  Northwind IT  ',
      contactName: 'Dana Reyes',
      email: ' Dana@Northwind.Example ',
      customerCount: 40,
      partnerKind: 'msp',
      message: 'We manage 40 customers.',
    }).expect(202);
    expect(received.body).toEqual({ received: true, message: expect.stringContaining('dana@northwind.example') });

    const [mail, ...more] = await outboxTo(testApp.app, 'dana@northwind.example');
    expect(more).toEqual([]);
    expect(mail).toMatchObject({ template: 'application-received', subject: 'We received your application to become a partner' });
    expect(mail!.textBody).toContain('Hello Dana Reyes');
    expect(mail!.textBody).toContain('Northwind IT');

    expect(await applicationsOf('dana@northwind.example')).toEqual([
      expect.objectContaining({ kind: 'partner', company: 'Northwind IT', contact_name: 'Dana Reyes', customer_count: 40, partner_kind: 'msp', message: 'We manage 40 customers.', status: 'new', partner_id: null }),
    ]);
    const [row] = await applicationsOf('dana@northwind.example');
    expect(await db.getRepository(AuditEvent).findBy({ action: 'partners.application.submitted', targetId: row!.id })).toHaveLength(1);
  });

  it('receives an evaluation request the same way, with its own confirmation', async () => {
    await submit({ kind: 'evaluation', company: 'Contoso', contactName: 'Eve Park', email: 'eve@contoso.example', partnerKind: 'enterprise' }).expect(202);
    const [mail] = await outboxTo(testApp.app, 'eve@contoso.example');
    expect(mail!.subject).toBe('We received your request for an evaluation');
    expect(await applicationsOf('eve@contoso.example')).toEqual([
      expect.objectContaining({ kind: 'evaluation', company: 'Contoso', partner_kind: 'enterprise', customer_count: null, message: '', status: 'new' }),
    ]);
  });

  it('refuses bad input as problem+json naming the field, and stores and sends nothing', async () => {
    const valid = { kind: 'partner', company: 'Valid Co', contactName: 'Val Id', email: 'val@valid.example' };
    const { company: _company, ...withoutCompany } = valid;
    const cases: [object, string][] = [
      [withoutCompany, 'company'],
      [{ ...valid, company: '   ' }, 'company'],
      [{ ...valid, email: 'not-an-email' }, 'email'],
      [{ ...valid, message: 'x'.repeat(2001) }, 'message'],
      [{ ...valid, kind: 'reseller' }, 'kind'],
      [{ ...valid, customerCount: -1 }, 'customerCount'],
      [{ ...valid, status: 'approved' }, 'status'],
      [{ ...valid, partnerId: '00000000-0000-4000-8000-000000000000' }, 'partnerId'],
    ];
    const [applicationsBefore, mailBefore] = [await count('partner_applications'), await count('mail_outbox')];
    for (const [body, field] of cases) {
      const refused = await submit(body).expect(400);
      expect(refused.headers['content-type']).toContain('application/problem+json');
      expect([field, refused.body.code, refused.body.errors.map((error: { field: string }) => error.field)]).toEqual([field, 'request.validation_failed', [field]]);
    }
    // 2000 characters is still fine: the limit is inclusive.
    await submit({ ...valid, message: 'x'.repeat(2000) }).expect(202);
    expect(await count('partner_applications')).toBe(applicationsBefore + 1);
    expect(await count('mail_outbox')).toBe(mailBefore + 1);
  });

  it('answers 429 with Retry-After after three applications an hour from one email, however it is typed', async () => {
    for (let attempt = 0; attempt < 3; attempt += 1) await submit({ kind: 'evaluation', company: `Busy ${attempt}`, contactName: 'Bea Busy', email: 'busy@spam.example' }).expect(202);
    const limited = await submit({ kind: 'evaluation', company: 'Busy 4', contactName: 'Bea Busy', email: 'BUSY@spam.example' }).expect(429);
    expect(limited.body.code).toBe('applications.too_many');
    const retryAfter = Number(limited.headers['retry-after']);
    expect(retryAfter).toBeGreaterThan(3000);
    expect(retryAfter).toBeLessThanOrEqual(3600);
    expect(await applicationsOf('busy@spam.example')).toHaveLength(3);
    expect(await outboxTo(testApp.app, 'busy@spam.example')).toHaveLength(3);

    // The limit is per email: someone else applying from the same place is not held back.
    await submit({ kind: 'evaluation', company: 'Calm Co', contactName: 'Cal Calm', email: 'calm@quiet.example' }).expect(202);
    clock.advance(retryAfter * 1000 + 1000);
    await submit({ kind: 'evaluation', company: 'Busy again', contactName: 'Bea Busy', email: 'busy@spam.example' }).expect(202);
  });

  it('approves an application: the partner is created, and the invited applicant becomes its owner', async () => {
    const id = await applied('owner@fabrikam.example', 'Fabrikam Design', 'enterprise');
    const partner = await approve(id);
    expect(partner).toMatchObject({ name: 'Fabrikam Design', kind: 'enterprise', status: 'active' });
    expect((await applicationsOf('owner@fabrikam.example'))[0]).toMatchObject({ status: 'approved', partner_id: partner.id, handled_by: staff.id });

    const mails = await outboxTo(testApp.app, 'owner@fabrikam.example');
    expect(mails.map((mail) => mail.template)).toEqual(['application-received', 'partner-invitation']);
    expect(mails[1]!.subject).toBe('Join Fabrikam Design in the Multi-Tenant Portal');
    // Staff invite in the platform's name: their own address never reaches the applicant.
    expect(mails[1]!.textBody).toContain('The platform team invited you');
    expect(mails[1]!.textBody).not.toContain(staff.label!);
    const token = await latestInvitationToken(testApp.app, 'owner@fabrikam.example');
    expect((await testApp.http.post('/api/v1/public/invitations/lookup').send({ token }).expect(200)).body).toMatchObject({
      partnerName: 'Fabrikam Design',
      email: 'owner@fabrikam.example',
      role: 'owner',
      accountExists: false,
    });

    const step = await testApp.http.post('/api/v1/public/invitations/accept').send({ token, name: 'Dana Reyes', password: 'fabrikam owner passphrase' }).expect(200);
    expect(step.body.status).toBe('mfa_enrollment_required');
    const ownerAuth = `Bearer ${await completeEnrollment(testApp.http, step.body.enrollmentToken, clock)}`;

    const settings = await testApp.http.get('/api/v1/partner/settings').set('authorization', ownerAuth).expect(200);
    expect(settings.body).toMatchObject({ partnerId: partner.id, name: 'Fabrikam Design', kind: 'enterprise', status: 'active' });
    const admins = await testApp.http.get('/api/v1/partner/admins').set('authorization', ownerAuth).expect(200);
    expect(admins.body).toEqual([expect.objectContaining({ email: 'owner@fabrikam.example', name: 'Dana Reyes', role: 'owner', orgAccess: 'all', status: 'active', you: true })]);
    // As the owner, they can invite their team.
    await testApp.http.post('/api/v1/partner/invitations').set('authorization', ownerAuth).send({ email: 'tech@fabrikam.example', role: 'helpdesk', orgAccess: 'all' }).expect(201);

    const actions = (await db.getRepository(AuditEvent).find({ where: { partnerId: partner.id }, order: { id: 'ASC' } })).map((event) => event.action);
    expect(actions.slice(0, 4)).toEqual(['partners.created', 'partners.invitation.created', 'partners.application.approved', 'partners.invitation.accepted']);
  });

  it('handles an application once: a second approval, even at the same moment, is refused and makes no second partner', async () => {
    const id = await applied('twice@tailspin.example', 'Tailspin Toys');
    await approve(id);
    await expect(approve(id)).rejects.toMatchObject({ code: 'applications.already_handled', status: 409 });

    const racing = await applied('race@woodgrove.example', 'Woodgrove Bank');
    const outcomes = await Promise.allSettled([approve(racing), approve(racing)]);
    expect(outcomes.map((outcome) => outcome.status).sort()).toEqual(['fulfilled', 'rejected']);
    expect(outcomes.find((outcome) => outcome.status === 'rejected')).toMatchObject({ reason: { code: 'applications.already_handled' } });

    const partners = await db.query('SELECT name FROM partners WHERE name = ANY($1) ORDER BY name', [['Tailspin Toys', 'Woodgrove Bank']]);
    expect(partners).toEqual([{ name: 'Tailspin Toys' }, { name: 'Woodgrove Bank' }]);
    expect((await outboxTo(testApp.app, 'race@woodgrove.example')).filter((mail) => mail.template === 'partner-invitation')).toHaveLength(1);
  });

  it('refuses to approve a rejected application, or one that does not exist', async () => {
    const id = await applied('no@thanks.example', 'Not Yet Ltd');
    await testApp.app.get(ApplicationsService).reject(id, 'Too early', staff);
    await expect(approve(id)).rejects.toMatchObject({ code: 'applications.already_handled', status: 409 });
    await expect(approve('00000000-0000-4000-8000-000000000000')).rejects.toMatchObject({ code: 'applications.not_found', status: 404 });
    expect(await db.query('SELECT id FROM partners WHERE name = $1', ['Not Yet Ltd'])).toEqual([]);
    expect((await applicationsOf('no@thanks.example'))[0]).toMatchObject({ status: 'rejected', partner_id: null });
    // The applicant is told, rather than left waiting; no invitation goes out.
    expect((await outboxTo(testApp.app, 'no@thanks.example')).map((mail) => mail.template).sort()).toEqual(['application-declined', 'application-received']);
  });

  it('does not let an application make an admin of another partner its owner: the approval fails whole', async () => {
    // The applicant already owns Fabrikam (approved above); a second company of theirs cannot take them as owner.
    const id = await applied('owner@fabrikam.example', 'Fabrikam Spin-off');
    await expect(approve(id)).rejects.toMatchObject({ code: 'partners.other_partner', status: 409 });
    expect(await db.query('SELECT id FROM partners WHERE name = $1', ['Fabrikam Spin-off'])).toEqual([]);
    expect((await applicationsOf('owner@fabrikam.example')).at(-1)).toMatchObject({ status: 'new' });
    const [account] = await db.query('SELECT id FROM administrators WHERE email = $1', ['owner@fabrikam.example']);
    expect((await membershipsOf(testApp.app, account.id)).map((row) => row.role)).toEqual(['owner']);
  });
});
