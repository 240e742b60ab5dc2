import { DataSource } from 'typeorm';
import { MailOutboxRepository } from '../src/mail/mail-outbox.repository.js';
import { SmtpTransport } from '../src/mail/mail-transport.js';
import { InvalidRecipientError, MailService } from '../src/mail/mail.service.js';
import { DEFAULT_LEASE_MS, MailWorker, type MailWorkerOptions } from '../src/mail/mail.worker.js';
import { PRODUCT_NAME } from '../src/mail/templates/mail-template.js';
import { passwordResetEmail } from '../src/mail/templates/password-reset.js';
import { startSmtpSink, type SmtpSink } from './support/smtp-sink.js';
import { createTestApp, type TestApp } from './support/test-app.js';

/** The real time plus whatever the test has skipped ahead. */
function movableClock() {
  let offset = 0;
  return { now: () => new Date(Date.now() + offset), advance: (ms: number) => void (offset += ms) };
}

interface OutboxRow {
  status: string;
  attempts: number;
  transport: string | null;
  last_error: string | null;
  next_attempt_at: Date;
  sent_at: Date | null;
  html_body: string;
}

describe('the mail outbox, delivering over SMTP', () => {
  let sink: SmtpSink;
  let testApp: TestApp;
  let dataSource: DataSource;
  let mail: MailService;
  const extraSinks: SmtpSink[] = [];
  const transports: SmtpTransport[] = [];

  beforeAll(async () => {
    sink = await startSmtpSink();
    testApp = await createTestApp({
      // The application's clock runs a minute behind the database server's, as a test's clock may.
      clock: { now: () => new Date(Date.now() - 60_000) },
      env: { SMTP_URL: sink.url, MAIL_POLL_INTERVAL_MS: '0', MAIL_FROM: 'MTP <no-reply@mtp.test>' },
    });
    dataSource = testApp.app.get(DataSource);
    mail = testApp.app.get(MailService);
  });
  beforeEach(async () => {
    await dataSource.query('DELETE FROM mail_outbox');
    sink.received.length = 0;
  });
  afterAll(async () => {
    await Promise.all(transports.map((transport) => transport.close()));
    await testApp.close();
    await Promise.all([sink, ...extraSinks].map((each) => each.close()));
  });

  /** A worker of its own, as another instance would run, with its own clock and SMTP connections. */
  function worker(clock: { now(): Date }, smtpUrl = sink.url, options: Partial<MailWorkerOptions> = {}): MailWorker {
    const transport = new SmtpTransport(smtpUrl, 'MTP <no-reply@mtp.test>');
    transports.push(transport);
    return new MailWorker(testApp.app.get(MailOutboxRepository), transport, clock, { pollIntervalMs: 0, ...options });
  }

  async function sinkWith(options: Parameters<typeof startSmtpSink>[0]): Promise<SmtpSink> {
    const extra = await startSmtpSink(options);
    extraSinks.push(extra);
    return extra;
  }

  const resetEmail = (name = 'Ada Lovelace') => passwordResetEmail({ name, resetUrl: 'https://portal.example.com/reset?token=t0k&x=1', expiresInMinutes: 30 });
  const enqueue = (to: string, name?: string) => dataSource.transaction((manager) => mail.enqueue(manager, { to, template: resetEmail(name) }));
  const rowOf = async (id: string): Promise<OutboxRow> => (await dataSource.query('SELECT * FROM mail_outbox WHERE id = $1', [id]))[0];

  it('delivers a message queued in a committed transaction once, with its subject, both parts and the product name', async () => {
    const id = await enqueue('ada@example.com', '<b>Ada</b> & "friends"');
    const appWorker = testApp.app.get(MailWorker);
    expect(await appWorker.runOnce()).toBe(1);
    expect(await appWorker.runOnce()).toBe(0);

    expect(sink.received).toHaveLength(1);
    const [received] = sink.received;
    expect(received).toMatchObject({ from: 'no-reply@mtp.test', to: ['ada@example.com'], subject: 'Reset your MTP password', messageId: `<${id}@mtp.test>` });
    expect(received!.text).toContain(PRODUCT_NAME);
    expect(received!.text).toContain('Hello <b>Ada</b> & "friends",');
    expect(received!.text).toContain('https://portal.example.com/reset?token=t0k&x=1');
    expect(received!.html).toContain(PRODUCT_NAME);
    expect(received!.html).toContain('Hello &lt;b&gt;Ada&lt;/b&gt; &amp; &quot;friends&quot;,');
    expect(received!.html).toContain('href="https://portal.example.com/reset?token=t0k&amp;x=1"');

    const row = await rowOf(id);
    expect(row).toMatchObject({ status: 'sent', attempts: 1, transport: 'smtp', last_error: null });
    expect(row.sent_at).toBeInstanceOf(Date);
    // The one-time link does not outlive delivery in the database.
    expect(row.html_body).toBe('');
  });

  it('goes by the application clock, not the database clock, to decide when mail is due', async () => {
    const id = await enqueue('ada@example.com');
    expect(await dataSource.query('SELECT next_attempt_at < now() - interval \'50 seconds\' AS behind FROM mail_outbox WHERE id = $1', [id])).toEqual([{ behind: true }]);
    expect(await testApp.app.get(MailWorker).runOnce()).toBe(1);
    expect(sink.received).toHaveLength(1);
  });

  it('sends nothing when the transaction that queued the message rolls back', async () => {
    await expect(
      dataSource.transaction(async (manager) => {
        await mail.enqueue(manager, { to: 'ada@example.com', template: resetEmail() });
        throw new Error('the change failed');
      }),
    ).rejects.toThrow('the change failed');
    expect(await testApp.app.get(MailWorker).runOnce()).toBe(0);
    expect(await dataSource.query('SELECT id FROM mail_outbox')).toEqual([]);
    expect(sink.received).toEqual([]);
  });

  it('refuses a recipient that is not exactly one address', async () => {
    await expect(enqueue('ada@example.com, eve@evil.example')).rejects.toThrow(InvalidRecipientError);
    await expect(enqueue('Ada <ada@example.com>\r\nBcc: eve@evil.example')).rejects.toThrow(InvalidRecipientError);
    expect(await dataSource.query('SELECT id FROM mail_outbox')).toEqual([]);
  });

  it('retries a message the SMTP server refused after the backoff, and delivers it', async () => {
    const busy = await sinkWith({ rejectFirst: 1 });
    const clock = movableClock();
    const retrying = worker(clock, busy.url);
    const id = await enqueue('ada@example.com');

    expect(await retrying.runOnce()).toBe(1);
    expect(busy.rejected()).toBe(1);
    const waiting = await rowOf(id);
    expect(waiting).toMatchObject({ status: 'pending', attempts: 1 });
    expect(waiting.last_error).toMatch(/451/);
    expect(waiting.next_attempt_at.getTime() - Date.now()).toBeGreaterThan(25_000);

    expect(await retrying.runOnce()).toBe(0);
    clock.advance(30_000 + 1_000);
    expect(await retrying.runOnce()).toBe(1);
    expect(busy.received.map((received) => received.to)).toEqual([['ada@example.com']]);
    expect(await rowOf(id)).toMatchObject({ status: 'sent', attempts: 2, last_error: null });
  });

  it('gives a message up as failed after 8 refused attempts', async () => {
    const refusing = await sinkWith({ rejectFirst: 100 });
    const clock = movableClock();
    const stubborn = worker(clock, refusing.url);
    const id = await enqueue('ada@example.com');
    for (let attempt = 1; attempt <= 8; attempt += 1) {
      expect(await stubborn.runOnce()).toBe(1);
      clock.advance(60 * 60_000 + 1_000);
    }
    expect(await stubborn.runOnce()).toBe(0);
    expect(await rowOf(id)).toMatchObject({ status: 'failed', attempts: 8, last_error: expect.stringMatching(/451/) });
  });

  it('delivers at least once when a worker dies between claim and send', async () => {
    const clock = movableClock();
    const id = await enqueue('ada@example.com');
    const outbox = testApp.app.get(MailOutboxRepository);
    const [abandoned] = await outbox.claimDue(clock.now(), 10, DEFAULT_LEASE_MS);
    expect(abandoned!.id).toBe(id);

    const survivor = worker(clock);
    expect(await survivor.runOnce()).toBe(0);
    clock.advance(DEFAULT_LEASE_MS + 1_000);
    expect(await survivor.runOnce()).toBe(1);
    expect(sink.received.map((received) => received.to)).toEqual([['ada@example.com']]);
    expect(await rowOf(id)).toMatchObject({ status: 'sent', attempts: 2 });
    // Had the first worker come back late, its claim no longer counts.
    expect(await outbox.markSent(abandoned!, clock.now(), 'smtp', false)).toBe(false);
  });

  it('sends each of 50 messages exactly once when two workers run at the same time', async () => {
    await dataSource.transaction(async (manager) => {
      for (let index = 0; index < 50; index += 1) await mail.enqueue(manager, { to: `user${index}@example.com`, template: resetEmail() });
    });
    const clock = movableClock();
    const workers = [worker(clock, sink.url, { batchSize: 5 }), worker(clock, sink.url, { batchSize: 5 })];
    // In lockstep, so that every claim races the other worker's: the case SKIP LOCKED must settle.
    const totals = [0, 0];
    for (let round = 1; round > 0; ) {
      const claimed = await Promise.all(workers.map((each) => each.runOnce()));
      claimed.forEach((count, index) => (totals[index]! += count));
      round = claimed[0]! + claimed[1]!;
    }

    expect(totals[0]! + totals[1]!).toBe(50);
    expect(Math.min(...totals)).toBeGreaterThan(0);
    const recipients = sink.received.flatMap((received) => received.to).sort();
    expect(recipients).toHaveLength(50);
    expect(new Set(recipients).size).toBe(50);
    expect(await dataSource.query(`SELECT status, count(*)::int AS count FROM mail_outbox GROUP BY status`)).toEqual([{ status: 'sent', count: 50 }]);
  });
});
