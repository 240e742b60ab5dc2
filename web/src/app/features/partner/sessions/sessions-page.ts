import { DatePipe } from '@angular/common';
import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatSlideToggleModule } from '@angular/material/slide-toggle';
import { MatSnackBar } from '@angular/material/snack-bar';
import { MatTableModule } from '@angular/material/table';
import { type LaunchSessionDto } from '@mtp/api-client';
import { map } from 'rxjs';

import { SessionStore } from '../../../core/auth/session-store';
import { problemMessage } from '../../../core/http/problem-message';
import { minutesLeft, tickingNow } from '../../../core/launch/launch-clock';
import { LaunchStore } from '../../../core/launch/launch-store';
import { ProblemBanner } from '../../../shared/ui/page-states';
import { LaunchApi } from '../../launch/launch-api';
import { adminWords, endedWords, minutesWords } from '../../launch/launch-words';
import { KeysetList } from '../directory/keyset-list';
import { KeysetPaginator } from '../directory/keyset-paginator';
import { partnerRoleOf } from '../partner-role';

interface SessionFilters {
  readonly state: 'active' | 'all';
}

/** The API's page, in the shape the keyset list pages by (`nextBefore` is its cursor). */
interface SessionPage {
  readonly items: LaunchSessionDto[];
  readonly nextCursor: string | null;
}

/** The time-left column is in whole minutes: looking at the clock twice a minute is plenty. */
const TIME_LEFT_TICK_MS = 30_000;

export const ENDED_FROM_LIST = 'This session was ended from the list of launch sessions.';

/**
 * Launch sessions of the partner, newest first: the whole partner's for owners and admins, one's
 * own for the other roles (the API decides). Active ones by default, ended ones on demand, each
 * active one with a way to end it.
 */
@Component({
  selector: 'mtp-partner-sessions-page',
  imports: [DatePipe, KeysetPaginator, MatButtonModule, MatProgressBarModule, MatSlideToggleModule, MatTableModule, ProblemBanner],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './sessions-page.html',
  styleUrls: ['../partner-table.scss', './sessions-page.scss'],
})
export class PartnerSessionsPage {
  private readonly api = inject(LaunchApi);
  private readonly launches = inject(LaunchStore);
  private readonly store = inject(SessionStore);
  private readonly snackBar = inject(MatSnackBar);
  private readonly now = tickingNow(TIME_LEFT_TICK_MS);

  protected readonly sessions = new KeysetList<SessionFilters, SessionPage>({
    filters: { state: 'active' },
    load: (filters, paging) =>
      this.api
        .sessions({ state: filters.state, limit: paging.limit, ...(paging.cursor ? { before: paging.cursor } : {}) })
        .pipe(map((page) => ({ items: page.items, nextCursor: page.nextBefore }))),
    doing: 'Loading the launch sessions',
  });
  protected readonly columns = ['org', 'admin', 'reason', 'startedAt', 'timeLeft', 'actions'];
  /** Owners and admins oversee every session of the partner; the others see their own. */
  protected readonly overseer = computed(() => ['owner', 'admin'].includes(partnerRoleOf(this.store.me()) ?? ''));
  protected readonly ending = signal<string | null>(null);
  protected readonly adminWords = adminWords;
  protected readonly endedWords = endedWords;

  protected timeLeft(session: LaunchSessionDto): string {
    return `${minutesWords(minutesLeft(session.expiresAt, this.now()))} left`;
  }

  protected showEnded(include: boolean): void {
    this.sessions.change({ state: include ? 'all' : 'active' });
  }

  protected end(session: LaunchSessionDto): void {
    this.ending.set(session.id);
    this.api.end(session.id).subscribe({
      next: (ended) => {
        this.ending.set(null);
        // When this very tab works in that session, its console stops too.
        if (this.launches.launchOf(ended.org.orgId)?.session.id === ended.id) {
          this.launches.end(ended.org.orgId, ENDED_FROM_LIST, ended);
        }
        this.snackBar.open(`Ended the session of ${adminWords(ended.admin)} in ${ended.org.name}`, 'OK', { duration: 5000 });
        this.sessions.refresh();
      },
      error: (error: unknown) => {
        this.ending.set(null);
        this.snackBar.open(problemMessage(error, 'Ending the session'), 'OK', { duration: 8000 });
        this.sessions.refresh();
      },
    });
  }
}
