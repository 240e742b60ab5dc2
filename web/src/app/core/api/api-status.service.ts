import { HttpClient } from '@angular/common/http';
import { Injectable, InjectionToken, inject, signal } from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { ApiConfiguration, getReadiness } from '@mtp/api-client';
import { type Observable, Subject, catchError, interval, map, merge, of, startWith, switchMap } from 'rxjs';

export type ApiStatus = 'checking' | 'up' | 'down';

export const API_READY_URL = getReadiness.PATH;

/** How often the portal asks whether the API is ready, in milliseconds. */
export const API_STATUS_POLL_MS = new InjectionToken<number>('API_STATUS_POLL_MS', {
  providedIn: 'root',
  factory: () => 30_000,
});

/** Whether the API answers its readiness check, asked through the generated API client. */
@Injectable({ providedIn: 'root' })
export class ApiStatusService {
  private readonly http = inject(HttpClient);
  private readonly apiConfiguration = inject(ApiConfiguration);
  private readonly state = signal<ApiStatus>('checking');
  private readonly lastChecked = signal<Date | null>(null);
  private readonly recheck = new Subject<void>();

  readonly status = this.state.asReadonly();
  readonly checkedAt = this.lastChecked.asReadonly();

  constructor() {
    merge(interval(inject(API_STATUS_POLL_MS)), this.recheck)
      .pipe(
        startWith(undefined),
        switchMap(() => this.probe()),
        takeUntilDestroyed(),
      )
      .subscribe((status) => {
        this.state.set(status);
        this.lastChecked.set(new Date());
      });
  }

  /** Asks again now, for instance when the person clicks the indicator. */
  refresh(): void {
    this.recheck.next();
  }

  private probe(): Observable<ApiStatus> {
    return getReadiness(this.http, this.apiConfiguration.rootUrl).pipe(
      map((response): ApiStatus => (response.body.status === 'ok' ? 'up' : 'down')),
      catchError(() => of<ApiStatus>('down')),
    );
  }
}
