import { Injectable, inject, signal } from '@angular/core';
import { MatDialog } from '@angular/material/dialog';
import { MatSnackBar } from '@angular/material/snack-bar';
import { type DirectoryUserDto } from '@mtp/api-client';
import { type Observable, Subject, filter } from 'rxjs';

import { OrgApi, type UserAction } from '../org-api';
import { OrgConsole } from '../org-console';
import { consoleProblem, fullName } from '../org-words';
import { confirmAction } from '../../../shared/ui/confirm-dialog';
import { UserDialog, type UserDialogData } from './user-dialog';

const DONE: Record<UserAction, string> = {
  suspend: 'Suspended',
  activate: 'Activated',
  unlock: 'Unlocked',
  'reset-mfa': 'Reset the MFA of',
};

/** What the users table does to a user: each change calls its endpoint, says so, and asks for a refresh. */
@Injectable()
export class UserActions {
  private readonly api = inject(OrgApi);
  private readonly console = inject(OrgConsole);
  private readonly dialog = inject(MatDialog);
  private readonly snackBar = inject(MatSnackBar);
  private readonly changedSubject = new Subject<void>();

  /** Emits after each change, successful or not: either way the table should show what is true now. */
  readonly changed = this.changedSubject.asObservable();
  /** The user a change is on its way for, to disable their actions meanwhile. */
  readonly busyId = signal<string | null>(null);

  run(user: DirectoryUserDto, action: UserAction): void {
    this.track(user, this.api.userAction(this.console.orgId(), user.id, action), `${DONE[action]} ${user.username}`);
  }

  remove(user: DirectoryUserDto): void {
    const who = fullName(user) ? `${user.username} (${fullName(user)})` : user.username;
    confirmAction(this.dialog, {
      title: 'Delete this user?',
      message: `Delete user ${who}? They lose access at once, and this cannot be undone.`,
      confirm: 'Delete',
    })
      .pipe(filter(Boolean))
      .subscribe(() => this.track(user, this.api.deleteUser(this.console.orgId(), user.id), `Deleted ${user.username}`));
  }

  edit(user: DirectoryUserDto): void {
    this.openDialog({ orgId: this.console.orgId(), user }, (saved) => `Saved ${saved.username}`);
  }

  create(): void {
    this.openDialog({ orgId: this.console.orgId() }, (created) => `Created ${created.username}`);
  }

  private openDialog(data: UserDialogData, done: (user: DirectoryUserDto) => string): void {
    this.dialog
      .open<UserDialog, UserDialogData, DirectoryUserDto>(UserDialog, { data, width: '560px', maxWidth: '95vw', autoFocus: 'first-tabbable' })
      .afterClosed()
      .pipe(filter((user): user is DirectoryUserDto => !!user))
      .subscribe((user) => {
        this.snackBar.open(done(user), 'OK', { duration: 4000 });
        this.changedSubject.next();
      });
  }

  private track(user: DirectoryUserDto, request: Observable<unknown>, done: string): void {
    this.busyId.set(user.id);
    request.subscribe({
      next: () => this.finish(done),
      error: (error: unknown) => this.finish(consoleProblem(error, 'That change')),
    });
  }

  private finish(message: string): void {
    this.busyId.set(null);
    this.snackBar.open(message, 'OK', { duration: 5000 });
    this.changedSubject.next();
  }
}
