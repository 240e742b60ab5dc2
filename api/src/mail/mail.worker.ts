import { Inject, Injectable, Logger, type BeforeApplicationShutdown, type OnApplicationBootstrap } from '@nestjs/common';
import { Clock } from '../common/clock.js';
import { MailOutboxRepository, type ClaimedMail } from './mail-outbox.repository.js';
import { MAIL_TRANSPORT, type MailTransport } from './mail-transport.js';
import { afterFailedAttempt, describeSendError } from './retry-policy.js';

export const MAIL_WORKER_OPTIONS = Symbol('MAIL_WORKER_OPTIONS');

export interface MailWorkerOptions {
  /** Pause between polls when nothing is due (MAIL_POLL_INTERVAL_MS); 0 leaves the worker stopped. */
  pollIntervalMs: number;
  /** Messages claimed, and sent concurrently, per batch. */
  batchSize?: number;
  /**
   * How long a claim holds. A worker that dies between claim and send leaves its rows to be claimed
   * again after this: delivery is at least once. It must outlast the slowest send (see SMTP_TIMEOUTS).
   */
  leaseMs?: number;
}

export const DEFAULT_BATCH_SIZE = 20;
export const DEFAULT_LEASE_MS = 2 * 60_000;

/**
 * Delivers the outbox. Every instance runs one; they share the work by claiming rows with
 * FOR UPDATE SKIP LOCKED, so no message is claimed by two workers at once.
 */
@Injectable()
export class MailWorker implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger(MailWorker.name);
  private readonly batchSize: number;
  private readonly leaseMs: number;
  private timer: NodeJS.Timeout | undefined;
  private batch: Promise<number> | undefined;
  private running = false;

  constructor(
    private readonly outbox: MailOutboxRepository,
    @Inject(MAIL_TRANSPORT) private readonly transport: MailTransport,
    private readonly clock: Clock,
    @Inject(MAIL_WORKER_OPTIONS) private readonly options: MailWorkerOptions,
  ) {
    this.batchSize = options.batchSize ?? DEFAULT_BATCH_SIZE;
    this.leaseMs = options.leaseMs ?? DEFAULT_LEASE_MS;
  }

  onApplicationBootstrap(): void {
    if (this.options.pollIntervalMs > 0) this.start();
  }

  /** Before the database pool closes: the batch in flight finishes and records its outcomes. */
  async beforeApplicationShutdown(): Promise<void> {
    await this.stop();
    await this.transport.close();
  }

  start(): void {
    if (this.running) return;
    this.running = true;
    this.schedule(0);
  }

  /** Stops polling; resolves once the batch in flight, if any, is done. */
  async stop(): Promise<void> {
    this.running = false;
    clearTimeout(this.timer);
    await this.batch?.catch(() => undefined);
  }

  /** Claims one batch of due messages, delivers them and records each outcome; answers how many it claimed. */
  async runOnce(): Promise<number> {
    const claimed = await this.outbox.claimDue(this.clock.now(), this.batchSize, this.leaseMs);
    const outcomes = await Promise.allSettled(claimed.map((mail) => this.deliver(mail)));
    for (const outcome of outcomes) {
      if (outcome.status === 'rejected') this.logger.error({ err: outcome.reason }, 'could not record a delivery outcome');
    }
    return claimed.length;
  }

  private schedule(delayMs: number): void {
    this.timer = setTimeout(() => void this.tick(), delayMs);
    this.timer.unref();
  }

  private async tick(): Promise<void> {
    let claimed = 0;
    try {
      this.batch = this.runOnce();
      claimed = await this.batch;
    } catch (error) {
      this.logger.error({ err: error }, 'mail worker could not claim messages; trying again at the next poll');
    } finally {
      this.batch = undefined;
    }
    // A full batch means more may be waiting: drain the backlog without pausing.
    if (this.running) this.schedule(claimed >= this.batchSize ? 0 : this.options.pollIntervalMs);
  }

  private async deliver(mail: ClaimedMail): Promise<void> {
    try {
      await this.transport.send(mail);
    } catch (error) {
      const reason = describeSendError(error);
      const outcome = afterFailedAttempt(mail.attempts, this.clock.now());
      const recorded = await this.outbox.markFailedAttempt(mail, outcome, reason);
      if (recorded) this.logger.warn({ mailId: mail.id, attempts: mail.attempts, status: outcome.status, reason }, 'mail delivery failed');
      return;
    }
    const recorded = await this.outbox.markSent(mail, this.clock.now(), this.transport.name, this.transport.keepsDeliveredBodies);
    if (!recorded) this.logger.warn({ mailId: mail.id }, 'mail delivered after its claim expired; another worker may deliver it again');
  }
}
