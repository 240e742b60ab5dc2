import type TestAgent from 'supertest/lib/agent.js';
import { DataSource } from 'typeorm';
import type { Partner } from '../src/partners/partner.entity.js';
import { actionNames, adminApi, formLink } from './support/adminjs-api.js';
import { FakeClock } from './support/fake-clock.js';
import { createAdministrator, type TestAdministrator } from './support/identity-fixtures.js';
import { createOrg, type TestOrg } from './support/org-fixtures.js';
import { createPartner, createPartnerAdmin } from './support/partner-fixtures.js';
import { signIn } from './support/sign-in.js';
import { signedInStaff } from './support/staff-browser.js';
import { createTestApp, type TestApp } from './support/test-app.js';

const DAY = 86_400_000;
const STAFF_EMAIL = 'desk@platform.example';
const REPLY_FORM = '/admin/resources/SupportReply/actions/new';

describe('the back-office for support requests', () => {
  const clock = new FakeClock();
  let testApp: TestApp;
  let db: DataSource;
  let staff: { browser: TestAgent; id: string; email: string };
  let api: ReturnType<typeof adminApi>;
  let northwind: Partner;
  let contoso: Partner;
  let owner: TestAdministrator;
  let orgAdmin: TestAdministrator;
  const auth = { northwind: '', contoso: '' };
  const orgs = {} as Record<'listed' | 'approved' | 'later' | 'direct' | 'guarded', TestOrg>;

  const inDays = (days: number) => new Date(clock.now().getTime() + days * DAY).toISOString().slice(0, 10);
  const file = async (token: string, body: object): Promise<{ id: string; number: number }> =>
    (await testApp.http.post('/api/v1/partner/requests').set('authorization', token).send(body).expect(201)).body;
  const rows = (sql: string, ...params: unknown[]) => db.query(sql, params);
  const statusOf = async (id: string) => (await rows(`SELECT status FROM support_requests WHERE id = $1`, id))[0].status as string;
  const associationOf = (org: TestOrg) => rows(`SELECT status, detached_by_type, detached_by_id, detached_reason FROM partner_associations WHERE org_id = $1`, org.id);
  const templatesTo = async (recipient: string): Promise<string[]> => (await rows(`SELECT template FROM mail_outbox WHERE recipient = $1 ORDER BY created_at, id`, recipient)).map((row: { template: string }) => row.template);
  /** The audit trail of staff's changes to one target: who did what, from where. */
  const staffAuditOf = (targetId: string) =>
    rows(`SELECT action, actor_id, actor_label, ip IS NOT NULL AS "hasIp" FROM audit_events WHERE target_id = $1 AND actor_type = 'staff' ORDER BY id`, targetId);
  const byStaff = (action: string) => ({ action, actor_id: staff.id, actor_label: staff.email, hasIp: true });

  beforeAll(async () => {
    testApp = await createTestApp({ clock, env: { MAIL_POLL_INTERVAL_MS: '0', STAFF_EMAIL } });
    db = testApp.app.get(DataSource);
    orgAdmin = await createAdministrator(testApp.app, clock);
    for (const key of ['listed', 'approved', 'later', 'direct', 'guarded'] as const) orgs[key] = await createOrg(testApp.app, `Customer ${key}`, [orgAdmin.id]);
    northwind = await createPartner(testApp.app, { name: 'Northwind MSP', orgs: Object.values(orgs) });
    contoso = await createPartner(testApp.app, { name: 'Contoso MSP' });
    owner = await createPartnerAdmin(testApp.app, clock, northwind.id, { role: 'owner' });
    auth.northwind = `Bearer ${(await signIn(testApp.http, owner, clock)).accessToken}`;
    const helpdesk = await createPartnerAdmin(testApp.app, clock, contoso.id, { role: 'helpdesk' });
    auth.contoso = `Bearer ${(await signIn(testApp.http, helpdesk, clock)).accessToken}`;
    staff = await signedInStaff(testApp.app, clock);
    api = adminApi(staff.browser);
  }, 60_000);
  afterAll(() => testApp?.close());

  it('lists requests newest first, by kind, status, partner and age', async () => {
    clock.advance(-10 * DAY);
    let old: { id: string; number: number };
    try {
      old = await file(auth.northwind, { kind: 'general', subject: 'Old question', message: 'Still there?' });
    } finally {
      clock.advance(10 * DAY);
    }
    const training = await file(auth.northwind, { kind: 'training', topic: 'Onboarding', preferredDates: [inDays(7)], attendees: 4 });
    const detach = await file(auth.northwind, { kind: 'detach', orgId: orgs.listed.publicId, reason: 'Contract ended' });
    const other = await file(auth.contoso, { kind: 'general', subject: 'Invoices', message: 'Where are they?' });
    const numbers = async (filters: Record<string, string>) => (await api.list('SupportRequest', { perPage: '50', ...filters })).records!.map((record) => Number(record.params.number));

    expect(await numbers({})).toEqual([other.number, detach.number, training.number, old.number]);
    expect(await numbers({ 'filters.partnerId': northwind.id })).toEqual([detach.number, training.number, old.number]);
    expect(await numbers({ 'filters.partnerId': contoso.id })).toEqual([other.number]);
    expect(await numbers({ 'filters.kind': 'training' })).toEqual([training.number]);
    expect(await numbers({ 'filters.kind': 'detach' })).toEqual([detach.number]);
    await api.recordAction('SupportRequest', training.id, 'take');
    expect(await numbers({ 'filters.status': 'in_progress' })).toEqual([training.number]);
    expect(await numbers({ 'filters.status': 'open', 'filters.partnerId': northwind.id })).toEqual([detach.number, old.number]);
    const fiveDaysAgo = new Date(clock.now().getTime() - 5 * DAY).toISOString();
    expect(await numbers({ 'filters.createdAt~~to': fiveDaysAgo })).toEqual([old.number]);
    expect(await numbers({ 'filters.createdAt~~from': fiveDaysAgo })).toEqual([other.number, detach.number, training.number]);

    const [row] = (await api.list('SupportRequest', { 'filters.kind': 'detach' })).records!;
    expect(row!.params).toMatchObject({ kind: 'detach', status: 'open', subject: 'Detach an organization', partnerId: northwind.id, orgId: orgs.listed.id });
    expect(row!.populated.partnerId?.title).toBe('Northwind MSP');
    expect(row!.populated.orgId?.title).toBe(orgs.listed.name);
  });

  it('shows a request with its details and timeline, and only the actions that apply', async () => {
    const training = await file(auth.northwind, { kind: 'training', topic: 'Conditional access', preferredDates: [inDays(9), inDays(7)], attendees: 6, notes: 'Remote' });
    await testApp.http.post(`/api/v1/partner/requests/${training.id}/comments`).set('authorization', auth.northwind).send({ comment: 'Two more people' }).expect(201);

    const shown = (await api.show('SupportRequest', training.id)).record;
    expect(shown.title).toBe(`Request ${training.number}: Training: Conditional access`);
    expect(shown.params.requestDetails).toBe(`Topic: Conditional access\nPreferred dates: ${inDays(7)}, ${inDays(9)}\nAttendees: 6\nNotes: Remote`);
    const timeline = String(shown.params.timeline).split('\n');
    expect(timeline).toEqual([
      expect.stringMatching(new RegExp(`^\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2} UTC — ${owner.email} \\(partner\\) filed the request$`)),
      expect.stringMatching(new RegExp(`UTC — ${owner.email} \\(partner\\) commented: “Two more people”$`)),
    ]);
    expect(actionNames(shown)).toEqual(['comment', 'reject', 'resolve', 'show', 'take']);

    const detach = await file(auth.northwind, { kind: 'detach', orgId: orgs.later.publicId, reason: 'Moving on', effectiveDate: inDays(3) });
    const detachShown = (await api.show('SupportRequest', detach.id)).record;
    expect(detachShown.params.requestDetails).toBe(`Organization: ${orgs.later.name} (${orgs.later.publicId})\nReason: Moving on\nEffective: from ${inDays(3)}`);
    expect(actionNames(detachShown)).toEqual(['approveDetachment', 'comment', 'reject', 'show', 'take']);
    expect(detachShown.recordActions.find((action) => action.name === 'approveDetachment')?.guard).toMatch(/^Approve this detachment\?/);

    // Not before the day the partner asked for: nothing changes.
    const early = await api.recordAction('SupportRequest', detach.id, 'approveDetachment');
    expect(early.notice).toEqual({ type: 'error', message: `The partner asked for the detachment from ${inDays(3)}; approve it on or after that day` });
    expect(await associationOf(orgs.later)).toEqual([expect.objectContaining({ status: 'active' })]);
  });

  it('takes a request, comments on it and resolves it through the reply form, telling the partner', async () => {
    const { id, number } = await file(auth.northwind, { kind: 'training', topic: 'Reports', preferredDates: [inDays(5)], attendees: 2 });
    const taken = await api.recordAction('SupportRequest', id, 'take');
    expect(taken.notice).toEqual({ type: 'success', message: `Request ${number} is in progress, assigned to you` });
    expect(taken.record.params).toMatchObject({ status: 'in_progress', assigneeId: staff.id });
    expect(taken.record.params.timeline).toMatch(new RegExp(`${staff.email} \\(staff\\) set the status to in progress$`));
    expect(actionNames(taken.record)).toEqual(['comment', 'reject', 'resolve', 'show']);
    expect((await api.recordAction('SupportRequest', id, 'take')).notice).toEqual({ type: 'error', message: `Request ${number} is in progress: it cannot become in progress` });

    const commentForm = formLink((await api.click('SupportRequest', id, 'comment')).redirectUrl);
    expect(commentForm).toEqual({ path: REPLY_FORM, values: { requestId: id, decision: 'comment' } });
    const commented = await api.newRecord('SupportReply', { ...commentForm.values, comment: ' We can do the 8th ' });
    expect(commented.notice).toEqual({ type: 'success', message: `Comment added to request ${number}` });
    expect(commented.redirectUrl).toBe(`/admin/resources/SupportRequest/records/${id}/show`);
    expect(commented.record.params).toMatchObject({ requestId: id, kind: 'comment', comment: 'We can do the 8th', actorType: 'staff', actorId: staff.id });

    const resolveForm = formLink((await api.click('SupportRequest', id, 'resolve')).redirectUrl);
    expect(resolveForm.values).toEqual({ requestId: id, decision: 'resolve' });
    const resolved = await api.newRecord('SupportReply', { ...resolveForm.values, comment: '' });
    expect(resolved.notice).toEqual({ type: 'success', message: `Request ${number} resolved` });
    expect(await statusOf(id)).toBe('resolved');
    expect(actionNames((await api.show('SupportRequest', id)).record)).toEqual(['show']);

    const partnerView = (await testApp.http.get(`/api/v1/partner/requests/${id}`).set('authorization', auth.northwind).expect(200)).body;
    expect(partnerView.timeline.slice(1)).toEqual([
      expect.objectContaining({ kind: 'status', status: 'in_progress', actor: 'Platform support' }),
      expect.objectContaining({ kind: 'comment', comment: 'We can do the 8th', actor: 'Platform support' }),
      expect.objectContaining({ kind: 'status', status: 'resolved', comment: null, actor: 'Platform support' }),
    ]);
    expect((await templatesTo(owner.email)).filter((template) => template === 'support-request-updated')).toHaveLength(2);
    expect(await staffAuditOf(id)).toEqual([byStaff('support.request.status_changed'), byStaff('support.request.commented'), byStaff('support.request.status_changed')]);
  });

  it('rejects a request only with a comment, and then accepts no more replies', async () => {
    const { id, number } = await file(auth.northwind, { kind: 'general', subject: 'Discount', message: 'Can we have one?' });
    const rejectForm = formLink((await api.click('SupportRequest', id, 'reject')).redirectUrl);
    expect(rejectForm).toEqual({ path: REPLY_FORM, values: { requestId: id, decision: 'reject' } });

    const refused = await api.newRecord('SupportReply', { ...rejectForm.values, comment: '   ' });
    expect(refused.notice).toEqual({ type: 'error', message: 'Comment is required' });
    expect(refused.record.errors.comment?.message).toBe('Comment is required');
    expect(await statusOf(id)).toBe('open');

    const rejected = await api.newRecord('SupportReply', { ...rejectForm.values, comment: 'Prices are set by contract' });
    expect(rejected.notice).toEqual({ type: 'success', message: `Request ${number} rejected` });
    expect(await statusOf(id)).toBe('rejected');
    expect((await api.show('SupportRequest', id)).record.params.timeline).toMatch(new RegExp(`${staff.email} \\(staff\\) set the status to rejected: “Prices are set by contract”$`));
    expect(await templatesTo(owner.email)).toContain('support-request-updated');

    const late = await api.newRecord('SupportReply', { requestId: id, decision: 'comment', comment: 'One more thing' });
    expect(late.notice).toEqual({ type: 'error', message: `Request ${number} is rejected; file a new request to go on` });
    const nonsense = await api.newRecord('SupportReply', { requestId: 'not-an-id', decision: 'escalate' });
    expect(Object.keys(nonsense.record.errors).sort()).toEqual(['comment', 'decision', 'requestId']);
    expect(await staffAuditOf(id)).toEqual([byStaff('support.request.status_changed')]);
  });

  it('approves a detach request once: the org leaves the partner, the request is resolved, both sides are told', async () => {
    const { id, number } = await file(auth.northwind, { kind: 'detach', orgId: orgs.approved.publicId, reason: 'Customer moved to in-house IT' });
    const notResolvable = await api.newRecord('SupportReply', { requestId: id, decision: 'resolve' });
    expect(notResolvable.notice).toEqual({ type: 'error', message: 'A detach request is approved (which detaches the organization) or rejected with a comment' });

    const approved = await api.recordAction('SupportRequest', id, 'approveDetachment');
    expect(approved.notice).toEqual({ type: 'success', message: `Detachment approved; request ${number} is resolved. The organization was detached.` });
    expect(approved.record.params).toMatchObject({ status: 'resolved' });
    expect(actionNames(approved.record)).toEqual(['show']);
    expect(await associationOf(orgs.approved)).toEqual([{ status: 'detached', detached_by_type: 'staff', detached_by_id: staff.id, detached_reason: 'Customer moved to in-house IT' }]);
    expect(await templatesTo(owner.email)).toEqual(expect.arrayContaining(['org-detached-partner', 'support-request-updated']));
    expect(await templatesTo(orgAdmin.email)).toContain('org-detached-org');

    const counts = () => rows(`SELECT (SELECT count(*) FROM audit_events)::int AS audit, (SELECT count(*) FROM mail_outbox)::int AS mail, (SELECT count(*) FROM support_request_events)::int AS events`);
    const before = await counts();
    const again = await api.recordAction('SupportRequest', id, 'approveDetachment');
    expect(again.notice).toEqual({ type: 'error', message: `Request ${number} is already resolved; nothing changed` });
    expect(await counts()).toEqual(before);
    expect(await staffAuditOf(id)).toEqual([byStaff('support.request.status_changed')]);
    expect(await staffAuditOf(orgs.approved.publicId)).toEqual([byStaff('partners.org.detached')]);
  });

  it('detaches an organization directly from its association, with a reason, resolving its open request', async () => {
    const request = await file(auth.northwind, { kind: 'detach', orgId: orgs.direct.publicId, reason: 'Please' });
    const [association] = (await api.list('PartnerAssociation', { 'filters.orgId': orgs.direct.id })).records!;
    expect(actionNames(association!)).toEqual(['detach', 'show']);
    const detachForm = formLink((await api.click('PartnerAssociation', association!.id, 'detach')).redirectUrl);
    expect(detachForm).toEqual({ path: '/admin/resources/OrgDetachment/actions/new', values: { orgId: orgs.direct.id } });

    const noReason = await api.newRecord('OrgDetachment', { ...detachForm.values, detachedReason: ' ' });
    expect(noReason.notice?.type).toBe('error');
    expect(noReason.record.errors.detachedReason?.message).toBe('Reason is required');
    expect(await associationOf(orgs.direct)).toEqual([expect.objectContaining({ status: 'active' })]);

    const detached = await api.newRecord('OrgDetachment', { ...detachForm.values, detachedReason: 'Partner contract terminated' });
    expect(detached.notice).toEqual({ type: 'success', message: 'The organization was detached from Northwind MSP; the partner’s owners and the organization’s admins are emailed' });
    expect(detached.redirectUrl).toBe(`/admin/resources/PartnerAssociation/records/${association!.id}/show`);
    expect(await associationOf(orgs.direct)).toEqual([{ status: 'detached', detached_by_type: 'staff', detached_by_id: staff.id, detached_reason: 'Partner contract terminated' }]);
    expect(actionNames((await api.show('PartnerAssociation', association!.id)).record)).toEqual(['show']);
    expect(await statusOf(request.id)).toBe('resolved');
    expect((await api.show('SupportRequest', request.id)).record.params.timeline).toMatch(/set the status to resolved: “Detached directly by platform staff: Partner contract terminated”$/);
    expect((await api.list('OrgDetachment')).records!.map((record) => record.id)).toContain(association!.id);

    const again = await api.newRecord('OrgDetachment', { ...detachForm.values, detachedReason: 'Again' });
    expect(again.notice).toEqual({ type: 'error', message: 'No partner manages this organization: there is nothing to detach' });
    expect(await staffAuditOf(orgs.direct.publicId)).toEqual([byStaff('partners.org.detached')]);
    expect(await staffAuditOf(request.id)).toEqual([byStaff('support.request.status_changed')]);
  });

  it('changes nothing when an action is opened from another site', async () => {
    const general = await file(auth.northwind, { kind: 'general', subject: 'Guarded', message: 'x' });
    const detach = await file(auth.northwind, { kind: 'detach', orgId: orgs.guarded.publicId, reason: 'Guarded' });

    expect((await api.crossSite('SupportRequest', general.id, 'take')).notice?.type).toBe('error');
    expect((await api.crossSite('SupportRequest', detach.id, 'approveDetachment')).notice?.type).toBe('error');
    expect([await statusOf(general.id), await statusOf(detach.id)]).toEqual(['open', 'open']);
    expect(await associationOf(orgs.guarded)).toEqual([expect.objectContaining({ status: 'active' })]);
    expect(await staffAuditOf(general.id)).toEqual([]);

    // AdminJS's own button: a GET from its script on the same origin.
    expect((await api.click('SupportRequest', general.id, 'take')).notice?.type).toBe('success');
    expect(await statusOf(general.id)).toBe('in_progress');
  });

  it('lists and shows the support resources, and lets nobody edit or delete a request or its timeline', async () => {
    for (const resource of ['SupportRequest', 'SupportReply', 'OrgDetachment']) {
      const page = await api.list(resource, { perPage: '2' });
      expect([resource, page.notice]).toEqual([resource, undefined]);
      await api.show(resource, page.records![0]!.id);
    }
    const [request] = (await api.list('SupportRequest')).records!;
    const [event] = (await api.list('SupportReply')).records!;
    for (const attempt of [
      staff.browser.post(`/admin/api/resources/SupportRequest/records/${request!.id}/edit`).type('form').send({ status: 'resolved' }),
      staff.browser.post(`/admin/api/resources/SupportRequest/records/${request!.id}/delete`),
      staff.browser.post(`/admin/api/resources/SupportReply/records/${event!.id}/edit`).type('form').send({ comment: 'forged' }),
      staff.browser.post(`/admin/api/resources/SupportReply/records/${event!.id}/delete`),
    ]) {
      expect((await attempt).body.record.baseError).toEqual({ message: 'forbiddenError', type: 'ForbiddenError' });
    }
  });
});
