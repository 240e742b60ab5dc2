import type { INestApplication } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type TestAgent from 'supertest/lib/agent.js';
import type { Clock } from '../../src/common/clock.js';
import { totpCodeAt } from '../../src/identity/mfa/totp.js';
import { PartnerAdminsService } from '../../src/partners/admins/partner-admins.service.js';
import { AssociationsService } from '../../src/partners/associations/associations.service.js';
import { SYSTEM_ACTOR } from '../../src/partners/partner-actor.js';
import type { Partner, PartnerKind } from '../../src/partners/partner.entity.js';
import type { OrgAccessKind, PartnerRole } from '../../src/partners/partner-roles.js';
import { PartnersService } from '../../src/partners/partners.service.js';
import { createAdministrator, type TestAdministrator } from './identity-fixtures.js';

/** An org as the partners module names it: internal id, public OrgID and name (both org factories give these). */
export interface OrgLike {
  id: string;
  publicId: string;
  name: string;
}

let counter = 0;

/** A partner with these orgs in its portfolio, made through the services as the demo seed makes one. */
export async function createPartner(app: INestApplication, options: { name?: string; kind?: PartnerKind; orgs?: OrgLike[] } = {}): Promise<Partner> {
  counter += 1;
  return app.get(DataSource).transaction(async (manager) => {
    const partner = await app.get(PartnersService).create(manager, { name: options.name ?? `Partner ${counter}`, kind: options.kind ?? 'msp' }, SYSTEM_ACTOR);
    for (const org of options.orgs ?? []) {
      await app.get(AssociationsService).attach(manager, { partnerId: partner.id, org, source: 'staff', actor: SYSTEM_ACTOR });
    }
    return partner;
  });
}

/** Makes an existing administrator an admin of the partner, as an accepted invitation would. */
export async function addPartnerMember(
  app: INestApplication,
  partnerId: string,
  administratorId: string,
  access: { role: PartnerRole; orgAccess?: OrgAccessKind; orgs?: OrgLike[] },
): Promise<void> {
  const orgAccess = access.orgAccess ?? 'all';
  await app.get(DataSource).transaction((manager) =>
    app.get(PartnerAdminsService).addMember(manager, partnerId, administratorId, { role: access.role, orgAccess, orgs: orgAccess === 'selected' ? (access.orgs ?? []) : [] }, null),
  );
}

/** A new administrator (MFA enrolled) who is an admin of the partner with this role and access. */
export async function createPartnerAdmin(
  app: INestApplication,
  clock: Clock,
  partnerId: string,
  access: { role: PartnerRole; orgAccess?: OrgAccessKind; orgs?: OrgLike[] },
): Promise<TestAdministrator> {
  const administrator = await createAdministrator(app, clock);
  await addPartnerMember(app, partnerId, administrator.id, access);
  return administrator;
}

export interface OutboxMail {
  recipient: string;
  subject: string;
  textBody: string;
  template: string;
}

/**
 * The emails queued for this address, oldest first. The tests run with MAIL_POLL_INTERVAL_MS=0, so
 * nothing is delivered and the outbox row keeps the whole message.
 */
export async function outboxTo(app: INestApplication, email: string): Promise<OutboxMail[]> {
  return app
    .get(DataSource)
    .query('SELECT recipient, subject, text_body AS "textBody", template FROM mail_outbox WHERE recipient = $1 ORDER BY created_at, id', [email]);
}

/** The token of the invitation link in an email's text, as the person would click it. */
export function invitationTokenIn(text: string): string {
  const token = /\/accept-invitation\?token=([A-Za-z0-9_%-]+)/.exec(text)?.[1];
  if (!token) throw new Error(`no invitation link in: ${text}`);
  return decodeURIComponent(token);
}

/** The token of the newest invitation emailed to this address. */
export async function latestInvitationToken(app: INestApplication, email: string): Promise<string> {
  const mails = (await outboxTo(app, email)).filter((mail) => mail.template === 'partner-invitation');
  if (mails.length === 0) throw new Error(`no invitation email to ${email}`);
  return invitationTokenIn(mails[mails.length - 1]!.textBody);
}

/** The partner memberships of an administrator, read from the table (what the guard reads). */
export async function membershipsOf(app: INestApplication, administratorId: string): Promise<{ partnerId: string; role: PartnerRole; orgAccess: OrgAccessKind; status: string }[]> {
  return app
    .get(DataSource)
    .query('SELECT partner_id AS "partnerId", role, org_access AS "orgAccess", status FROM partner_admins WHERE administrator_id = $1', [administratorId]);
}

/**
 * The first sign-in's MFA set-up, as the portal walks a new admin through it: a secret for the
 * authenticator app, then its current code. Answers the access token of the session that starts.
 */
export async function completeEnrollment(http: TestAgent, enrollmentToken: string, clock: Clock): Promise<string> {
  const started = await http.post('/api/v1/auth/mfa/enrollment').set('authorization', `Bearer ${enrollmentToken}`).expect(200);
  const confirmed = await http
    .post('/api/v1/auth/mfa/enrollment/confirm')
    .set('authorization', `Bearer ${enrollmentToken}`)
    .send({ code: totpCodeAt(started.body.secret, clock.now()) })
    .expect(200);
  return confirmed.body.accessToken;
}
