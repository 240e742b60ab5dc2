import { DatePipe } from '@angular/common';
import { ChangeDetectionStrategy, Component, computed, inject } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatIconModule } from '@angular/material/icon';
import { MatMenuModule } from '@angular/material/menu';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatSelectModule } from '@angular/material/select';
import { MatTableModule } from '@angular/material/table';
import { RouterLink } from '@angular/router';
import { type SupportRequestPageDto } from '@mtp/api-client';

import { SessionStore } from '../../../core/auth/session-store';
import { ProblemBanner } from '../../../shared/ui/page-states';
import { KeysetList } from '../directory/keyset-list';
import { KeysetPaginator } from '../directory/keyset-paginator';
import { DETACHERS, partnerRoleOf } from '../partner-role';
import { NewRequest } from './new-request';
import { REQUEST_KINDS, REQUEST_STATUSES, type RequestKind, type RequestStatus, kindWord, statusWord } from './request-words';
import { RequestsApi } from './requests-api';

interface RequestFilters {
  readonly kind: RequestKind | null;
  readonly status: RequestStatus | null;
}

/**
 * What the partner has asked platform support, newest first: filtered by kind and status on the
 * server, paged by cursor. Every role may ask for training or help; owners and admins may also ask
 * to detach an org.
 */
@Component({
  selector: 'mtp-requests-page',
  imports: [
    DatePipe,
    KeysetPaginator,
    MatButtonModule,
    MatFormFieldModule,
    MatIconModule,
    MatMenuModule,
    MatProgressBarModule,
    MatSelectModule,
    MatTableModule,
    ProblemBanner,
    RouterLink,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './requests-page.html',
  styleUrls: ['../partner-table.scss', './requests.scss', './requests-page.scss'],
})
export class RequestsPage {
  private readonly api = inject(RequestsApi);
  private readonly store = inject(SessionStore);
  protected readonly newRequest = inject(NewRequest);

  protected readonly requests = new KeysetList<RequestFilters, SupportRequestPageDto>({
    filters: { kind: null, status: null },
    load: (filters, paging) =>
      this.api.list({
        ...(filters.kind ? { kind: filters.kind } : {}),
        ...(filters.status ? { status: filters.status } : {}),
        limit: paging.limit,
        ...(paging.cursor ? { cursor: paging.cursor } : {}),
      }),
    doing: 'Loading the requests',
  });
  protected readonly columns = ['number', 'subject', 'kind', 'org', 'status', 'createdBy', 'createdAt', 'updatedAt'];
  protected readonly kinds = REQUEST_KINDS;
  protected readonly statuses = REQUEST_STATUSES;
  protected readonly kindWord = kindWord;
  protected readonly statusWord = statusWord;
  protected readonly mayDetach = computed(() => {
    const role = partnerRoleOf(this.store.me());
    return !!role && DETACHERS.includes(role);
  });
  protected readonly filtered = computed(() => this.requests.filters().kind !== null || this.requests.filters().status !== null);

  protected clearFilters(): void {
    this.requests.change({ kind: null, status: null });
  }
}
