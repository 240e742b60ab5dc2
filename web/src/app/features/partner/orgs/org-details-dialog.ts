import { DatePipe, DecimalPipe } from '@angular/common';
import { ChangeDetectionStrategy, Component, DestroyRef, computed, inject, signal } from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { MAT_DIALOG_DATA, type MatDialog, type MatDialogRef, MatDialogModule } from '@angular/material/dialog';
import { MatButtonModule } from '@angular/material/button';
import { type PartnerOrgDetailsDto, type PortfolioOrgRefDto } from '@mtp/api-client';

import { SessionStore } from '../../../core/auth/session-store';
import { ApiProblem } from '../../../core/http/api-problem';
import { type ProblemView, describeProblem } from '../../../core/http/problem-message';
import { LoadingState, ProblemBanner } from '../../../shared/ui/page-states';
import { ActivityList } from '../../org-console/activity/activity-list';
import { RelativeTimePipe } from '../directory/relative-time';
import { PartnerApi } from '../partner-api';
import { DETACHERS, partnerRoleOf } from '../partner-role';
import { associationWords, orgStatusWord } from '../partner-words';
import { NewRequest } from '../requests/new-request';
import { CopyOrgId } from './copy-org-id';
import { LaunchButton } from './launch-button';

/** One of the partner's orgs at a glance: figures, admins, how it came to the partner, what happened lately. */
@Component({
  selector: 'mtp-org-details-dialog',
  imports: [ActivityList, CopyOrgId, DatePipe, DecimalPipe, LaunchButton, LoadingState, MatButtonModule, MatDialogModule, ProblemBanner, RelativeTimePipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './org-details-dialog.html',
  styleUrls: ['../partner-table.scss', './org-details-dialog.scss'],
})
export class OrgDetailsDialog {
  private readonly api = inject(PartnerApi);
  private readonly destroyRef = inject(DestroyRef);
  private readonly store = inject(SessionStore);
  private readonly newRequest = inject(NewRequest);

  protected readonly org = inject<PortfolioOrgRefDto>(MAT_DIALOG_DATA);
  protected readonly details = signal<PartnerOrgDetailsDto | null>(null);
  protected readonly problem = signal<ProblemView | null>(null);
  /** The name the org was opened by, until the API says what it is now. */
  protected readonly name = computed(() => this.details()?.org.name ?? this.org.name);
  protected readonly associationWords = associationWords;
  protected readonly statusWord = orgStatusWord;
  /** Only owners and admins may ask platform staff to detach an org (the API refuses the others). */
  protected readonly mayDetach = computed(() => {
    const role = partnerRoleOf(this.store.me());
    return !!role && DETACHERS.includes(role);
  });

  constructor() {
    this.load();
  }

  /** Over this dialog; filing it shows the new request, which closes this dialog too. */
  protected requestDetachment(): void {
    this.newRequest.open('detach', { orgId: this.org.orgId, name: this.name() });
  }

  protected load(): void {
    this.problem.set(null);
    this.details.set(null);
    this.api
      .org(this.org.orgId)
      .pipe(takeUntilDestroyed(this.destroyRef))
      .subscribe({
        next: (details) => this.details.set(details),
        error: (error: unknown) =>
          this.problem.set(
            error instanceof ApiProblem && error.status === 404
              ? { message: 'This organization is no longer in your reach: it may have left your partner.', reference: error.correlationId }
              : describeProblem(error, 'Loading the organization'),
          ),
      });
  }
}

/** Opens an org's details over the current page. */
export function openOrgDetails(dialog: MatDialog, org: PortfolioOrgRefDto): MatDialogRef<OrgDetailsDialog> {
  return dialog.open<OrgDetailsDialog, PortfolioOrgRefDto>(OrgDetailsDialog, {
    data: { orgId: org.orgId, name: org.name },
    width: '720px',
    maxWidth: '95vw',
    autoFocus: 'dialog',
    ariaLabel: `Details of ${org.name}`,
  });
}
