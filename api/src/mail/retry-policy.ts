/**
 * When a failed delivery is tried again. Exponential backoff from 30 s keeps a briefly unreachable
 * SMTP relay from being hammered by every instance; after 8 attempts (about an hour of trying) the
 * message is given up as failed and stays in the outbox for people to look at.
 */
export const MAX_ATTEMPTS = 8;
export const FIRST_RETRY_DELAY_MS = 30_000;
export const MAX_RETRY_DELAY_MS = 60 * 60_000;

const MAX_ERROR_LENGTH = 500;

/** The wait after the given number of attempts, all failed: 30 s, 1 min, 2 min, ... at most 1 h. */
export function retryDelayMs(attempts: number): number {
  const exponent = Math.max(0, attempts - 1);
  return Math.min(FIRST_RETRY_DELAY_MS * 2 ** exponent, MAX_RETRY_DELAY_MS);
}

export type FailedAttemptOutcome = { status: 'pending'; nextAttemptAt: Date } | { status: 'failed'; nextAttemptAt: Date };

/** What becomes of a message whose attempt number `attempts` has just failed. */
export function afterFailedAttempt(attempts: number, now: Date): FailedAttemptOutcome {
  if (attempts >= MAX_ATTEMPTS) return { status: 'failed', nextAttemptAt: now };
  return { status: 'pending', nextAttemptAt: new Date(now.getTime() + retryDelayMs(attempts)) };
}

/**
 * The reason kept in `last_error` and logged: the SMTP server's answer, never a credential. Connection
 * errors may quote the address they dialled, so passwords in URLs are masked; and it is kept short.
 */
export function describeSendError(error: unknown): string {
  const details = error as { code?: unknown; responseCode?: unknown; message?: unknown } | undefined;
  const message = typeof details?.message === 'string' ? details.message : String(error);
  const prefix = [details?.code, details?.responseCode].filter((part) => typeof part === 'string' || typeof part === 'number').join(' ');
  const described = (prefix ? `${prefix}: ${message}` : message)
    .replace(/\/\/[^\s/@:]*:[^\s/@]*@/g, '//***@')
    .replace(/\s+/g, ' ')
    .trim();
  return described.length > MAX_ERROR_LENGTH ? `${described.slice(0, MAX_ERROR_LENGTH - 1)}…` : described;
}
