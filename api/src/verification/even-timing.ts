import { setTimeout as sleep } from 'node:timers/promises';

/**
 * Whether a verification request sent a code must not show in how long it took to answer: a real
 * one also writes the email to the outbox, a few milliseconds more. Every answer is therefore held
 * back to at least this long, well above what the work itself takes (p95 ≈ 22 ms here).
 */
export const EVEN_ANSWER_MS = 40;

/** Runs `work` and answers no sooner than `ms` after it started, whatever it found. */
export async function answerNoSoonerThan<T>(ms: number, work: () => Promise<T>): Promise<T> {
  const started = performance.now();
  try {
    return await work();
  } finally {
    const left = ms - (performance.now() - started);
    if (left > 0) await sleep(left);
  }
}
