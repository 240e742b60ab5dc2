import { createTransport, type Transporter } from 'nodemailer';
import type { MailTransportName } from './mail-outbox-message.entity.js';

export const MAIL_TRANSPORT = Symbol('MAIL_TRANSPORT');

export interface OutgoingMail {
  /** The outbox id: sent as the Message-ID's local part, so a duplicate delivery is recognisable. */
  id: string;
  recipient: string;
  subject: string;
  htmlBody: string;
  textBody: string;
}

/** Where the worker hands messages over. Swapped for a fake in tests. */
export interface MailTransport {
  readonly name: MailTransportName;
  /**
   * Whether the outbox row is the message's only copy once delivered. Rows delivered elsewhere lose
   * their bodies, which carry one-time links (password resets) that should not outlive delivery.
   */
  readonly keepsDeliveredBodies: boolean;
  /** Resolves once the message was accepted; rejects with the reason otherwise. */
  send(mail: OutgoingMail): Promise<void>;
  close(): Promise<void>;
}

// Every send must end well within the worker's lease (2 min): a send still running when the lease
// runs out lets another instance claim the row and send it a second time.
const SMTP_TIMEOUTS = { connectionTimeout: 20_000, greetingTimeout: 20_000, socketTimeout: 45_000 };
const SMTP_POOL_CONNECTIONS = 5;

/** Delivery by SMTP (SMTP_URL), over a small pool of connections reused between messages. */
export class SmtpTransport implements MailTransport {
  readonly name = 'smtp';
  readonly keepsDeliveredBodies = false;
  private readonly transporter: Transporter;
  private readonly domain: string;

  constructor(smtpUrl: string, private readonly from: string) {
    this.transporter = createTransport({ url: smtpUrl, pool: true, maxConnections: SMTP_POOL_CONNECTIONS, ...SMTP_TIMEOUTS });
    this.domain = /@([^\s>]+)>?\s*$/.exec(from)?.[1] ?? 'localhost';
  }

  async send(mail: OutgoingMail): Promise<void> {
    await this.transporter.sendMail({
      from: this.from,
      to: mail.recipient,
      subject: mail.subject,
      text: mail.textBody,
      html: mail.htmlBody,
      messageId: `<${mail.id}@${this.domain}>`,
    });
  }

  async close(): Promise<void> {
    this.transporter.close();
  }
}

/**
 * The embedded default when no SMTP_URL is set: nothing leaves the machine. "Delivering" only marks
 * the row sent; the message stays in the outbox, where the dev mailbox shows it.
 */
export class DevMailboxTransport implements MailTransport {
  readonly name = 'dev-mailbox';
  readonly keepsDeliveredBodies = true;

  async send(): Promise<void> {}

  async close(): Promise<void> {}
}

export function createMailTransport(smtpUrl: string | undefined, from: string): MailTransport {
  return smtpUrl ? new SmtpTransport(smtpUrl, from) : new DevMailboxTransport();
}
