import { DatePipe, DecimalPipe } from '@angular/common';
import { ChangeDetectionStrategy, Component, DestroyRef, computed, inject, signal } from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { FormControl, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatDialog } from '@angular/material/dialog';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatIconModule } from '@angular/material/icon';
import { MatInputModule } from '@angular/material/input';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatSelectModule } from '@angular/material/select';
import { MatSlideToggleModule } from '@angular/material/slide-toggle';
import { MatSortModule, type Sort } from '@angular/material/sort';
import { MatTableModule } from '@angular/material/table';
import { type PartnerOrgDto, type PartnerOrgPageDto } from '@mtp/api-client';
import { debounceTime, filter, map } from 'rxjs';

import { SessionStore } from '../../../core/auth/session-store';
import { type ProblemView, describeProblem } from '../../../core/http/problem-message';
import { FileSaver } from '../../../shared/files/file-saver';
import { SEARCH_DEBOUNCE_MS } from '../../../shared/forms/search-debounce';
import { ProblemBanner } from '../../../shared/ui/page-states';
import { VerificationActions } from '../../verification/verification-actions';
import { VERIFIERS } from '../../verification/verification-roles';
import { KeysetList } from '../directory/keyset-list';
import { KeysetPaginator } from '../directory/keyset-paginator';
import { RelativeTimePipe } from '../directory/relative-time';
import { PartnerApi } from '../partner-api';
import { partnerRoleOf } from '../partner-role';
import { orgStatusWord } from '../partner-words';
import { CopyOrgId } from './copy-org-id';
import { LaunchButton } from './launch-button';
import { openOrgDetails } from './org-details-dialog';
import { NO_ORG_FILTERS, type OrgFilters, type OrgSort, exportFileName, isFiltered, orgFilterParams } from './org-query';

/** A whole percent from 1 to 100, as the API takes it. */
const PERCENT = [Validators.min(1), Validators.max(100), Validators.pattern(/^\d+$/)];

/** The partner's customer organizations with their figures: searched, filtered, sorted and paged by the server. */
@Component({
  selector: 'mtp-partner-orgs',
  imports: [
    CopyOrgId,
    DatePipe,
    DecimalPipe,
    LaunchButton,
    KeysetPaginator,
    MatButtonModule,
    MatFormFieldModule,
    MatIconModule,
    MatInputModule,
    MatProgressBarModule,
    MatSelectModule,
    MatSlideToggleModule,
    MatSortModule,
    MatTableModule,
    ProblemBanner,
    ReactiveFormsModule,
    RelativeTimePipe,
  ],
  providers: [VerificationActions],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './partner-orgs.html',
  styleUrls: ['../partner-table.scss', './partner-orgs.scss'],
})
export class PartnerOrgs {
  private readonly api = inject(PartnerApi);
  private readonly store = inject(SessionStore);
  private readonly dialog = inject(MatDialog);
  private readonly fileSaver = inject(FileSaver);
  private readonly destroyRef = inject(DestroyRef);
  protected readonly actions = inject(VerificationActions);

  protected readonly orgs = new KeysetList<OrgFilters, PartnerOrgPageDto>({
    filters: NO_ORG_FILTERS,
    load: (filters, paging) => this.api.orgs({ ...orgFilterParams(filters), ...paging }),
    doing: 'Loading the organizations',
  });

  /** The API lets only these roles add orgs, so no one else is offered the button. */
  protected readonly canAdd = computed(() => {
    const role = partnerRoleOf(this.store.me());
    return !!role && VERIFIERS.includes(role);
  });
  protected readonly columns = [
    'name',
    'orgId',
    'status',
    'users',
    'systems',
    'admins',
    'mfaCoverage',
    'lockedOut',
    'lastActivity',
    'actions',
  ];
  protected readonly statusWord = orgStatusWord;
  protected readonly filtered = computed(() => isFiltered(this.orgs.filters()));
  protected readonly searchOnly = computed(() => {
    const filters = this.orgs.filters();
    return isFiltered(filters) && !isFiltered({ ...filters, search: '' });
  });
  protected readonly search = new FormControl('', { nonNullable: true });
  protected readonly mfaBelow = new FormControl<number | null>(null, PERCENT);
  protected readonly exporting = signal(false);
  protected readonly exportProblem = signal<ProblemView | null>(null);

  constructor() {
    // A pending request adds nothing to this list; only a verified or created org does.
    this.actions.changed
      .pipe(
        filter((result) => result?.kind === 'verified' || result?.kind === 'created'),
        takeUntilDestroyed(),
      )
      .subscribe(() => this.orgs.refresh());
    const debounce = inject(SEARCH_DEBOUNCE_MS);
    this.search.valueChanges
      .pipe(
        debounceTime(debounce),
        map((search) => search.trim()),
        filter((search) => search !== this.orgs.filters().search),
        takeUntilDestroyed(),
      )
      .subscribe((search) => this.orgs.change({ search }));
    // A percent the API would refuse is not sent: the field says what is wrong instead.
    this.mfaBelow.valueChanges
      .pipe(
        debounceTime(debounce),
        filter(() => this.mfaBelow.valid),
        map((percent) => percent ?? null),
        filter((percent) => percent !== this.orgs.filters().mfaBelow),
        takeUntilDestroyed(),
      )
      .subscribe((mfaBelow) => this.orgs.change({ mfaBelow }));
  }

  protected onSort(sort: Sort): void {
    this.orgs.change({ sort: sort.active as OrgSort, order: sort.direction || 'asc' });
  }

  protected clearFilters(): void {
    this.search.setValue('', { emitEvent: false });
    this.mfaBelow.setValue(null, { emitEvent: false });
    this.orgs.change({ search: '', status: null, mfaBelow: null, hasLockouts: false });
  }

  protected details(org: PartnerOrgDto): void {
    openOrgDetails(this.dialog, org);
  }

  /** The whole filtered list as the API writes it, in the table's order: every page, not only this one. */
  protected exportCsv(): void {
    this.exporting.set(true);
    this.exportProblem.set(null);
    this.api
      .exportOrgs(orgFilterParams(this.orgs.filters()))
      .pipe(takeUntilDestroyed(this.destroyRef))
      .subscribe({
        next: (csv) => {
          this.exporting.set(false);
          this.fileSaver.saveBlob(exportFileName(new Date()), csv);
        },
        error: (error: unknown) => {
          this.exporting.set(false);
          this.exportProblem.set(describeProblem(error, 'Exporting the organizations'));
        },
      });
  }
}
