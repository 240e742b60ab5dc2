import { DestroyRef, InjectionToken, type Signal, inject, signal } from '@angular/core';

export interface LaunchClock {
  /** Epoch milliseconds. */
  now(): number;
  /** How often a countdown looks at the clock again. */
  readonly tickMs: number;
}

/** The clock of launch countdowns; a test sets its own time and a fast tick. */
export const LAUNCH_CLOCK = new InjectionToken<LaunchClock>('LAUNCH_CLOCK', {
  providedIn: 'root',
  factory: () => ({ now: () => Date.now(), tickMs: 1_000 }),
});

/**
 * Now, as a signal that follows the clock while its component lives, every `everyMs` (by default the
 * clock's tick); call in an injection context.
 */
export function tickingNow(everyMs?: number): Signal<number> {
  const clock = inject(LAUNCH_CLOCK);
  const now = signal(clock.now());
  const timer = setInterval(() => now.set(clock.now()), everyMs ?? clock.tickMs);
  inject(DestroyRef).onDestroy(() => clearInterval(timer));
  return now.asReadonly();
}

/** Whole minutes left until `expiresAt`, rounded up, so "1 minute" lasts until the very end; 0 once past. */
export function minutesLeft(expiresAt: string, now: number): number {
  const left = Date.parse(expiresAt) - now;
  return left > 0 ? Math.ceil(left / 60_000) : 0;
}
