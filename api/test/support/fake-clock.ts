import { Clock } from '../../src/common/clock.js';

/**
 * A clock the test moves by hand. It starts at the real time (5 s into a TOTP step), because the
 * JWT library checks token expiry against the real clock.
 */
export class FakeClock extends Clock {
  private current: number;

  constructor(start = new Date(Math.floor(Date.now() / 30_000) * 30_000 + 5_000)) {
    super();
    this.current = start.getTime();
  }

  override now(): Date {
    return new Date(this.current);
  }

  advance(milliseconds: number): void {
    this.current += milliseconds;
  }

  set(at: Date): void {
    this.current = at.getTime();
  }
}
