import { Injectable, NotFoundException, type CanActivate, type ExecutionContext } from '@nestjs/common';
import { isUUID } from 'class-validator';
import type { Request } from 'express';
import { NotFoundError } from '../common/domain-error.js';
import { AppConfig } from '../config/app-config.provider.js';
import { DEV_MAILBOX_DEFAULT_LIMIT, type DevMailboxMessageDto, type DevMailboxPageDto, type DevMailboxQueryDto } from './dev-mailbox.dto.js';
import type { MailOutboxMessage } from './mail-outbox-message.entity.js';
import { MailOutboxRepository } from './mail-outbox.repository.js';

export const MailErrorCodes = {
  messageNotFound: 'mail.message_not_found',
} as const;

/**
 * The dev mailbox exists only where mail never leaves the machine (no SMTP_URL) and the portal is a
 * development or demo install: there, a person follows email-driven journeys by reading it. It shows
 * every email to anyone who can reach the API, so nowhere else.
 */
export function devMailboxEnabled(config: AppConfig): boolean {
  return !config.env.SMTP_URL && (!config.isProduction || config.demoData);
}

function isLoopback(address: string | undefined): boolean {
  return address === '::1' || /^(::ffff:)?127\./.test(address ?? '');
}

/** Where the dev mailbox is off, its routes answer exactly as a route that does not exist. */
@Injectable()
export class DevMailboxGuard implements CanActivate {
  constructor(private readonly config: AppConfig) {}

  canActivate(context: ExecutionContext): boolean {
    const request = context.switchToHttp().getRequest<Request>();
    // The mailbox holds live reset links: it serves the machine the portal runs on, nobody else.
    if (devMailboxEnabled(this.config) && isLoopback(request.socket.remoteAddress)) return true;
    throw new NotFoundException(`Cannot ${request.method} ${request.originalUrl}`);
  }
}

/** Reads the outbox as a mailbox: every message queued, newest first, as it was (or will be) sent. */
@Injectable()
export class DevMailboxService {
  constructor(private readonly outbox: MailOutboxRepository) {}

  async list(query: DevMailboxQueryDto): Promise<DevMailboxPageDto> {
    const limit = query.limit ?? DEV_MAILBOX_DEFAULT_LIMIT;
    // One more than asked: whether it exists says if there is a next page.
    const messages = await this.outbox.listNewestFirst(limit + 1, query.before);
    const page = messages.slice(0, limit);
    return { items: page.map(toDto), nextBefore: messages.length > limit ? page[page.length - 1]!.id : null };
  }

  async get(id: string): Promise<DevMailboxMessageDto> {
    // A malformed id names no message: 404 as for any other, rather than a database error.
    const message = isUUID(id) ? await this.outbox.findById(id) : null;
    if (!message) throw new NotFoundError(MailErrorCodes.messageNotFound, 'No message with this id in the dev mailbox');
    return toDto(message);
  }
}

function toDto(message: MailOutboxMessage): DevMailboxMessageDto {
  return {
    id: message.id,
    to: message.recipient,
    subject: message.subject,
    text: message.textBody,
    html: message.htmlBody,
    status: message.status,
    createdAt: message.createdAt.toISOString(),
    sentAt: message.sentAt?.toISOString() ?? null,
  };
}
