import { InjectionToken } from '@angular/core';

/** Now, in epoch milliseconds; a test sets the day so "in 3 days" does not depend on when it runs. */
export const DASHBOARD_NOW = new InjectionToken<() => number>('DASHBOARD_NOW', {
  providedIn: 'root',
  factory: () => () => Date.now(),
});
