import { DatePipe } from '@angular/common';
import { ChangeDetectionStrategy, Component, DestroyRef, computed, inject, signal } from '@angular/core';
import { takeUntilDestroyed, toObservable } from '@angular/core/rxjs-interop';
import { MatButtonModule } from '@angular/material/button';
import { MatDialog } from '@angular/material/dialog';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatIconModule } from '@angular/material/icon';
import { MatInputModule } from '@angular/material/input';
import { MatMenuModule } from '@angular/material/menu';
import { MatPaginatorModule, type PageEvent } from '@angular/material/paginator';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatSelectModule } from '@angular/material/select';
import { MatSnackBar } from '@angular/material/snack-bar';
import { MatSortModule, type Sort } from '@angular/material/sort';
import { MatTableModule } from '@angular/material/table';
import { type ListOrgSystems$Params, type SystemDto, type SystemPageDto } from '@mtp/api-client';
import { type Observable, catchError, debounceTime, filter, map, of, switchMap, tap } from 'rxjs';

import { type ProblemView, describeProblem } from '../../../core/http/problem-message';
import { ProblemBanner } from '../../../shared/ui/page-states';
import { OrgApi } from '../org-api';
import { ConsoleAccess } from '../console-access';
import { OrgConsole } from '../org-console';
import { osWord, consoleProblem } from '../org-words';
import { confirmAction } from '../../../shared/ui/confirm-dialog';
import { PAGE_SIZES } from '../users/user-query';
import { RenameDialog, type RenameDialogData } from './rename-dialog';

type SystemQuery = Required<Pick<ListOrgSystems$Params, 'limit' | 'offset'>> & Omit<ListOrgSystems$Params, 'limit' | 'offset' | 'orgId'>;

/** The org's devices: paged, sorted and filtered by the server; renamed, deactivated or deleted here. */
@Component({
  selector: 'mtp-systems-page',
  imports: [
    DatePipe,
    MatButtonModule,
    MatFormFieldModule,
    MatIconModule,
    MatInputModule,
    MatMenuModule,
    MatPaginatorModule,
    MatProgressBarModule,
    MatSelectModule,
    MatSortModule,
    MatTableModule,
    ProblemBanner,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './systems-page.html',
  styleUrl: './systems-page.scss',
})
export class SystemsPage {
  private readonly api = inject(OrgApi);
  private readonly console = inject(OrgConsole);
  private readonly dialog = inject(MatDialog);
  private readonly snackBar = inject(MatSnackBar);

  protected readonly pageSizes = PAGE_SIZES;
  protected readonly osWord = osWord;
  /** Every action on a system changes it: a helpdesk session only looks. */
  protected readonly manages = inject(ConsoleAccess).manages;
  protected readonly columns = computed(() => [
    'hostname', 'osFamily', 'agentVersion', 'active', 'lastContactAt', ...(this.manages() ? ['actions'] : []),
  ]);

  protected readonly query = signal<SystemQuery>({ limit: PAGE_SIZES[1], offset: 0 });
  protected readonly page = signal<SystemPageDto | null>(null);
  protected readonly loading = signal(true);
  protected readonly problem = signal<ProblemView | null>(null);
  protected readonly filtered = computed(() => {
    const query = this.query();
    return !!query.search || !!query.osFamily || query.active !== undefined;
  });
  private readonly reload = signal(0);

  constructor() {
    toObservable(computed(() => ({ query: this.query(), reload: this.reload() })))
      .pipe(
        debounceTime(0),
        tap(() => this.loading.set(true)),
        switchMap(({ query }) => this.load(query)),
        takeUntilDestroyed(inject(DestroyRef)),
      )
      .subscribe(({ page, problem }) => {
        this.loading.set(false);
        this.problem.set(problem);
        if (page) this.page.set(page);
      });
  }

  protected change(patch: Partial<ListOrgSystems$Params>): void {
    this.query.update((query) => ({ ...query, offset: 0, ...patch }));
  }

  protected onSort(sort: Sort): void {
    const active = sort.direction ? (sort.active as ListOrgSystems$Params['sort']) : undefined;
    this.change({ sort: active, order: sort.direction || undefined });
  }

  protected onPage(event: PageEvent): void {
    this.change({ limit: event.pageSize, offset: event.pageIndex * event.pageSize });
  }

  protected rename(system: SystemDto): void {
    this.dialog
      .open<RenameDialog, RenameDialogData, SystemDto>(RenameDialog, { data: { orgId: this.console.orgId(), system }, width: '440px', maxWidth: '95vw' })
      .afterClosed()
      .pipe(filter((saved): saved is SystemDto => !!saved))
      .subscribe((saved) => this.done(`Renamed to ${saved.hostname}`));
  }

  protected setActive(system: SystemDto, active: boolean): void {
    this.track(this.api.updateSystem(this.console.orgId(), system.id, { active }), `${active ? 'Activated' : 'Deactivated'} ${system.hostname}`);
  }

  protected remove(system: SystemDto): void {
    confirmAction(this.dialog, { title: 'Delete this system?', message: `Delete system ${system.hostname}? This cannot be undone.`, confirm: 'Delete' })
      .pipe(filter(Boolean))
      .subscribe(() => this.track(this.api.deleteSystem(this.console.orgId(), system.id), `Deleted ${system.hostname}`));
  }

  protected refresh(): void {
    this.reload.update((count) => count + 1);
  }

  private load(query: SystemQuery): Observable<{ page: SystemPageDto | null; problem: ProblemView | null }> {
    return this.api.systems(this.console.orgId(), query).pipe(
      map((page) => ({ page, problem: null })),
      catchError((error: unknown) => of({ page: null, problem: describeProblem(error, 'Loading the systems') })),
    );
  }

  private track(request: Observable<unknown>, message: string): void {
    request.subscribe({ next: () => this.done(message), error: (error: unknown) => this.done(consoleProblem(error, 'That change')) });
  }

  private done(message: string): void {
    this.snackBar.open(message, 'OK', { duration: 4000 });
    this.refresh();
    this.console.refresh();
  }
}
