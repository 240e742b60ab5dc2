import { DatePipe } from '@angular/common';
import { ChangeDetectionStrategy, Component, computed, inject } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatDialog } from '@angular/material/dialog';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatSelectModule } from '@angular/material/select';
import { MatSortModule, type Sort } from '@angular/material/sort';
import { MatTableModule } from '@angular/material/table';
import { type PortfolioOrgRefDto, type PortfolioSystemPageDto } from '@mtp/api-client';

import { ProblemBanner } from '../../../shared/ui/page-states';
import { DashboardApi } from '../../dashboard/dashboard-api';
import { osWord } from '../../org-console/org-words';
import { OrgChoice } from '../../verification/org-choice';
import { openOrgDetails } from '../orgs/org-details-dialog';
import { KeysetList } from './keyset-list';
import { KeysetPaginator } from './keyset-paginator';
import { orgFilterControl } from './org-filter';
import { NO_SYSTEM_FILTERS, type PortfolioSystemSort, type SystemFilters, systemFilterParams, systemsFiltered } from './portfolio-query';
import { RelativeTimePipe } from './relative-time';

/** The systems of every org in the partner's reach, filtered, sorted and paged by the server. */
@Component({
  selector: 'mtp-portfolio-systems',
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
  templateUrl: './portfolio-systems.html',
  styleUrl: './directory-table.scss',
})
export class PortfolioSystems {
  private readonly api = inject(DashboardApi);
  private readonly dialog = inject(MatDialog);

  protected readonly systems = new KeysetList<SystemFilters, PortfolioSystemPageDto>({
    filters: NO_SYSTEM_FILTERS,
    load: (filters, paging) => this.api.systems({ ...systemFilterParams(filters), ...paging }),
    doing: 'Loading the systems',
  });
  protected readonly org = orgFilterControl((orgId) => {
    if (orgId !== this.systems.filters().orgId) {
      this.systems.change({ orgId });
    }
  });

  protected readonly columns = ['hostname', 'org', 'os', 'agent', 'active', 'lastContactAt'];
  protected readonly filtered = computed(() => systemsFiltered(this.systems.filters()));
  protected readonly osWord = osWord;

  protected onSort(sort: Sort): void {
    this.systems.change({ sort: sort.active as PortfolioSystemSort, order: sort.direction || 'asc' });
  }

  protected clearFilters(): void {
    this.org.setValue(null, { emitEvent: false });
    this.systems.change({ orgId: null, osFamily: null, active: null });
  }

  protected details(org: PortfolioOrgRefDto): void {
    openOrgDetails(this.dialog, org);
  }
}
