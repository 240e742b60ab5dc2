// Mail outbox throughput: messages queued into a fresh database, then delivered over SMTP to a real
// SMTP server in this process, by one worker and by two workers sharing the outbox (as two instances
// would). Runs the compiled API (api/dist), building it only when it is missing or stale.
import { createDatabase, dropDatabase, startTestServer } from '@mtp/testing';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { SMTPServer } from 'smtp-server';
import { DataSource } from 'typeorm';
import { SnakeNamingStrategy } from 'typeorm-naming-strategies';
import { report } from './lib/report.mjs';
import { ensureBuilt, root } from '../scripts/lib/workspace.mjs';

const MESSAGES = 2_000;
const ENQUEUE_BATCH = 100;
const FLOOR_PER_SECOND = 100;

ensureBuilt('libs');
ensureBuilt('api');
const fromApi = (path) => import(pathToFileURL(join(root, 'api/dist', path)).href);
const { migrate } = await fromApi('database/migrator.js');
const { MailOutboxMessage } = await fromApi('mail/mail-outbox-message.entity.js');
const { MailOutboxRepository } = await fromApi('mail/mail-outbox.repository.js');
const { SmtpTransport } = await fromApi('mail/mail-transport.js');
const { MailService } = await fromApi('mail/mail.service.js');
const { MailWorker } = await fromApi('mail/mail.worker.js');
const { passwordResetEmail } = await fromApi('mail/templates/password-reset.js');

/** Accepts every message and counts it; nothing is parsed, so the sink is not what is measured. */
async function startCountingSmtpServer() {
  const sink = { received: 0 };
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    onData(stream, _session, callback) {
      stream.on('data', () => undefined);
      stream.on('end', () => {
        sink.received += 1;
        callback();
      });
    },
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  sink.url = `smtp://127.0.0.1:${server.server.address().port}`;
  sink.close = () => new Promise((resolve) => server.close(resolve));
  return sink;
}

async function enqueueMessages(dataSource, mail) {
  const started = performance.now();
  for (let first = 0; first < MESSAGES; first += ENQUEUE_BATCH) {
    await dataSource.transaction(async (manager) => {
      for (let index = first; index < first + ENQUEUE_BATCH; index += 1) {
        const template = passwordResetEmail({ name: `User ${index}`, resetUrl: `https://portal.example.com/reset?token=${index}`, expiresInMinutes: 30 });
        await mail.enqueue(manager, { to: `user${index}@example.com`, template });
      }
    });
  }
  return MESSAGES / ((performance.now() - started) / 1000);
}

/** Every worker claims and sends until the outbox is empty; answers messages delivered per second. */
async function deliverAll(outbox, sink, workerCount) {
  const clock = { now: () => new Date() };
  const transports = Array.from({ length: workerCount }, () => new SmtpTransport(sink.url, 'MTP <no-reply@bench.local>'));
  const workers = transports.map((transport) => new MailWorker(outbox, transport, clock, { pollIntervalMs: 0 }));
  const before = sink.received;
  const started = performance.now();
  await Promise.all(workers.map(async (worker) => {
    while ((await worker.runOnce()) > 0);
  }));
  const seconds = (performance.now() - started) / 1000;
  await Promise.all(transports.map((transport) => transport.close()));
  const delivered = sink.received - before;
  if (delivered !== MESSAGES) throw new Error(`expected ${MESSAGES} messages at the SMTP server, got ${delivered}`);
  return delivered / seconds;
}

const server = await startTestServer();
const database = await createDatabase(server.adminUrl, 'mtp_bench_mail');
const sink = await startCountingSmtpServer();
const dataSource = new DataSource({ type: 'postgres', url: database.url, entities: [MailOutboxMessage], namingStrategy: new SnakeNamingStrategy(), extra: { max: 10 } });
try {
  await migrate(database.url);
  await dataSource.initialize();
  const outbox = new MailOutboxRepository(dataSource);
  const mail = new MailService(outbox, { now: () => new Date() });

  const enqueued = await enqueueMessages(dataSource, mail);
  report(`enqueue (${ENQUEUE_BATCH} per transaction)`, Math.round(enqueued), 'msg/s', 1_000, false);
  report(`outbox -> SMTP, one worker (${MESSAGES} messages)`, Math.round(await deliverAll(outbox, sink, 1)), 'msg/s', FLOOR_PER_SECOND, false);

  await enqueueMessages(dataSource, mail);
  report(`outbox -> SMTP, two workers (${MESSAGES} messages)`, Math.round(await deliverAll(outbox, sink, 2)), 'msg/s', FLOOR_PER_SECOND, false);
} finally {
  await dataSource.destroy().catch(() => undefined);
  await sink.close();
  await dropDatabase(server.adminUrl, database.name);
  await server.stop();
}
