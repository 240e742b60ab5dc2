import { Injectable } from '@nestjs/common';
import { isEmail } from 'class-validator';
import type { EntityManager } from 'typeorm';
import { Clock } from '../common/clock.js';
import { MailOutboxRepository } from './mail-outbox.repository.js';
import type { MailTemplate } from './templates/mail-template.js';

export interface MailMessage {
  /** One address. Lists are refused: an address typed by a person must never add a recipient. */
  to: string;
  /** A rendered template, from the functions in `mail/templates/`. */
  template: MailTemplate;
}

export class InvalidRecipientError extends Error {
  constructor() {
    super('A mail recipient must be exactly one email address');
    this.name = InvalidRecipientError.name;
  }
}

/**
 * How other modules send email. Nothing is sent here: the message joins the outbox inside the
 * caller's transaction and the mail worker delivers it after the commit, so an email goes out if and
 * only if the change that caused it was committed, and survives a crash in between.
 */
@Injectable()
export class MailService {
  constructor(
    private readonly outbox: MailOutboxRepository,
    private readonly clock: Clock,
  ) {}

  /** Queues a message with the caller's EntityManager (use the one of the transaction making the change). */
  enqueue(manager: EntityManager, message: MailMessage): Promise<string> {
    const recipient = message.to.trim();
    // isEmail refuses display names, commas and line breaks, so the address cannot smuggle in more.
    if (!isEmail(recipient)) throw new InvalidRecipientError();
    const { template } = message;
    return this.outbox.insert(manager, {
      recipient,
      subject: template.subject,
      htmlBody: template.html,
      textBody: template.text,
      template: template.name,
      // Due by the same clock the workers claim by: the database's own now() may differ from it (a
      // test's clock, or an application host whose time is off from the database server's).
      nextAttemptAt: this.clock.now(),
    });
  }
}
