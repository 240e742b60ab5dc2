import { afterFailedAttempt, describeSendError, MAX_ATTEMPTS, retryDelayMs } from './retry-policy.js';

describe('retry backoff', () => {
  it('doubles from 30 seconds after each failed attempt', () => {
    expect([1, 2, 3, 4, 5, 6, 7].map(retryDelayMs)).toEqual([30_000, 60_000, 120_000, 240_000, 480_000, 960_000, 1_920_000]);
  });

  it('never waits more than an hour', () => {
    expect(retryDelayMs(8)).toBe(3_600_000);
    expect(retryDelayMs(30)).toBe(3_600_000);
  });

  it('schedules the next attempt from now while attempts remain', () => {
    const now = new Date('2026-01-01T00:00:00Z');
    expect(afterFailedAttempt(1, now)).toEqual({ status: 'pending', nextAttemptAt: new Date('2026-01-01T00:00:30Z') });
    expect(afterFailedAttempt(MAX_ATTEMPTS - 1, now).status).toBe('pending');
  });

  it('gives up after 8 attempts', () => {
    expect(MAX_ATTEMPTS).toBe(8);
    expect(afterFailedAttempt(8, new Date()).status).toBe('failed');
  });
});

describe('describeSendError', () => {
  it('keeps the SMTP code and the server answer', () => {
    const error = Object.assign(new Error('Message failed: 451 4.3.0 Try again later'), { code: 'EMESSAGE', responseCode: 451 });
    expect(describeSendError(error)).toBe('EMESSAGE 451: Message failed: 451 4.3.0 Try again later');
  });

  it('masks a password quoted in an address', () => {
    const described = describeSendError(new Error('connect ECONNREFUSED smtp://mailer:s3cret@mail.example.com:587'));
    expect(described).not.toContain('s3cret');
    expect(described).toContain('smtp://***@mail.example.com:587');
  });

  it('keeps the reason to one short line', () => {
    const described = describeSendError(new Error(`line one\nline two ${'x'.repeat(2000)}`));
    expect(described).not.toContain('\n');
    expect(described.length).toBeLessThanOrEqual(500);
  });

  it('describes things thrown that are not errors', () => {
    expect(describeSendError('socket hang up')).toBe('socket hang up');
  });
});
