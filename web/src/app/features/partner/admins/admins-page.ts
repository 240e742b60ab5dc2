import { ChangeDetectionStrategy, Component, DestroyRef, type OnInit, computed, inject, signal } from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { MatButtonModule } from '@angular/material/button';
import { type PartnerAdminDto, type PartnerInvitationDto } from '@mtp/api-client';

import { SessionStore } from '../../../core/auth/session-store';
import { type ProblemView, describeProblem } from '../../../core/http/problem-message';
import { LoadingState, NoticeBanner, ProblemBanner } from '../../../shared/ui/page-states';
import { PartnerApi } from '../partner-api';
import { partnerRoleOf } from '../partner-role';
import { AdminActions } from './admin-actions';
import { AdminsTable } from './admins-table';
import { InvitationsTable } from './invitations-table';

/**
 * Who runs the partner: its admins and, for an owner, the invitations on their way. An `admin`
 * sees the same list read-only; the API refuses them the invitations, so they are not asked for.
 */
@Component({
  selector: 'mtp-partner-admins-page',
  imports: [AdminsTable, InvitationsTable, LoadingState, MatButtonModule, NoticeBanner, ProblemBanner],
  providers: [AdminActions],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './admins-page.html',
  styleUrl: './admins-page.scss',
})
export class PartnerAdminsPage implements OnInit {
  private readonly api = inject(PartnerApi);
  private readonly store = inject(SessionStore);
  private readonly destroyRef = inject(DestroyRef);
  protected readonly actions = inject(AdminActions);

  protected readonly partnerName = computed(() => this.store.me()?.partnerMemberships[0]?.partnerName ?? '');
  protected readonly canManage = computed(() => partnerRoleOf(this.store.me()) === 'owner');

  protected readonly admins = signal<PartnerAdminDto[] | null>(null);
  protected readonly adminsProblem = signal<ProblemView | null>(null);
  protected readonly invitations = signal<PartnerInvitationDto[] | null>(null);
  protected readonly invitationsProblem = signal<ProblemView | null>(null);

  constructor() {
    this.actions.changed
      .pipe(takeUntilDestroyed())
      .subscribe((list) => (list === 'admins' ? this.loadAdmins() : this.loadInvitations()));
  }

  ngOnInit(): void {
    this.loadAdmins();
    if (this.canManage()) {
      this.loadInvitations();
    }
  }

  protected loadAdmins(): void {
    this.adminsProblem.set(null);
    this.api
      .admins()
      .pipe(takeUntilDestroyed(this.destroyRef))
      .subscribe({
        next: (admins) => this.admins.set(admins),
        error: (error: unknown) => this.adminsProblem.set(describeProblem(error, 'Loading the admins')),
      });
  }

  protected loadInvitations(): void {
    this.invitationsProblem.set(null);
    this.api
      .invitations()
      .pipe(takeUntilDestroyed(this.destroyRef))
      .subscribe({
        next: (invitations) => this.invitations.set(invitations),
        error: (error: unknown) => this.invitationsProblem.set(describeProblem(error, 'Loading the invitations')),
      });
  }
}
