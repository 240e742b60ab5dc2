import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import { MailOutboxMessage, type MailTransportName } from './mail-outbox-message.entity.js';
import type { OutgoingMail } from './mail-transport.js';
import type { FailedAttemptOutcome } from './retry-policy.js';

/**
 * A message taken by one worker. Its attempt number identifies the claim: every claim increments it,
 * so a worker whose lease ran out and whose row was claimed again can no longer record an outcome.
 */
export interface ClaimedMail extends OutgoingMail {
  attempts: number;
}

export type NewOutboxMessage = Pick<MailOutboxMessage, 'recipient' | 'subject' | 'htmlBody' | 'textBody' | 'template' | 'nextAttemptAt'>;

interface ClaimedRow {
  id: string;
  recipient: string;
  subject: string;
  html_body: string;
  text_body: string;
  attempts: number;
}

// A due row is pending and due, or sending with its lease expired (its worker died or hung). Claiming
// moves next_attempt_at to the end of the lease, so both cases are one range of the partial index.
// SKIP LOCKED lets workers in several instances claim at once without waiting for, or taking, each
// other's rows.
const CLAIM_SQL = `
  UPDATE mail_outbox
     SET status = 'sending', attempts = attempts + 1, claimed_until = $2, next_attempt_at = $2
   WHERE id IN (
     SELECT id FROM mail_outbox
      WHERE status IN ('pending', 'sending') AND next_attempt_at <= $1
      ORDER BY next_attempt_at
      LIMIT $3
      FOR UPDATE SKIP LOCKED)
  RETURNING id, recipient, subject, html_body, text_body, attempts`;

const MARK_SENT_SQL = `
  UPDATE mail_outbox
     SET status = 'sent', sent_at = $3, transport = $4, claimed_until = NULL, last_error = NULL,
         html_body = CASE WHEN $5 THEN html_body ELSE '' END, text_body = CASE WHEN $5 THEN text_body ELSE '' END
   WHERE id = $1 AND attempts = $2 AND status = 'sending'`;

const MARK_FAILED_ATTEMPT_SQL = `
  UPDATE mail_outbox
     SET status = $3, next_attempt_at = $4, claimed_until = NULL, last_error = $5
   WHERE id = $1 AND attempts = $2 AND status = 'sending'`;

/** The outbox's queries. The only code that reads or writes `mail_outbox`. */
@Injectable()
export class MailOutboxRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** Inserts through the caller's manager, so the message commits or rolls back with the caller's change. */
  async insert(manager: EntityManager, message: NewOutboxMessage): Promise<string> {
    const result = await manager.insert(MailOutboxMessage, message);
    return (result.identifiers[0] as { id: string }).id;
  }

  /** Takes up to `limit` due messages for this worker until `now + leaseMs`, in one statement. */
  async claimDue(now: Date, limit: number, leaseMs: number): Promise<ClaimedMail[]> {
    const leaseEnd = new Date(now.getTime() + leaseMs);
    const rows = updatedRows<ClaimedRow>(await this.dataSource.query(CLAIM_SQL, [now, leaseEnd, limit]));
    return rows.map((row) => ({
      id: row.id,
      recipient: row.recipient,
      subject: row.subject,
      htmlBody: row.html_body,
      textBody: row.text_body,
      attempts: row.attempts,
    }));
  }

  /** Records the delivery; false when the claim was lost (lease expired and the row claimed again). */
  async markSent(claim: ClaimedMail, sentAt: Date, transport: MailTransportName, keepBodies: boolean): Promise<boolean> {
    return affected(await this.dataSource.query(MARK_SENT_SQL, [claim.id, claim.attempts, sentAt, transport, keepBodies])) === 1;
  }

  async markFailedAttempt(claim: ClaimedMail, outcome: FailedAttemptOutcome, error: string): Promise<boolean> {
    const params = [claim.id, claim.attempts, outcome.status, outcome.nextAttemptAt, error];
    return affected(await this.dataSource.query(MARK_FAILED_ATTEMPT_SQL, params)) === 1;
  }

  /** Newest first; `before` is the id of the last message of the previous page. */
  listNewestFirst(limit: number, before?: string): Promise<MailOutboxMessage[]> {
    const query = this.dataSource
      .getRepository(MailOutboxMessage)
      .createQueryBuilder('message')
      .orderBy('message.createdAt', 'DESC')
      .addOrderBy('message.id', 'DESC')
      .limit(limit);
    if (before) {
      query.where('(message.created_at, message.id) < (SELECT created_at, id FROM mail_outbox WHERE id = :before)', { before });
    }
    return query.getMany();
  }

  findById(id: string): Promise<MailOutboxMessage | null> {
    return this.dataSource.getRepository(MailOutboxMessage).findOneBy({ id });
  }
}

// TypeORM answers an UPDATE on PostgreSQL with [rows, affected count] rather than the rows alone.
function updatedRows<T>(result: unknown): T[] {
  return (Array.isArray(result) && Array.isArray(result[0]) ? result[0] : result) as T[];
}

function affected(result: unknown): number {
  return Array.isArray(result) && typeof result[1] === 'number' ? result[1] : 0;
}
