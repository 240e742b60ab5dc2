import { DatePipe } from '@angular/common';
import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatCheckboxModule } from '@angular/material/checkbox';
import { MatDialog } from '@angular/material/dialog';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatTableModule } from '@angular/material/table';
import { type PortfolioUserDto } from '@mtp/api-client';
import { filter } from 'rxjs';

import { SessionStore } from '../../../core/auth/session-store';
import { confirmAction } from '../../../shared/ui/confirm-dialog';
import { ProblemBanner } from '../../../shared/ui/page-states';
import { partnerRoleOf } from '../../partner/partner-role';
import { DashboardRefresh } from '../dashboard-refresh';
import { BULK_WORDS, type BulkAction, OUTCOME_WORDS, USER_ACTORS, personName, plural } from '../dashboard-words';
import { BulkUsers, type BulkRun } from './bulk-users';
import { UserList } from './user-list';

/**
 * The users locked out across the orgs, latest first, with Unlock and Suspend for a selection.
 * After a bulk action the whole dashboard reads again, so the Locked out figure follows.
 */
@Component({
  selector: 'mtp-lockouts-widget',
  imports: [DatePipe, MatButtonModule, MatCheckboxModule, MatProgressBarModule, MatTableModule, ProblemBanner],
  providers: [BulkUsers],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './lockouts-widget.html',
  styleUrls: ['./widget.scss', './lockouts-widget.scss'],
})
export class LockoutsWidget {
  private readonly store = inject(SessionStore);
  private readonly dialog = inject(MatDialog);
  private readonly refresh = inject(DashboardRefresh, { optional: true });
  protected readonly bulk = inject(BulkUsers);
  protected readonly list = new UserList({ sort: 'lockedOutAt', order: 'desc' }, 'Loading the locked-out users');

  /** Read-only admins see who is locked out, without the actions the API would refuse them. */
  protected readonly canAct = computed(() => {
    const role = partnerRoleOf(this.store.me());
    return !!role && USER_ACTORS.includes(role);
  });
  protected readonly columns = computed(() => (this.canAct() ? ['select', 'user', 'org', 'since'] : ['user', 'org', 'since']));
  protected readonly selected = signal<ReadonlySet<string>>(new Set());
  protected readonly selectedUsers = computed(() => this.list.items().filter((user) => this.selected().has(user.id)));
  protected readonly allSelected = computed(() => this.list.items().length > 0 && this.selectedUsers().length === this.list.items().length);
  protected readonly someSelected = computed(() => this.selectedUsers().length > 0 && !this.allSelected());
  protected readonly bulkWords = BULK_WORDS;
  protected readonly outcomeWords = OUTCOME_WORDS;
  protected readonly personName = personName;

  protected toggle(user: PortfolioUserDto, checked: boolean): void {
    this.selected.update((selected) => {
      const next = new Set(selected);
      if (checked) {
        next.add(user.id);
      } else {
        next.delete(user.id);
      }
      return next;
    });
  }

  protected toggleAll(checked: boolean): void {
    this.selected.set(new Set(checked ? this.list.items().map((user) => user.id) : []));
  }

  protected unlock(): void {
    this.start('unlock');
  }

  protected suspend(): void {
    const count = this.selectedUsers().length;
    confirmAction(this.dialog, {
      title: count === 1 ? 'Suspend this user?' : `Suspend ${count} users?`,
      message:
        `Suspend ${count === 1 ? this.selectedUsers()[0].username : plural(count, 'user')}? ` +
        'They cannot sign in until an admin of their organization activates them again.',
      confirm: 'Suspend',
    })
      .pipe(filter(Boolean))
      .subscribe(() => this.start('suspend'));
  }

  protected summary(run: BulkRun): string {
    const words = BULK_WORDS[run.action];
    if (!run.finished) {
      return `${words.running}… ${run.done} of ${plural(run.total, 'user')}`;
    }
    const counts = (Object.keys(OUTCOME_WORDS) as (keyof typeof OUTCOME_WORDS)[])
      .map((outcome) => ({ outcome, count: run.results.filter((row) => row.outcome === outcome).length }))
      .filter(({ count }) => count > 0)
      .map(({ outcome, count }) => `${count} ${OUTCOME_WORDS[outcome].toLowerCase()}`);
    return `${words.verb} finished for ${plural(run.total, 'user')}: ${counts.join(', ')}.`;
  }

  protected percent(run: BulkRun): number {
    return Math.round((run.done / run.total) * 100);
  }

  private start(action: BulkAction): void {
    this.bulk.start(action, this.selectedUsers(), () => {
      this.selected.set(new Set());
      // Everything the change touched reads again: this list, the totals, the other widgets.
      if (this.refresh) {
        this.refresh.request();
      } else {
        this.list.reload();
      }
    });
  }
}
