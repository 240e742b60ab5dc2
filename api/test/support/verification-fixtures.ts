import type { INestApplication } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type TestAgent from 'supertest/lib/agent.js';
import type { Clock } from '../../src/common/clock.js';
import { hashToken, newOpaqueToken } from '../../src/identity/crypto/opaque-tokens.js';
import { VERIFICATION_VALID_MINUTES } from '../../src/verification/verification-limits.js';
import { newVerificationCode } from '../../src/verification/verification-code.js';
import { VerificationRequest } from '../../src/verification/verification-request.entity.js';
import type { TestAdministrator } from './identity-fixtures.js';
import { outboxTo, type OrgLike } from './partner-fixtures.js';
import { signIn } from './sign-in.js';

/** What the org admin reads in a verification email: the code as shown (XXXX-XXXX) and the link's token. */
export interface VerificationMail {
  subject: string;
  textBody: string;
  code: string;
  link: string;
  token: string;
}

/** The code as the email shows it, `XXXX-XXXX` in Crockford base32. */
export function verificationCodeIn(text: string): string {
  const code = /give them this code: ([0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4})/.exec(text)?.[1];
  if (!code) throw new Error(`no verification code in: ${text}`);
  return code;
}

/** The whole review link in an email's text, and its token as the page would read it from the address. */
export function verificationLinkIn(text: string): { link: string; token: string } {
  const match = /(https?:\/\/\S+\/verify-org\?token=([A-Za-z0-9_%.-]+))/.exec(text);
  if (!match) throw new Error(`no verification link in: ${text}`);
  return { link: match[1]!, token: decodeURIComponent(match[2]!) };
}

/** Every verification email queued for this address, oldest first. */
export async function verificationMailsTo(app: INestApplication, email: string): Promise<VerificationMail[]> {
  return (await outboxTo(app, email))
    .filter((mail) => mail.template === 'verification-code')
    .map((mail) => ({ subject: mail.subject, textBody: mail.textBody, code: verificationCodeIn(mail.textBody), ...verificationLinkIn(mail.textBody) }));
}

/** The newest verification email to this address (the one whose code and link are current). */
export async function latestVerificationMail(app: INestApplication, email: string): Promise<VerificationMail> {
  const mails = await verificationMailsTo(app, email);
  if (mails.length === 0) throw new Error(`no verification email to ${email}`);
  return mails[mails.length - 1]!;
}

/** A signed-in partner admin: the `Authorization` header value. */
export async function bearerFor(http: TestAgent, administrator: TestAdministrator, clock: Clock): Promise<string> {
  return `Bearer ${(await signIn(http, administrator, clock)).accessToken}`;
}

/**
 * A pending, deliverable verification written straight to the table, with a code and link token the
 * test knows. Only for tests about something else (who may call a route): it skips the rate limits
 * and sends no email. The flow itself is tested through the API.
 */
export async function seedVerification(
  app: INestApplication,
  clock: Clock,
  input: { partnerId: string; requestedBy: TestAdministrator; org: OrgLike; email: string },
): Promise<{ id: string; code: string; token: string }> {
  const code = newVerificationCode();
  const token = newOpaqueToken();
  const now = clock.now();
  const saved = await app.get(DataSource).getRepository(VerificationRequest).save({
    partnerId: input.partnerId,
    enteredOrgId: input.org.publicId,
    recipientEmail: input.email,
    orgId: input.org.id,
    deliverable: true,
    undeliverableReason: null,
    requestedBy: input.requestedBy.id,
    requestedByLabel: input.requestedBy.email,
    codeHash: hashToken(code),
    linkTokenHash: hashToken(token),
    expiresAt: new Date(now.getTime() + VERIFICATION_VALID_MINUTES * 60_000),
    lastSentAt: now,
  });
  return { id: saved.id, code, token };
}

/** The row as staff see it (what the partner is never shown). */
export async function verificationRow(
  app: INestApplication,
  id: string,
): Promise<{ status: string; deliverable: boolean; undeliverable_reason: string | null; failed_attempts: number; sent_count: number; completed_via: string | null }> {
  const [row] = await app
    .get(DataSource)
    .query('SELECT status, deliverable, undeliverable_reason, failed_attempts, sent_count, completed_via FROM verification_requests WHERE id = $1', [id]);
  return row;
}

/** The partners actively associated with an org (at most one, by the unique index). */
export async function activeAssociations(app: INestApplication, orgId: string): Promise<{ partner_id: string; source: string }[]> {
  return app.get(DataSource).query(`SELECT partner_id, source FROM partner_associations WHERE org_id = $1 AND status = 'active'`, [orgId]);
}
