import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AppConfig } from '../config/app-config.provider.js';
import { DevMailboxController } from './dev-mailbox.controller.js';
import { DevMailboxGuard, DevMailboxService } from './dev-mailbox.service.js';
import { MailOutboxMessage } from './mail-outbox-message.entity.js';
import { MailOutboxRepository } from './mail-outbox.repository.js';
import { createMailTransport, MAIL_TRANSPORT } from './mail-transport.js';
import { MailService } from './mail.service.js';
import { MAIL_WORKER_OPTIONS, MailWorker, type MailWorkerOptions } from './mail.worker.js';

/**
 * Transactional email: other modules queue messages with MailService inside their own transactions;
 * the worker of every instance delivers them, by SMTP when SMTP_URL is set, else into the dev mailbox.
 */
@Module({
  imports: [TypeOrmModule.forFeature([MailOutboxMessage])],
  controllers: [DevMailboxController],
  providers: [
    MailOutboxRepository,
    MailService,
    MailWorker,
    DevMailboxService,
    DevMailboxGuard,
    {
      provide: MAIL_TRANSPORT,
      inject: [AppConfig],
      useFactory: (config: AppConfig) => createMailTransport(config.env.SMTP_URL, config.env.MAIL_FROM),
    },
    {
      provide: MAIL_WORKER_OPTIONS,
      inject: [AppConfig],
      useFactory: (config: AppConfig): MailWorkerOptions => ({ pollIntervalMs: config.env.MAIL_POLL_INTERVAL_MS }),
    },
  ],
  exports: [MailService],
})
export class MailModule {}
