import { DatePipe } from '@angular/common';
import { ChangeDetectionStrategy, Component, DestroyRef, type OnInit, inject } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatTableModule } from '@angular/material/table';
import { type LaunchSessionDto } from '@mtp/api-client';

import { OlderPages } from '../../../shared/data/older-pages';
import { LoadingState, ProblemBanner } from '../../../shared/ui/page-states';
import { LaunchApi } from '../../launch/launch-api';
import { adminWords, endedWords } from '../../launch/launch-words';
import { roleWord } from '../../partner/partner-words';
import { OrgConsole } from '../org-console';

const PAGE = 25;

/**
 * Which partner admins have managed this org through launch sessions, now and before, and why: for
 * the org's own admins to oversee their partners. Newest first, a page at a time.
 */
@Component({
  selector: 'mtp-partner-access-page',
  imports: [DatePipe, LoadingState, MatButtonModule, MatTableModule, ProblemBanner],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './partner-access-page.html',
  styleUrl: './partner-access-page.scss',
})
export class PartnerAccessPage implements OnInit {
  private readonly api = inject(LaunchApi);
  private readonly console = inject(OrgConsole);
  private readonly destroyRef = inject(DestroyRef);

  protected readonly columns = ['partner', 'admin', 'role', 'reason', 'ticket', 'startedAt', 'state'];
  private readonly pages = new OlderPages<LaunchSessionDto>(this.destroyRef, (before) => this.api.partnerAccess(this.console.orgId(), PAGE, before), 'Loading the partner access');
  protected readonly sessions = this.pages.items;
  protected readonly nextBefore = this.pages.nextBefore;
  protected readonly loading = this.pages.loading;
  protected readonly problem = this.pages.problem;
  protected readonly adminWords = adminWords;
  protected readonly endedWords = endedWords;
  protected readonly roleWord = roleWord;

  ngOnInit(): void {
    this.more();
  }

  protected more(): void {
    this.pages.more();
  }
}
