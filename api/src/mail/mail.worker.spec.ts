import { Logger } from '@nestjs/common';
import type { Clock } from '../common/clock.js';
import type { ClaimedMail, MailOutboxRepository } from './mail-outbox.repository.js';
import type { MailTransport } from './mail-transport.js';
import { MailWorker } from './mail.worker.js';
import type { FailedAttemptOutcome } from './retry-policy.js';

const NOW = new Date('2026-03-01T12:00:00Z');

function mail(id: string, attempts = 1): ClaimedMail {
  return { id, recipient: `${id}@example.test`, subject: 's', htmlBody: '<p>h</p>', textBody: 't', attempts };
}

/** An outbox in memory that hands out the queued batches in turn and records every outcome. */
function fakeOutbox(batches: ClaimedMail[][]) {
  const recorded = {
    claims: [] as unknown[][],
    sent: [] as string[],
    failed: [] as { id: string; outcome: FailedAttemptOutcome; reason: string }[],
  };
  const outbox = {
    claimDue: async (...args: unknown[]) => {
      recorded.claims.push(args);
      return batches.shift() ?? [];
    },
    markSent: async (claim: ClaimedMail) => {
      recorded.sent.push(claim.id);
      return true;
    },
    markFailedAttempt: async (claim: ClaimedMail, outcome: FailedAttemptOutcome, reason: string) => {
      recorded.failed.push({ id: claim.id, outcome, reason });
      return true;
    },
  };
  return { recorded, repository: outbox as unknown as MailOutboxRepository };
}

function transport(send: (mail: ClaimedMail) => Promise<void> = async () => undefined) {
  const calls = { sent: 0, closed: 0 };
  const fake: MailTransport = {
    name: 'smtp',
    keepsDeliveredBodies: false,
    send: (mail) => {
      calls.sent += 1;
      return send(mail as ClaimedMail);
    },
    close: async () => {
      calls.closed += 1;
    },
  };
  return { fake, calls };
}

const clock: Clock = { now: () => NOW };

describe('MailWorker', () => {
  beforeAll(() => Logger.overrideLogger(false));

  it('sends a claimed batch and records each delivery', async () => {
    const { repository, recorded } = fakeOutbox([[mail('a'), mail('b')]]);
    const worker = new MailWorker(repository, transport().fake, clock, { pollIntervalMs: 0, batchSize: 5, leaseMs: 1000 });
    expect(await worker.runOnce()).toBe(2);
    expect(recorded.sent.sort()).toEqual(['a', 'b']);
    expect(recorded.claims).toEqual([[NOW, 5, 1000]]);
  });

  it('puts a failed message back with backoff, and gives it up after the last attempt', async () => {
    const refusing = transport(async () => {
      throw Object.assign(new Error('451 try later'), { responseCode: 451 });
    });
    const { repository, recorded } = fakeOutbox([[mail('early', 1), mail('last', 8)]]);
    await new MailWorker(repository, refusing.fake, clock, { pollIntervalMs: 0 }).runOnce();
    const byId = Object.fromEntries(recorded.failed.map((entry) => [entry.id, entry]));
    expect(byId.early!.outcome).toEqual({ status: 'pending', nextAttemptAt: new Date(NOW.getTime() + 30_000) });
    expect(byId.early!.reason).toBe('451: 451 try later');
    expect(byId.last!.outcome.status).toBe('failed');
    expect(recorded.sent).toEqual([]);
  });

  it('does not start a background loop when the poll interval is 0', () => {
    const { recorded, repository } = fakeOutbox([]);
    new MailWorker(repository, transport().fake, clock, { pollIntervalMs: 0 }).onApplicationBootstrap();
    expect(recorded.claims).toEqual([]);
  });

  it('drains a backlog without waiting for the poll interval', async () => {
    const { repository, recorded } = fakeOutbox([[mail('1'), mail('2')], [mail('3'), mail('4')], [mail('5')]]);
    const worker = new MailWorker(repository, transport().fake, clock, { pollIntervalMs: 60_000, batchSize: 2 });
    worker.start();
    await waitFor(() => recorded.sent.length === 5);
    await worker.stop();
    expect(recorded.sent.sort()).toEqual(['1', '2', '3', '4', '5']);
  });

  it('on shutdown, waits for the batch in flight to finish and record its outcome', async () => {
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    const slow = transport(() => held);
    const { repository, recorded } = fakeOutbox([[mail('in-flight')]]);
    const worker = new MailWorker(repository, slow.fake, clock, { pollIntervalMs: 10 });
    worker.onApplicationBootstrap();
    await waitFor(() => slow.calls.sent === 1);
    let stopped = false;
    const stopping = worker.beforeApplicationShutdown().then(() => (stopped = true));
    await new Promise((resolve) => setTimeout(resolve, 30));
    expect(stopped).toBe(false);
    release();
    await stopping;
    expect(recorded.sent).toEqual(['in-flight']);
    expect(slow.calls.closed).toBe(1);
  });
});

async function waitFor(condition: () => boolean, timeoutMs = 2_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error('timed out waiting');
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}
