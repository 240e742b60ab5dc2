import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

export type MailStatus = 'pending' | 'sending' | 'sent' | 'failed';
export type MailTransportName = 'smtp' | 'dev-mailbox';

/** One rendered email in the outbox (`mail_outbox`, migration 0003). Only the mail module reads it. */
@Entity({ name: 'mail_outbox' })
export class MailOutboxMessage {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'text' })
  recipient: string;

  @Column({ type: 'text' })
  subject: string;

  @Column({ type: 'text' })
  htmlBody: string;

  @Column({ type: 'text' })
  textBody: string;

  /** Which template rendered it (`password-reset`, ...): for the mailbox, logs and support. */
  @Column({ type: 'text' })
  template: string;

  @Column({ type: 'text', default: 'pending' })
  status: MailStatus;

  @Column({ type: 'int', default: 0 })
  attempts: number;

  @Column({ type: 'timestamptz', default: () => 'now()' })
  nextAttemptAt: Date;

  @Column({ type: 'timestamptz', nullable: true })
  claimedUntil: Date | null;

  @Column({ type: 'text', nullable: true })
  lastError: string | null;

  @Column({ type: 'text', nullable: true })
  transport: MailTransportName | null;

  @Column({ type: 'timestamptz', default: () => 'clock_timestamp()' })
  createdAt: Date;

  @Column({ type: 'timestamptz', nullable: true })
  sentAt: Date | null;
}
