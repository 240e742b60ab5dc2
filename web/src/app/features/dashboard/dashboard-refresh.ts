import { Injectable } from '@angular/core';
import { Subject } from 'rxjs';

/**
 * One dashboard's "read it all again": the totals and every widget listen, so a bulk action or the
 * Refresh button leaves nothing on the page older than the change.
 */
@Injectable()
export class DashboardRefresh {
  private readonly subject = new Subject<void>();

  readonly requests = this.subject.asObservable();

  request(): void {
    this.subject.next();
  }
}
