import { DatePipe } from '@angular/common';
import { ChangeDetectionStrategy, Component, computed, inject } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatDialog } from '@angular/material/dialog';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatSelectModule } from '@angular/material/select';
import { MatSortModule, type Sort } from '@angular/material/sort';
import { MatTableModule } from '@angular/material/table';
import { type PortfolioOrgRefDto, type PortfolioUserPageDto } from '@mtp/api-client';

import { ProblemBanner } from '../../../shared/ui/page-states';
import { DashboardApi } from '../../dashboard/dashboard-api';
import { fullName, stateWord } from '../../org-console/org-words';
import { OrgChoice } from '../../verification/org-choice';
import { openOrgDetails } from '../orgs/org-details-dialog';
import { KeysetList } from './keyset-list';
import { KeysetPaginator } from './keyset-paginator';
import { orgFilterControl } from './org-filter';
import { NO_USER_FILTERS, type PortfolioUserSort, type UserFilters, userFilterParams, usersFiltered } from './portfolio-query';
import { RelativeTimePipe } from './relative-time';

/** The users of every org in the partner's reach, filtered, sorted and paged by the server. */
@Component({
  selector: 'mtp-portfolio-users',
  imports: [
    DatePipe,
    KeysetPaginator,
    MatButtonModule,
    MatFormFieldModule,
    MatProgressBarModule,
    MatSelectModule,
    MatSortModule,
    MatTableModule,
    OrgChoice,
    ProblemBanner,
    RelativeTimePipe,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './portfolio-users.html',
  styleUrl: './directory-table.scss',
})
export class PortfolioUsers {
  private readonly api = inject(DashboardApi);
  private readonly dialog = inject(MatDialog);

  protected readonly users = new KeysetList<UserFilters, PortfolioUserPageDto>({
    filters: NO_USER_FILTERS,
    load: (filters, paging) => this.api.users({ ...userFilterParams(filters), ...paging }),
    doing: 'Loading the users',
  });
  protected readonly org = orgFilterControl((orgId) => {
    if (orgId !== this.users.filters().orgId) {
      this.users.change({ orgId });
    }
  });

  protected readonly columns = ['username', 'name', 'email', 'org', 'state', 'mfa', 'locked', 'lastLoginAt', 'createdAt'];
  protected readonly filtered = computed(() => usersFiltered(this.users.filters()));
  protected readonly fullName = fullName;
  protected readonly stateWord = stateWord;

  protected onSort(sort: Sort): void {
    this.users.change({ sort: sort.active as PortfolioUserSort, order: sort.direction || 'asc' });
  }

  protected clearFilters(): void {
    this.org.setValue(null, { emitEvent: false });
    this.users.change({ orgId: null, state: null, mfa: null, locked: null });
  }

  protected details(org: PortfolioOrgRefDto): void {
    openOrgDetails(this.dialog, org);
  }
}
