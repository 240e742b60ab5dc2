import { DatePipe } from '@angular/common';
import { ChangeDetectionStrategy, Component, DestroyRef, type OnInit, inject, signal } from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { MatButtonModule } from '@angular/material/button';
import { MatDialog } from '@angular/material/dialog';
import { MatListModule } from '@angular/material/list';
import { MatSnackBar } from '@angular/material/snack-bar';
import { type OrgAdminDto } from '@mtp/api-client';
import { filter } from 'rxjs';

import { SessionStore } from '../../../core/auth/session-store';
import { type ProblemView, describeProblem, problemMessage } from '../../../core/http/problem-message';
import { LoadingState, ProblemBanner } from '../../../shared/ui/page-states';
import { OrgApi } from '../org-api';
import { ConsoleAccess } from '../console-access';
import { OrgConsole } from '../org-console';
import { confirmAction } from '../../../shared/ui/confirm-dialog';
import { AddAdminDialog } from './add-admin-dialog';

/** Who manages the org: active admins and invited ones who have not chosen a password yet. */
@Component({
  selector: 'mtp-admins-page',
  imports: [DatePipe, LoadingState, MatButtonModule, MatListModule, ProblemBanner],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './admins-page.html',
  styleUrl: './admins-page.scss',
})
export class AdminsPage implements OnInit {
  private readonly api = inject(OrgApi);
  private readonly console = inject(OrgConsole);
  private readonly dialog = inject(MatDialog);
  private readonly snackBar = inject(MatSnackBar);
  private readonly destroyRef = inject(DestroyRef);
  protected readonly myEmail = inject(SessionStore).me()?.email ?? null;
  /** Adding and removing admins is managing the org: not for a helpdesk session. */
  protected readonly manages = inject(ConsoleAccess).manages;

  protected readonly admins = signal<OrgAdminDto[] | null>(null);
  protected readonly problem = signal<ProblemView | null>(null);
  /** Why the last removal was refused, in the API's words (e.g. an org keeps at least one admin). */
  protected readonly refusal = signal<string | null>(null);

  ngOnInit(): void {
    this.load();
  }

  protected load(): void {
    this.problem.set(null);
    this.api
      .admins(this.console.orgId())
      .pipe(takeUntilDestroyed(this.destroyRef))
      .subscribe({
        next: (admins) => this.admins.set(admins),
        error: (error: unknown) => this.problem.set(describeProblem(error, 'Loading the admins')),
      });
  }

  protected add(): void {
    this.dialog
      .open<AddAdminDialog, string, OrgAdminDto>(AddAdminDialog, { data: this.console.orgId(), width: '440px', maxWidth: '95vw' })
      .afterClosed()
      .pipe(filter((admin): admin is OrgAdminDto => !!admin))
      .subscribe((admin) => this.changed(admin.active ? `Added ${admin.email}` : `Invited ${admin.email} by email`));
  }

  protected remove(admin: OrgAdminDto): void {
    this.refusal.set(null);
    confirmAction(this.dialog, {
      title: 'Remove this admin?',
      message: `Remove ${admin.name || admin.email} (${admin.email}) from the admins of this organization?`,
      confirm: 'Remove',
    })
      .pipe(filter(Boolean))
      .subscribe(() =>
        this.api.removeAdmin(this.console.orgId(), admin.administratorId).subscribe({
          next: () => this.changed(`Removed ${admin.email}`),
          error: (error: unknown) => {
            const words = problemMessage(error, 'Removing the admin');
            this.refusal.set(words);
            this.snackBar.open(words, 'OK', { duration: 6000 });
          },
        }),
      );
  }

  private changed(message: string): void {
    this.snackBar.open(message, 'OK', { duration: 4000 });
    this.load();
    this.console.refresh();
  }
}
